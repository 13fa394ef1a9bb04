// Package output holds the output folder of a build: the folder --out
// names, the lock that keeps a second build out of it, the record of
// what the previous build made there, and the writing of a new build
// into it so that a failed or killed build leaves the previous output
// complete.
//
// # What a build leaves in the folder
//
// Every output folder holds the file .factcheck-build (Marker). Its first
// line says what the folder is; the lines after it are the manifest: one
// line for each file the build made, with a fingerprint of its content
// (the first 16 bytes of its SHA-256 in hex, or an identity the caller
// gives, see File.ID, with the hash after a "+" when File.Sum), its size
// and its path; and a fingerprint of the
// build's inputs (Build.SetInputs), by which a build with the same inputs
// knows that it would make the same files (Build.KeepAll). A folder
// without the Marker was not made by a build: a build refuses to write
// into it unless it is empty.
//
// # How a build is written
//
// Open takes the lock (the file .OUT.lock beside the folder; on unix a
// build killed holding it loses it with its process), finishes or undoes
// what an interrupted build left (see Recovery), and reads the manifest.
// Begin then starts one of two ways of writing:
//
//   - A new folder (the output does not exist, is empty, or was made by a
//     build too old to keep a manifest): every file is written into a new
//     folder beside the output, .OUT.new-N, which replaces the output in
//     two renames at Commit. The previous output, if any, is moved aside
//     to .OUT.old between the renames and removed after them.
//
//   - An update (the output has a manifest): a file whose fingerprint and
//     size are those the manifest has for its path, and which is still
//     there at that size, is not written at all: what a rebuild checks
//     of the output is one Lstat a file (taken, for every file the
//     manifest lists, in the background once Open has read it; the
//     output does not change before Commit), never its content, so a file
//     removed, resized or replaced by a link or folder by hand is made
//     again, but one edited in place to the same size is not. Any other
//     file is written into the staging folder .OUT.new-N beside the
//     output, under its output path. At Commit the build writes a journal into the
//     staging folder listing the files to move in and the files to
//     remove (those the manifest lists and this build did not make), and
//     renames the staging folder to .OUT.commit: that rename is the
//     commit point. It then applies the journal: it moves each staged
//     file into place with a rename, removes the files no longer made,
//     and last moves the new manifest into place as the Marker. A file in
//     the output that the manifest does not list is never removed or
//     replaced by anything but a file this build makes at that path.
//
// Files are written with a temporary name (inside the new or staging
// folder) and renamed into place, never written in place, so that a web
// server reading the output never sees half a file. As before, files are
// not fsynced: a killed build loses nothing the kernel was given, but a
// power cut may lose what was written shortly before it.
//
// # Failures and recovery
//
// Until the commit point the output folder is untouched: a build that
// fails or is killed there leaves it as it was, and its staging folder is
// removed (by the build itself, or by the next one, which recognizes it
// by its Marker). After the commit point, a failure that is not a kill
// (a rename refused) undoes what was applied, in reverse: every replaced
// file was first linked into the staging folder's .factcheck-undo, and is
// put back; the output is then again the previous build's. A build that
// finds .OUT.commit with a journal (the previous build was killed while
// applying it) applies the rest of it before anything else: every step is
// one that can be taken again, so the output becomes the killed build's
// new output, complete.
//
// Output paths in OUT are entered only through real folders: a folder of
// the output replaced by a symbolic link is neither written through nor
// removed from, so nothing is written or removed outside OUT.
package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// Marker is the file a build leaves in its output folder, holding the
// manifest. A folder without it was not made by a build, so a build
// refuses to write into it.
const Marker = ".factcheck-build"

// Errors of Open that are not about the disk.
var (
	// ErrBusy: another build into the same folder is running.
	ErrBusy = errors.New("the output folder is busy")
	// ErrRefused: the output folder is one a build must not replace.
	ErrRefused = errors.New("refused output folder")
)

// A Folder is an output folder opened by a build: locked, recovered, and
// with the manifest of the previous build read.
type Folder struct {
	name   string // as given, for messages
	abs    string // absolute, links resolved
	unlock func()
	// old is the manifest of the previous build, nil when the folder is
	// new, empty, or has a Marker without a manifest.
	old manifest
	// inputs is the fingerprint of the previous build's inputs.
	inputs string
	// sizes has, once scanning is done, the size of each file of old
	// as Open found it in the folder, -1 for one that is missing or
	// not a regular file (see scan).
	sizes    map[string]int64
	scanning sync.WaitGroup
	// hook, set by tests, is called before each change to the output
	// folder (see step).
	hook func(step string) error
}

// Open opens the output folder out of a build of the site in the folder
// site, which it must not replace: it refuses the site itself, a folder
// holding it, a folder inside its content/, templates/ or static/, and a
// non-empty folder that a build did not make (ErrRefused). It makes the
// folders above out, takes the lock (ErrBusy when another build holds
// it), and recovers what an interrupted build left. Close releases it.
func Open(out, site string) (*Folder, error) {
	abs, err := checkOut(site, out)
	if err != nil {
		return nil, err
	}
	f := &Folder{name: filepath.Clean(out), abs: abs}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, f.fail("cannot create the folder "+filepath.Dir(f.name)+" for "+f.folder(), err)
	}
	if f.unlock, err = lock(f); err != nil {
		return nil, err
	}
	if err := f.recover(); err != nil {
		f.unlock()
		return nil, err
	}
	f.old, f.inputs = readManifest(filepath.Join(abs, Marker))
	if f.old != nil {
		f.scanning.Go(f.scan)
	}
	return f, nil
}

// scan takes the size of every file of the manifest, in the background
// while the caller loads the site: the output does not change before
// Commit, and a rebuild that keeps most files then need not stat them
// while it renders.
func (f *Folder) scan() {
	sizes := make(map[string]int64, len(f.old))
	for p := range f.old {
		size, ok := regularSize(filepath.Join(f.abs, filepath.FromSlash(p)))
		if !ok {
			size = -1
		}
		sizes[p] = size
	}
	f.sizes = sizes
}

// Close releases the lock.
func (f *Folder) Close() {
	f.scanning.Wait()
	if f.unlock != nil {
		f.unlock()
		f.unlock = nil
	}
}

// Inputs is the fingerprint of the inputs of the build that made the
// folder (see Build.SetInputs), "" when unknown.
func (f *Folder) Inputs() string { return f.inputs }

// Abs is the output folder's absolute path, with links resolved.
func (f *Folder) Abs() string { return f.abs }

// Overlaps reports whether the folder dir is the output folder, lies
// inside it or holds it: a build's other folders (a cache) must not.
func (f *Folder) Overlaps(dir string) bool {
	dir = realPath(dir)
	return dir == f.abs || within(dir, f.abs) || within(f.abs, dir)
}

// A writeError is a file or folder a build could not write, rename or
// remove. Its message names the path and the system's reason in plain
// words, then says what became of the output; it wraps the system error,
// so that errors.Is(err, syscall.ENOSPC) works.
type writeError struct {
	what string // "cannot write public/index.html"
	err  error
	then string // "the previous site in public/ is unchanged"
}

func (e *writeError) Error() string {
	msg := e.what + ": " + reason(e.err)
	if e.then != "" {
		msg += "; " + e.then
	}
	return msg
}

func (e *writeError) Unwrap() error { return e.err }

// reason is the system's own words for err ("no space left on device"),
// without the operation and path that *fs.PathError adds, which name the
// temporary folder rather than the output.
func reason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	return err.Error()
}

// kept says what a failed build left in the output folder.
func (f *Folder) kept() string {
	if _, err := os.Stat(filepath.Join(f.abs, Marker)); err == nil {
		return "the previous site in " + f.folder() + " is unchanged"
	}
	return "nothing was written to " + f.folder()
}

// folder is the output folder's name with a trailing separator.
func (f *Folder) folder() string { return f.name + string(filepath.Separator) }

// show names the output file p (slash-separated, inside the output folder).
func (f *Folder) show(p string) string { return filepath.Join(f.name, filepath.FromSlash(p)) }

// sibling names a file beside the output folder: relative like the
// output's name when that is not a link, absolute otherwise.
func (f *Folder) sibling(p string) string {
	if a, err := filepath.Abs(f.name); err == nil && a == f.abs {
		return filepath.Join(filepath.Dir(f.name), filepath.Base(p))
	}
	return p
}

// fail reports a failure that left the output folder as it was.
func (f *Folder) fail(what string, err error) error {
	return &writeError{what: what, err: err, then: f.kept()}
}

// beside names the file ".OUT"+suffix beside the output folder.
func (f *Folder) beside(suffix string) string {
	return filepath.Join(filepath.Dir(f.abs), "."+filepath.Base(f.abs)+suffix)
}

// kindError is an error with its own message that errors.Is takes for
// kind.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }

func refuse(format string, args ...any) error {
	return &kindError{fmt.Sprintf(format, args...), ErrRefused}
}

// checkOut refuses output folders a build must not replace: the site
// itself, a folder holding it, a folder inside its content, templates or
// static, and a non-empty folder that a build did not make.
func checkOut(src, out string) (string, error) {
	srcAbs, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	outAbs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	srcAbs, outAbs = realPath(srcAbs), realPath(outAbs)
	switch {
	case outAbs == srcAbs:
		return "", refuse("refusing to build into %s: it is the site folder itself", out)
	case within(srcAbs, outAbs):
		return "", refuse("refusing to build into %s: it holds the site folder", out)
	}
	for _, d := range []string{"content", "templates", "static"} {
		if p := filepath.Join(srcAbs, d); outAbs == p || within(outAbs, p) {
			return "", refuse("refusing to build into %s: it is inside the site's %s/ folder", out, d)
		}
	}
	entries, err := os.ReadDir(outAbs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return outAbs, nil
	case err != nil:
		return "", fmt.Errorf("cannot use %s as the output folder: %w", out, err)
	case len(entries) == 0:
		return outAbs, nil
	}
	if _, err := os.Stat(filepath.Join(outAbs, Marker)); err != nil {
		return "", refuse("refusing to build into %s: the folder is not empty and was not made by a build (it has no %s file); choose another --out or empty it", out, Marker)
	}
	return outAbs, nil
}

// realPath resolves symbolic links in as much of p as exists.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	dir, base := filepath.Split(p)
	if dir == p || dir == "" {
		return p
	}
	return filepath.Join(realPath(filepath.Clean(dir)), base)
}

// within reports whether p is inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
