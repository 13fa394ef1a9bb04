package pipeline

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
	"syscall"

	"factcheck/generator/internal/card"
	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/render"
	"factcheck/generator/internal/site"
)

// Marker is the file a build leaves in its output folder. A folder
// without it was not made by a build, so a build refuses to replace it.
const Marker = ".factcheck-build"

// Write loads, checks and renders the site into the folder out. It
// renders into a new folder beside out and swaps it in only when
// everything was written, so a failed build leaves the previous output as
// it was. A file or folder it cannot write, rename or remove is named in
// the error with the system's reason ("no space left on device"), and the
// error says what became of the previous output; it wraps the system
// error, so errors.Is(err, syscall.ENOSPC) works.
func Write(opts Options, out string) (*Result, diag.List, error) {
	outAbs, err := checkOut(opts.Src, out)
	if err != nil {
		return nil, nil, err
	}
	t := newTarget(out, outAbs)
	if err := os.MkdirAll(filepath.Dir(outAbs), 0o755); err != nil {
		return nil, nil, t.fail("cannot create the folder "+filepath.Dir(t.name)+" for "+t.folder(), err)
	}
	unlock, err := lock(t)
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	if err := recoverSwap(t); err != nil {
		return nil, nil, err
	}
	cacheWarning := openCache(&opts, outAbs)
	s, diags, a, aErr := loadAll(opts, nil)
	if diags.Errors() > 0 {
		return nil, diags, ErrContent
	}
	// The quotes are verified: rendering does not need the sources'
	// match indexes, which are large on a big site.
	for _, src := range s.Sources {
		src.Index = nil
	}
	tmp, err := newFolder(t.abs)
	if err != nil {
		return nil, diags, t.fail("cannot create a folder beside "+t.folder()+" for the new site", err)
	}
	pages, err := 0, aErr
	if err == nil {
		pages, err = t.write(tmp, s, a, opts)
	}
	if err == nil {
		var warning string
		if warning, err = t.swap(tmp, os.Rename); err == nil {
			res := &Result{Site: s, Pages: pages, Warning: warning, Cards: len(s.Claims)}
			if opts.cards != nil {
				res.CardsDrawn = int(opts.cards.Drawn())
				if err := opts.cards.Prune(); err != nil && cacheWarning == "" {
					cacheWarning = "cannot remove old share cards from the cache: " + reason(err)
				}
			} else {
				res.CardsDrawn = res.Cards
			}
			if cacheWarning != "" {
				res.Warning = strings.TrimPrefix(res.Warning+"; "+cacheWarning, "; ")
			}
			return res, diags, nil
		}
	}
	var we *writeError
	if errors.As(err, &we) {
		// The message names the file; drop runJobs' prefix.
		if we.then == "" {
			we.then = t.kept()
		}
		err = we
	} else {
		err = fmt.Errorf("writing the site failed, the previous output is untouched: %w", err)
	}
	if rmErr := removeBuild(tmp); rmErr != nil {
		err = fmt.Errorf("%w; the unfinished %s is left behind (%s) and the next build removes it", err, t.sibling(tmp), reason(rmErr))
	}
	return nil, diags, err
}

// openCache opens the folder opts.Cache/cards for the share cards, and
// says why in a warning when it cannot: the build then draws every card.
// A cache folder that is the output folder, lies inside it or holds it
// is not used: the swap would replace or remove it.
func openCache(opts *Options, outAbs string) (warning string) {
	if opts.Cache == "" {
		return ""
	}
	if fi, err := os.Lstat(opts.Cache); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return "share cards are not cached: " + opts.Cache + " is a symbolic link"
	}
	dir, err := filepath.Abs(opts.Cache)
	if err != nil {
		return "share cards are not cached: " + err.Error()
	}
	dir = realPath(dir)
	if dir == outAbs || within(dir, outAbs) || within(outAbs, dir) {
		return "share cards are not cached: the cache folder " + opts.Cache + " must be apart from the output folder"
	}
	c, err := card.OpenCache(filepath.Join(dir, "cards"))
	if err != nil {
		return "share cards are not cached: " + reason(err)
	}
	opts.cards = c
	return ""
}

// newFolder makes the folder a build writes into, beside out: its name is
// ".OUT.new-" and a random number, and its mode the one the umask gives a
// new folder (os.MkdirTemp's is 0700, which a web server serving the
// output as another user cannot read). It holds the Marker from the
// start, so that recoverSwap knows it for a build's own if the build is
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
	return os.WriteFile(filepath.Join(dir, Marker), []byte("This folder is the output of a factcheck build; the next build replaces it.\n"), 0o644)
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

// write renders the site into the new folder tmp.
//
// Pages are rendered on all cores but written by one goroutine: creating
// folders and files in one parent folder from several threads at once
// makes them wait on the folder's lock in the kernel, which costs far
// more system time than writing them one after the other (10,000 claim
// folders: 0.4 s from one thread, 0.9 s of wall and 2 s of system time
// from two).
func (t *target) write(tmp string, s *site.Site, a *assets, opts Options) (pages int, err error) {
	w := newWriter(t, tmp)
	pages, err = a.render(s, opts, w.emit, w.link)
	if werr := w.close(); err == nil {
		err = werr
	}
	if err != nil {
		return 0, err
	}
	return pages, nil
}

// A writer writes the files handed to emit into tmp, in order, from one
// goroutine. After its first failure it writes nothing more, and emit
// returns that error.
type writer struct {
	t     *target
	tmp   string
	files chan file
	done  chan struct{}
	dirs  map[string]bool
	mu    sync.Mutex
	err   error
}

type file struct {
	path  string
	b     []byte
	fresh bool   // the bytes may be recycled once written (render.Job.Fresh)
	from  string // a file with the bytes, to link to instead (render.Job.Cached)
	// render makes the bytes when from cannot be linked or read (another
	// build pruned it meanwhile).
	render func() ([]byte, error)
}

func newWriter(t *target, tmp string) *writer {
	w := &writer{t: t, tmp: tmp, files: make(chan file, 256), done: make(chan struct{}), dirs: map[string]bool{}}
	go w.run()
	return w
}

func (w *writer) emit(p string, b []byte, fresh bool) error {
	if err := w.failed(); err != nil {
		return err
	}
	p, err := cleanPath(p)
	if err != nil {
		return err
	}
	w.files <- file{path: p, b: b, fresh: fresh}
	return nil
}

// link is emit for a file whose bytes are in the file from already: the
// writer makes a hard link to it, or copies it where it cannot (from on
// another file system), or else writes what render returns.
func (w *writer) link(p, from string, render func() ([]byte, error)) error {
	if err := w.failed(); err != nil {
		return err
	}
	p, err := cleanPath(p)
	if err != nil {
		return err
	}
	w.files <- file{path: p, from: from, render: render}
	return nil
}

func (w *writer) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

func (w *writer) run() {
	defer close(w.done)
	for f := range w.files {
		if w.failed() != nil {
			continue // drain
		}
		if err := w.write(f); err != nil {
			w.mu.Lock()
			w.err = err
			w.mu.Unlock()
		}
	}
}

func (w *writer) write(f file) error {
	dst := filepath.Join(w.tmp, filepath.FromSlash(f.path))
	if err := mkdirs(filepath.Dir(dst), w.tmp, w.dirs); err != nil {
		return &writeError{what: "cannot create the folder " + w.t.show(path.Dir(f.path)), err: err}
	}
	if f.from != "" {
		if os.Link(f.from, dst) == nil {
			return nil
		}
		b, err := os.ReadFile(f.from)
		if err != nil {
			if b, err = f.render(); err != nil {
				return fmt.Errorf("%s: %w", f.path, err)
			}
		}
		f.b = b
	}
	if err := writeFile(dst, f.b); err != nil {
		return &writeError{what: "cannot write " + w.t.show(f.path), err: err}
	}
	if f.fresh {
		render.Recycle(f.b)
	}
	return nil
}

// close waits for the files handed over so far to be written, and returns
// the first error.
func (w *writer) close() error {
	close(w.files)
	<-w.done
	return w.err
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

// A writeError is a file or folder a build could not write, rename or
// remove. Its message names the path and the system's reason in plain
// words, then says what became of the output; it wraps the system error.
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

// A target is the output folder of a build, under the name it was given
// (for messages) and as an absolute path with links resolved.
type target struct {
	name string
	abs  string
}

func newTarget(out, abs string) *target {
	return &target{name: filepath.Clean(out), abs: abs}
}

// kept says what a failed build left in the output folder.
func (t *target) kept() string {
	if _, err := os.Stat(filepath.Join(t.abs, Marker)); err == nil {
		return "the previous site in " + t.folder() + " is unchanged"
	}
	return "nothing was written to " + t.folder()
}

// folder is the output folder's name with a trailing separator.
func (t *target) folder() string { return t.name + string(filepath.Separator) }

// show names the output file p (slash-separated, inside the output folder).
func (t *target) show(p string) string { return filepath.Join(t.name, filepath.FromSlash(p)) }

// sibling names a file beside the output folder: relative like the
// output's name when that is not a link, absolute otherwise.
func (t *target) sibling(p string) string {
	if a, err := filepath.Abs(t.name); err == nil && a == t.abs {
		return filepath.Join(filepath.Dir(t.name), filepath.Base(p))
	}
	return p
}

// fail reports a failure that left the output folder as it was.
func (t *target) fail(what string, err error) error {
	return &writeError{what: what, err: err, then: t.kept()}
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

// linkedFolders refuses a site whose templates/ or static/ folder is a
// symbolic link: Render reads them through fs.Sub, which would follow it
// and publish files from outside the site. (Links inside static/ are
// refused by staticJobs, links in content/ by site.Load.)
func linkedFolders(src string) error {
	for _, d := range []string{"templates", "static"} {
		if fi, err := os.Lstat(filepath.Join(src, d)); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s/: %w; make %s/ a folder inside the site", d, ErrSymlink, d)
		}
	}
	return nil
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

// swap puts the new output in place of the old in two renames; between
// them the old output is kept as OUT's sibling ".NAME.old", which
// recoverSwap restores if the build was killed right there. rename is
// os.Rename, or in tests one that fails. A previous output that cannot be
// removed after the swap is only a warning: the new site is in place, and
// the next build tries again.
func (t *target) swap(tmp string, rename func(from, to string) error) (warning string, err error) {
	old := oldName(t.abs)
	_, statErr := os.Stat(t.abs)
	moved := statErr == nil
	if moved {
		if _, err := os.Lstat(old); err == nil && !madeByBuild(old) && os.Remove(old) != nil {
			// Not a build's, and not an empty folder either.
			return "", &writeError{what: "refusing to remove " + t.sibling(old), err: fmt.Errorf("it was not made by a build (it has no %s file); move it away", Marker), then: t.kept()}
		}
		if err := removeBuild(old); err != nil {
			return "", t.fail("cannot remove "+t.sibling(old)+", left by an earlier build", err)
		}
		if err := rename(t.abs, old); err != nil {
			return "", t.fail("cannot move "+t.folder()+" aside to "+t.sibling(old), err)
		}
	}
	if err := rename(tmp, t.abs); err != nil {
		if moved {
			if err2 := rename(old, t.abs); err2 != nil {
				return "", &writeError{
					what: "cannot move the new site into " + t.folder(), err: err,
					then: fmt.Sprintf("the previous site is in %s and could not be moved back (%s); the next build puts it back", t.sibling(old), reason(err2)),
				}
			}
		}
		return "", t.fail("cannot move the new site into "+t.folder(), err)
	}
	if err := removeBuild(old); err != nil {
		return fmt.Sprintf("the new site is in %s, but the previous one could not be removed from %s: %s; the next build tries again", t.folder(), t.sibling(old), reason(err)), nil
	}
	return "", nil
}

// Errors of Write that are not about the content nor the disk.
var (
	// ErrBusy: another build into the same folder is running.
	ErrBusy = errors.New("the output folder is busy")
	// ErrRefused: the output folder is one a build must not replace.
	ErrRefused = errors.New("refused output folder")
)

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

func lockName(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
}

func oldName(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".old")
}

// recoverSwap undoes what an interrupted build left behind: it puts back
// a previous output that was moved aside, and removes unfinished new ones.
// A leftover it cannot remove is left for swap, which reports it. It
// removes only folders that hold the Marker (or, for a new one, nothing
// at all): a folder of the same name that a build did not make is left
// alone.
func recoverSwap(t *target) error {
	old := oldName(t.abs)
	if madeByBuild(old) {
		if _, err := os.Stat(t.abs); errors.Is(err, os.ErrNotExist) {
			if err := os.Rename(old, t.abs); err != nil {
				return &writeError{what: "cannot move the previous site back from " + t.sibling(old) + " to " + t.folder() + " after an interrupted build", err: err}
			}
		} else {
			removeBuild(old)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(t.abs), "."+filepath.Base(t.abs)+".new-*"))
	for _, l := range leftovers {
		if madeByBuild(l) {
			removeBuild(l)
		} else {
			os.Remove(l) // only if empty: killed before its marker
		}
	}
	return nil
}
