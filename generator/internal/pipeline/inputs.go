package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// inputs is the fingerprint of all that Write's output is made from: the
// generator's own program (its templates, static files and code), the
// options that change the output, and every file under the site's
// content/, templates/ and static/ folders, by name, kind and content
// (hidden files and editors' leftovers too: that only makes the
// fingerprint change more often than the output). A build whose inputs
// are those the output folder records makes the same files, so it need
// not render them. layout is the same fingerprint without the files
// under content/claims and content/sources: what every page is made
// from besides its claims and sources (render.Renderer.Inputs). Both
// are "" when something cannot be read: the build then renders
// everything.
//
// The files the build read (reads) are hashed from what it read, the
// others read here.
func inputs(opts Options, reads *readLog) (all, layout string) {
	h, g := sha256.New(), sha256.New()
	both := io.MultiWriter(h, g)
	prog := programStamp()
	if prog == "" {
		return "", ""
	}
	fmt.Fprintf(both, "program %s\x00", prog)
	fmt.Fprintf(both, "\x00drafts %t base %q cards %t\x00", opts.Drafts, opts.BaseURL, opts.cards != nil)
	for _, d := range []string{"content", "templates", "static"} {
		if err := hashTree(both, h, reads, filepath.Join(opts.Src, d), d); err != nil {
			return "", ""
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), hex.EncodeToString(g.Sum(nil)[:16])
}

// hashTree writes into w the names, kinds and contents of the files and
// folders below dir, named rel, in name order, without following
// symbolic links; those under content/claims and content/sources into
// content only.
func hashTree(w, content io.Writer, reads *readLog, dir, rel string) error {
	if rel == "content/claims" || rel == "content/sources" {
		w = content
	}
	fi, err := os.Lstat(dir)
	if os.IsNotExist(err) {
		_, err = io.WriteString(w, "none "+strconv.Quote(rel)+"\x00")
		return err
	}
	if err != nil {
		return err
	}
	switch {
	case fi.Mode()&os.ModeSymlink != 0:
		target, err := os.Readlink(dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "link %q %q\x00", rel, target)
	case fi.IsDir():
		fmt.Fprintf(w, "dir %q\x00", rel)
		entries, err := os.ReadDir(dir) // in name order
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := hashTree(w, content, reads, filepath.Join(dir, e.Name()), rel+"/"+e.Name()); err != nil {
				return err
			}
		}
	case fi.Mode().IsRegular():
		fmt.Fprintf(w, "file %q\x00", rel)
		if sum, ok := reads.sum(rel); ok {
			_, err := w.Write(sum[:])
			return err
		}
		return hashFile(w, dir)
	default:
		fmt.Fprintf(w, "other %q %v\x00", rel, fi.Mode())
	}
	return nil
}

// programStamp is the SHA-256 of the running program's executable, in
// hex, or "" when it cannot be read: its templates, static files and
// code. It is hashed once per run.
var programStamp = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})

// hashFile writes into w the length and content of the file name.
func hashFile(w io.Writer, name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d\x00", len(b))
	_, err = w.Write(b)
	return err
}

// A readLog keeps the SHA-256 of each file a build read through
// loggedFS, by its path in the site folder, so that the fingerprint of
// the inputs hashes what the build read without reading it again.
type readLog struct {
	mu   sync.Mutex
	sums map[string][sha256.Size]byte
}

func (l *readLog) sum(name string) (sum [sha256.Size]byte, ok bool) {
	if l == nil {
		return sum, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	sum, ok = l.sums[name]
	return sum, ok
}

// loggedFS is a site folder's file system whose ReadFile logs what it
// read.
type loggedFS struct {
	fs.FS
	log *readLog
}

func (l loggedFS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(l.FS, name)
	if err == nil {
		sum := sha256.Sum256(b)
		l.log.mu.Lock()
		l.log.sums[name] = sum
		l.log.mu.Unlock()
	}
	return b, err
}

func (l loggedFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(l.FS, name) }
func (l loggedFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(l.FS, name) }
func (l loggedFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(l.FS, name) }
func (l loggedFS) ReadLink(name string) (string, error)       { return fs.ReadLink(l.FS, name) }
