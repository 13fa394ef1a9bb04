package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"factcheck/generator/internal/cachefile"
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
// A file's content is hashed from what the build used: what it read
// (reads), or what the parse cache took for the file's content
// (site.Cache.Sum, which may trust a file's metadata); the others are
// read here.
func inputs(opts Options, reads *readLog) (all, layout string) {
	h, g := sha256.New(), sha256.New()
	both := io.MultiWriter(h, g)
	prog := programStamp(opts.Cache)
	if prog == "" {
		return "", ""
	}
	fmt.Fprintf(both, "program %s\x00", prog)
	fmt.Fprintf(both, "\x00drafts %t base %q cards %t\x00", opts.Drafts, opts.BaseURL, opts.cards != nil)
	sum := func(rel string) ([sha256.Size]byte, bool) {
		if s, ok := reads.sum(rel); ok {
			return s, true
		}
		if opts.parsed != nil {
			return opts.parsed.Sum(rel)
		}
		return [sha256.Size]byte{}, false
	}
	for _, d := range []string{"content", "templates", "static"} {
		if err := hashTree(both, h, sum, filepath.Join(opts.Src, d), d); err != nil {
			return "", ""
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), hex.EncodeToString(g.Sum(nil)[:16])
}

// hashTree writes into w the names, kinds and contents of the files and
// folders below dir, named rel, in name order, without following
// symbolic links; those under content/claims and content/sources into
// content only. sum gives the hash of a file's content when it is known.
func hashTree(w, content io.Writer, sum func(rel string) ([sha256.Size]byte, bool), dir, rel string) error {
	fi, err := os.Lstat(dir)
	if os.IsNotExist(err) {
		_, err = io.WriteString(w, "none "+strconv.Quote(rel)+"\x00")
		return err
	}
	if err != nil {
		return err
	}
	return hashEntry(w, content, sum, dir, rel, fi.Mode().Type())
}

// hashEntry is hashTree for dir of the type typ, which the folder
// listing above it gave.
func hashEntry(w, content io.Writer, sum func(rel string) ([sha256.Size]byte, bool), dir, rel string, typ fs.FileMode) error {
	if rel == "content/claims" || rel == "content/sources" {
		w = content
	}
	switch {
	case typ&fs.ModeSymlink != 0:
		target, err := os.Readlink(dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "link %q %q\x00", rel, target)
	case typ.IsDir():
		fmt.Fprintf(w, "dir %q\x00", rel)
		entries, err := os.ReadDir(dir) // in name order
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := hashEntry(w, content, sum, filepath.Join(dir, e.Name()), rel+"/"+e.Name(), e.Type()); err != nil {
				return err
			}
		}
	case typ.IsRegular():
		fmt.Fprintf(w, "file %q\x00", rel)
		if s, ok := sum(rel); ok {
			_, err := w.Write(s[:])
			return err
		}
		return hashFile(w, dir)
	default:
		fmt.Fprintf(w, "other %q %v\x00", rel, typ)
	}
	return nil
}

// programStamp is the SHA-256 of the running program's executable, in
// hex, or "" when it cannot be read: its templates, static files and
// code. It is made once per run. With a cache folder (cache, a folder
// the build may write; "" for none) it is kept there in the file
// "program" with what the executable's metadata said (see exeKey): a
// later run whose executable has the same metadata takes the stamp from
// there instead of hashing the executable, as it trusts the site's
// files (see site.OpenCache). A file that does not hold what this run
// would write for another key is ignored.
func programStamp(cache string) string {
	stamp.mu.Lock()
	defer stamp.mu.Unlock()
	if stamp.done {
		return stamp.v
	}
	stamp.v, stamp.done = makeStamp(cache), true
	return stamp.v
}

var stamp struct {
	mu   sync.Mutex
	done bool
	v    string
}

const stampFile = "program"

func makeStamp(cache string) string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	key, keyOK := exeKey(exe, timeNow())
	name := filepath.Join(cache, stampFile)
	if cache != "" && keyOK {
		if b, err := os.ReadFile(name); err == nil {
			if sum, ok := parseStamp(b, key); ok {
				return sum
			}
		}
	}
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return ""
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if cache != "" && keyOK {
		writeStamp(cache, stampText(key, sum))
	}
	return sum
}

// timeNow is time.Now, set by tests.
var timeNow = time.Now

// stampText is what the stamp file holds: a title, the executable's
// metadata, its hash, and a checksum of the lines before it.
func stampText(key, sum string) []byte {
	body := "factcheck program stamp\n" + key + "\n" + sum + "\n"
	check := sha256.Sum256([]byte(body))
	return []byte(body + hex.EncodeToString(check[:8]) + "\n")
}

// parseStamp returns the hash a stamp file b holds for key.
func parseStamp(b []byte, key string) (string, bool) {
	lines := strings.Split(string(b), "\n")
	if len(lines) != 5 || lines[4] != "" || lines[1] != key || len(lines[2]) != 2*sha256.Size {
		return "", false
	}
	if _, err := hex.DecodeString(lines[2]); err != nil {
		return "", false
	}
	if !bytes.Equal(stampText(key, lines[2]), b) {
		return "", false
	}
	return lines[2], true
}

// writeStamp writes the stamp file into the folder cache, through a new
// file renamed over the old one; a failure only costs the next run the
// hashing.
func writeStamp(cache string, b []byte) {
	cachefile.Write(filepath.Join(cache, stampFile), ".program-*.tmp", b)
}

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
