package output

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// A File is one output file handed to Build.Add: its bytes, or a file
// that holds them.
type File struct {
	// Path is the file's path in the output, slash-separated, relative,
	// without "..": "claims/x/index.html".
	Path string
	// Data are the bytes, when From is "".
	Data []byte
	// From names a file that holds the bytes: the build makes a hard link
	// to it, or copies it where it cannot (From on another file system);
	// if From cannot be read either, it writes what Render returns.
	From   string
	Render func() ([]byte, error)
	// ID, when set, stands for the content in the manifest in place of
	// its hash: two files with the same ID must have the same bytes (a
	// share card's cache key). A file From without an ID is read to hash
	// it.
	ID string
	// Sum, for a file with an ID and Data, records the hash of Data
	// beside the ID in the manifest ("ID+HASH"): a later build that makes
	// the same bytes under another ID need not write them again.
	Sum bool
	// Recycle, when set, is called with Data once the build no longer
	// needs them.
	Recycle func([]byte)
}

// A Build writes one build into a Folder: Add the files, then Commit, or
// Abort on a failure.
type Build struct {
	f *Folder
	// dir is the new folder (update false) or the staging folder
	// (update true) beside the output.
	dir    string
	update bool
	files  chan File
	done   chan struct{}
	dirs   map[string]bool // folders made in dir
	mu     sync.Mutex
	err    error
	made   manifest // what this build makes, path → entry
	inputs string   // see SetInputs
	// staged lists the files written into dir, by the writer goroutine;
	// written counts them for Written.
	staged  []string
	written atomic.Int64
}

// Begin starts writing a build into the folder: into a new folder beside
// it, or into a staging folder when the folder has a manifest (see the
// package doc).
func (f *Folder) Begin() (*Build, error) {
	dir, err := newFolder(f.abs)
	if err != nil {
		return nil, f.fail("cannot create a folder beside "+f.folder()+" for the new site", err)
	}
	b := &Build{
		f: f, dir: dir, update: f.old != nil,
		files: make(chan File, 256), done: make(chan struct{}),
		dirs: map[string]bool{}, made: make(manifest, len(f.old)),
	}
	go b.run()
	return b, nil
}

// Add hands over one output file. It may be called from several
// goroutines at once. Files are written by one goroutine, in the order
// they are added: creating folders and files in one parent folder from
// several threads at once makes them wait on the folder's lock in the
// kernel, which costs more system time than writing them one after the
// other. After the first failure nothing more is written, and Add returns
// that error.
func (b *Build) Add(file File) error {
	if err := b.failed(); err != nil {
		return err
	}
	p, err := cleanPath(file.Path)
	if err != nil {
		return err
	}
	file.Path = p
	if file.From == "" || file.ID != "" {
		e := entry{fp: file.ID, size: -1}
		if file.From == "" {
			e.size = int64(len(file.Data))
			if e.fp == "" {
				e.fp = fingerprint(file.Data)
			} else if file.Sum {
				e.fp += "+" + fingerprint(file.Data)
				file.ID = e.fp
			}
		}
		if b.unchanged(p, e) {
			if file.Recycle != nil {
				file.Recycle(file.Data)
			}
			return nil
		}
	}
	b.files <- file
	return nil
}

// SetInputs records, in the manifest, the fingerprint of all that the
// build's output is made from: a later build with the same inputs may
// KeepAll.
func (b *Build) SetInputs(fp string) { b.inputs = fp }

// KeepAll reports whether every file the previous build made is still in
// the output at the size it had, and then keeps them all: a build whose
// inputs are those of the previous one (Folder.Inputs) adds nothing, and
// its Commit changes nothing.
func (b *Build) KeepAll() bool {
	if b.f.old == nil {
		return false
	}
	for p, e := range b.f.old {
		if !b.f.wasIntact(p, e) {
			return false
		}
	}
	b.mu.Lock()
	for p, e := range b.f.old {
		b.made[p] = e
	}
	b.mu.Unlock()
	return true
}

// Keep reports whether the previous build made the file p with the ID
// id (see File.ID), and it is still in the output at the size it had:
// then it is kept as it is, and need not be made nor added.
func (b *Build) Keep(p, id string) bool {
	if _, err := cleanPath(p); err != nil || id == "" || b.f.old == nil {
		return false
	}
	return b.unchanged(p, entry{fp: id, size: -1})
}

// unchanged reports whether the previous build made p with the entry e
// (a size of -1 matches any) and p is still in the output at that size.
// It records p in the new manifest when so.
//
// The manifest knows a file that was added with an ID and its bytes by
// both: "ID+HASH". An entry e of an ID alone (Keep) matches it by the
// ID; an entry of both, by the content, whatever the ID was: the file
// is then recorded with e's.
func (b *Build) unchanged(p string, e entry) bool {
	old, ok := b.f.old[p]
	if !ok || (e.size >= 0 && old.size != e.size) {
		return false
	}
	oldID, oldSum, oldBoth := strings.Cut(old.fp, "+")
	_, sum, both := strings.Cut(e.fp, "+")
	switch {
	case old.fp == e.fp:
	case both && oldBoth && oldSum == sum:
	case !both && oldBoth && oldID == e.fp:
		e = old
	default:
		return false
	}
	if !b.f.wasIntact(p, old) {
		return false
	}
	if e.size < 0 {
		e = old
	}
	b.record(p, e)
	return true
}

func (b *Build) record(p string, e entry) {
	b.mu.Lock()
	b.made[p] = e
	b.mu.Unlock()
}

func (b *Build) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

func (b *Build) run() {
	defer close(b.done)
	for file := range b.files {
		if b.failed() != nil {
			continue // drain
		}
		if err := b.write(file); err != nil {
			b.mu.Lock()
			b.err = err
			b.mu.Unlock()
		}
	}
}

func (b *Build) write(file File) error {
	dst := filepath.Join(b.dir, filepath.FromSlash(file.Path))
	if err := mkdirs(filepath.Dir(dst), b.dir, b.dirs); err != nil {
		return &writeError{what: "cannot create the folder " + b.f.show(path.Dir(file.Path)), err: err}
	}
	if file.From != "" {
		if os.Link(file.From, dst) == nil {
			fi, err := os.Lstat(dst)
			if err != nil {
				return &writeError{what: "cannot write " + b.f.show(file.Path), err: err}
			}
			if file.ID == "" {
				// Not known by an ID: read back to hash it.
				data, err := os.ReadFile(dst)
				if err != nil {
					return &writeError{what: "cannot write " + b.f.show(file.Path), err: err}
				}
				b.record(file.Path, entry{fingerprint(data), fi.Size()})
			} else {
				b.record(file.Path, entry{file.ID, fi.Size()})
			}
			b.staged = append(b.staged, file.Path)
			b.written.Add(1)
			return nil
		}
		data, err := os.ReadFile(file.From)
		if err != nil {
			if data, err = file.Render(); err != nil {
				return fmt.Errorf("%s: %w", file.Path, err)
			}
		}
		file.Data = data
		if file.ID == "" {
			file.ID = fingerprint(data)
		}
	}
	if err := writeFile(dst, file.Data); err != nil {
		return &writeError{what: "cannot write " + b.f.show(file.Path), err: err}
	}
	e := entry{file.ID, int64(len(file.Data))}
	if e.fp == "" {
		e.fp = fingerprint(file.Data)
	}
	b.record(file.Path, e)
	b.staged = append(b.staged, file.Path)
	b.written.Add(1)
	if file.Recycle != nil {
		file.Recycle(file.Data)
	}
	return nil
}

// wait waits for the files added so far to be written, and returns the
// first error.
func (b *Build) wait() error {
	if b.files != nil {
		close(b.files)
		<-b.done
		b.files = nil
	}
	return b.err
}

// Written is the number of files the build wrote; the others were left
// as the previous build made them.
func (b *Build) Written() int { return int(b.written.Load()) }

// Abort ends a build that failed with err: it removes what the build
// wrote beside the output, and returns err with what became of the
// output said.
func (b *Build) Abort(err error) error {
	b.wait()
	var we *writeError
	if errors.As(err, &we) {
		// The message names the file; drop the caller's prefixes.
		if we.then == "" {
			we.then = b.f.kept()
		}
		err = we
	} else {
		err = fmt.Errorf("writing the site failed, the previous output is untouched: %w", err)
	}
	if rmErr := removeBuild(b.dir); rmErr != nil {
		err = fmt.Errorf("%w; the unfinished %s is left behind (%s) and the next build removes it", err, b.f.sibling(b.dir), reason(rmErr))
	}
	return err
}

// newFolder makes the folder a build writes into, beside out: its name is
// ".OUT.new-" and a random number, and its mode the one the umask gives a
// new folder (os.MkdirTemp's is 0700, which a web server serving the
// output as another user cannot read). It holds the Marker from the
// start, so that a later build knows it for a build's own if this one is
// killed.
func newFolder(out string) (string, error) {
	prefix := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".new-")
	for range 100 {
		dir := prefix + strconv.FormatUint(uint64(rand.Uint32()), 10)
		err := os.Mkdir(dir, 0o777)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if err := writeMarker(dir); err != nil {
			os.Remove(dir)
			return "", err
		}
		return dir, nil
	}
	return "", fmt.Errorf("cannot find a free name %s*", prefix)
}

func writeMarker(dir string) error {
	return os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
}

// removeBuild removes dir, a folder a build made, and its Marker last: if
// the build is killed meanwhile, or a file cannot be removed, the folder
// keeps the Marker, by which the next build knows it for its own.
func removeBuild(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() != Marker {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	if err := os.Remove(filepath.Join(dir, Marker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Remove(dir)
}

// madeByBuild reports whether the folder p holds the Marker.
func madeByBuild(p string) bool {
	fi, err := os.Lstat(filepath.Join(p, Marker))
	return err == nil && fi.Mode().IsRegular()
}

// mkdirs makes dir and the folders above it up to root, which exists,
// remembering in made those it made or found: one system call for a
// folder whose parent is known, where os.MkdirAll needs three.
func mkdirs(dir, root string, made map[string]bool) error {
	if dir == root || made[dir] {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err := mkdirs(filepath.Dir(dir), root, made); err != nil {
			return err
		}
		err = os.Mkdir(dir, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	made[dir] = true
	return nil
}

// cleanPath is an output path made safe: slash-separated, relative, with
// no "..", so it cannot leave the output folder, and not starting with a
// dot, where the Marker and the build's own folders are.
func cleanPath(p string) (string, error) {
	c := path.Clean("/" + p)[1:]
	if c == "" || c != p || strings.Contains(p, "\\") || strings.HasPrefix(p, ".factcheck-") {
		return "", fmt.Errorf("unsafe output path %q", p)
	}
	return c, nil
}
