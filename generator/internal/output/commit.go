package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

// Names inside a staging folder, beside the staged files (output paths
// never start with ".factcheck-", see cleanPath).
const (
	journalName  = ".factcheck-journal"  // the files to move in and to remove
	manifestName = ".factcheck-manifest" // the new Marker
	undoName     = ".factcheck-undo"     // the replaced files, until the commit is done
)

// Commit puts the new build in place of the previous one, and returns a
// warning when the new output is in place but something was left behind
// that the next build removes. On an error the previous output is in
// place (or, if even putting it back failed, the error says so and the
// next build finishes the new one).
func (b *Build) Commit() (warning string, err error) {
	if err := b.wait(); err != nil {
		return "", b.Abort(err)
	}
	if !b.update {
		if err := writeFile(filepath.Join(b.dir, Marker), b.made.bytes(b.inputs)); err != nil {
			return "", b.Abort(&writeError{what: "cannot write " + b.f.show(Marker), err: err})
		}
		warning, err := b.f.swap(b.dir, b.rename)
		if err != nil {
			return "", b.Abort(err)
		}
		return warning, nil
	}
	return b.commitUpdate()
}

// rename is os.Rename, after the test hook.
func (b *Build) rename(from, to string) error {
	if err := b.f.step("rename"); err != nil {
		return err
	}
	return os.Rename(from, to)
}

// step is called before each change to the output folder: in tests the
// hook may fail it, or stop the build there as if it were killed.
func (f *Folder) step(what string) error {
	if f.hook != nil {
		return f.hook(what)
	}
	return nil
}

// errKilled, returned by a test hook, stops a build where it is, leaving
// what it did as a killed build leaves it.
var errKilled = errors.New("killed (test)")

// A journal lists the changes an update makes to the output folder.
type journal struct {
	writes  []string // staged files to move in, by output path
	removes []string // files of the previous build to remove
}

// commitUpdate commits a build written as an update (see the package
// doc).
func (b *Build) commitUpdate() (warning string, err error) {
	f := b.f
	j := journal{writes: slices.Clone(b.staged)}
	slices.Sort(j.writes)
	j.writes = slices.Compact(j.writes)
	for p, e := range f.old {
		if _, ok := b.made[p]; !ok && f.removable(p, e) {
			j.removes = append(j.removes, p)
		}
	}
	slices.Sort(j.removes)
	marker := b.made.bytes(b.inputs)
	if len(j.writes) == 0 && len(j.removes) == 0 {
		if old, err := os.ReadFile(filepath.Join(f.abs, Marker)); err == nil && bytes.Equal(old, marker) {
			// Nothing changed.
			return "", b.discard()
		}
	}
	// What cannot be applied is found now, before the commit point.
	checked := map[string]bool{}
	for _, p := range j.writes {
		if err := f.checkDirs(filepath.Dir(filepath.FromSlash(p)), checked); err != nil {
			return "", b.Abort(err)
		}
		if fi, err := os.Lstat(filepath.Join(f.abs, filepath.FromSlash(p))); err == nil && fi.IsDir() {
			return "", b.Abort(&writeError{what: "cannot write " + f.show(p), err: syscall.EISDIR})
		}
	}
	if err := writeFile(filepath.Join(b.dir, manifestName), marker); err != nil {
		return "", b.Abort(&writeError{what: "cannot write " + f.show(Marker), err: err})
	}
	if err := writeFile(filepath.Join(b.dir, journalName), j.bytes()); err != nil {
		return "", b.Abort(&writeError{what: "cannot write " + f.sibling(b.dir) + "/" + journalName, err: err})
	}
	commit := f.beside(".commit")
	if err := b.rename(b.dir, commit); err != nil {
		if errors.Is(err, errKilled) {
			return "", err
		}
		if !madeByBuild(commit) {
			if _, lerr := os.Lstat(commit); lerr == nil {
				err = fmt.Errorf("it was not made by a build (it has no %s file); move it away", Marker)
				return "", b.Abort(&writeError{what: "refusing to replace " + f.sibling(commit), err: err})
			}
		}
		return "", b.Abort(&writeError{what: "cannot move " + f.sibling(b.dir) + " to " + f.sibling(commit), err: err})
	}
	b.dir = commit
	if err := f.apply(commit, j, true); err != nil {
		return "", err
	}
	if err := removeBuild(commit); err != nil {
		return fmt.Sprintf("the new site is in %s, but %s could not be removed: %s; the next build tries again", f.folder(), f.sibling(commit), reason(err)), nil
	}
	return "", nil
}

// discard removes the staging folder of a build that changes nothing.
func (b *Build) discard() error {
	if err := removeBuild(b.dir); err != nil {
		return b.f.fail("cannot remove "+b.f.sibling(b.dir), err)
	}
	return nil
}

// intact reports whether the output file p is a regular file of e's size.
func (f *Folder) intact(p string, e entry) bool {
	size, ok := regularSize(filepath.Join(f.abs, filepath.FromSlash(p)))
	return ok && size == e.size
}

// wasIntact reports whether the output file p, which the manifest lists,
// was a regular file of e's size when the folder was opened (see scan).
func (f *Folder) wasIntact(p string, e entry) bool {
	f.scanning.Wait()
	size, ok := f.sizes[p]
	return ok && size >= 0 && size == e.size
}

// removable reports whether the file p, which the previous build made
// with entry e, may be removed: it is still a regular file of that size,
// in real folders of the output (not through a symbolic link).
func (f *Folder) removable(p string, e entry) bool {
	return f.intact(p, e) && f.checkDirs(filepath.Dir(filepath.FromSlash(p)), map[string]bool{}) == nil
}

// checkDirs checks that the folder dir (relative to the output) is a real
// folder of the output, or can be made as one: each part of it that
// exists is a folder, not a symbolic link or a file. ok caches the
// folders found so.
func (f *Folder) checkDirs(dir string, ok map[string]bool) error {
	if dir == "." || ok[dir] {
		return nil
	}
	if err := f.checkDirs(filepath.Dir(dir), ok); err != nil {
		return err
	}
	fi, err := os.Lstat(filepath.Join(f.abs, dir))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return &writeError{what: "cannot create the folder " + f.show(filepath.ToSlash(dir)), err: err}
	case !fi.IsDir():
		return &writeError{what: "cannot create the folder " + f.show(filepath.ToSlash(dir)), err: syscall.ENOTDIR}
	}
	ok[dir] = true
	return nil
}

// apply applies the journal j of the committed staging folder c to the
// output. With undo (the build itself, after its commit point) it keeps
// what it replaces or removes in c's undo folder, and on a failure puts
// it all back, in reverse; without (a later build finishing a killed
// one's commit) it takes each step that is not taken yet.
func (f *Folder) apply(c string, j journal, undo bool) error {
	u := filepath.Join(c, undoName)
	if undo {
		if err := os.Mkdir(u, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return f.rollback(c, nil, &writeError{what: "cannot create " + f.sibling(c) + "/" + undoName, err: err})
		}
	}
	var undos []func() error
	kept := 0 // names in u
	keep := func(p string) (string, error) {
		kept++
		k := filepath.Join(u, strconv.Itoa(kept))
		if err := f.step("link"); err != nil {
			return "", err
		}
		return k, os.Link(p, k)
	}
	fail := func(err error) error {
		if errors.Is(err, errKilled) {
			return err
		}
		if !undo {
			return err
		}
		return f.rollback(c, undos, err)
	}
	made := map[string]bool{}
	for _, p := range j.writes {
		src := filepath.Join(c, filepath.FromSlash(p))
		dst := filepath.Join(f.abs, filepath.FromSlash(p))
		if _, err := os.Lstat(src); err != nil && !undo {
			continue // moved in already
		}
		newDirs, err := f.mkdirs(filepath.Dir(filepath.FromSlash(p)), made)
		for _, d := range newDirs {
			undos = append(undos, func() error { return os.Remove(d) })
		}
		if err != nil {
			return fail(err)
		}
		if _, err := os.Lstat(dst); err == nil && undo {
			k, err := keep(dst)
			if err != nil {
				return fail(&writeError{what: "cannot replace " + f.show(p), err: err})
			}
			undos = append(undos, func() error {
				if err := os.Rename(dst, src); err != nil {
					return err
				}
				return os.Rename(k, dst)
			})
		} else {
			undos = append(undos, func() error { return os.Rename(dst, src) })
		}
		if err := f.step("rename"); err != nil {
			undos = undos[:len(undos)-1]
			return fail(err)
		}
		if err := os.Rename(src, dst); err != nil {
			undos = undos[:len(undos)-1]
			return fail(&writeError{what: "cannot replace " + f.show(p), err: err})
		}
	}
	for _, p := range j.removes {
		dst := filepath.Join(f.abs, filepath.FromSlash(p))
		if undo {
			kept++
			k := filepath.Join(u, strconv.Itoa(kept))
			if err := f.step("remove"); err != nil {
				return fail(err)
			}
			if err := os.Rename(dst, k); err != nil {
				return fail(&writeError{what: "cannot remove " + f.show(p), err: err})
			}
			undos = append(undos, func() error { return os.Rename(k, dst) })
			continue
		}
		if fi, err := os.Lstat(dst); err == nil && fi.Mode().IsRegular() && f.checkDirs(filepath.Dir(filepath.FromSlash(p)), map[string]bool{}) == nil {
			if err := f.step("remove"); err != nil {
				return fail(err)
			}
			if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fail(&writeError{what: "cannot remove " + f.show(p), err: err})
			}
		}
	}
	src, dst := filepath.Join(c, manifestName), filepath.Join(f.abs, Marker)
	if _, err := os.Lstat(src); err == nil {
		if undo {
			k, err := keep(dst)
			if err != nil {
				return fail(&writeError{what: "cannot replace " + f.show(Marker), err: err})
			}
			undos = append(undos, func() error {
				if err := os.Rename(dst, src); err != nil {
					return err
				}
				return os.Rename(k, dst)
			})
		}
		if err := f.step("rename"); err != nil {
			return fail(err)
		}
		if err := os.Rename(src, dst); err != nil {
			return fail(&writeError{what: "cannot replace " + f.show(Marker), err: err})
		}
	}
	// Done: the folders the removed files leave empty go too.
	for _, p := range j.removes {
		for d := filepath.Dir(filepath.FromSlash(p)); d != "."; d = filepath.Dir(d) {
			if os.Remove(filepath.Join(f.abs, d)) != nil {
				break
			}
		}
	}
	// The journal goes first: without it, the folder is only a leftover.
	// If it cannot be removed, the next build takes the steps again and
	// finds them taken.
	os.Remove(filepath.Join(c, journalName))
	return nil
}

// rollback undoes the steps of a commit that failed with err, in reverse,
// and returns err saying what became of the output.
func (f *Folder) rollback(c string, undos []func() error, err error) error {
	var we *writeError
	if !errors.As(err, &we) {
		we = &writeError{what: "cannot update " + f.folder(), err: err}
	}
	for i := len(undos) - 1; i >= 0; i-- {
		if uerr := undos[i](); uerr != nil {
			we.then = fmt.Sprintf("the output in %s is partly updated and could not be put back (%s); the next build finishes the update", f.folder(), reason(uerr))
			return we
		}
	}
	// Put back: the staging folder is a leftover now.
	os.Remove(filepath.Join(c, journalName))
	we.then = "the previous site in " + f.folder() + " is unchanged"
	if rmErr := removeBuild(c); rmErr != nil {
		we.then += fmt.Sprintf("; the unfinished %s is left behind (%s) and the next build removes it", f.sibling(c), reason(rmErr))
	}
	return we
}

// mkdirs makes the folder dir (relative to the output) and those above
// it that are missing, as real folders (see checkDirs), and returns
// those it made, outermost first. ok caches the folders found or made.
func (f *Folder) mkdirs(dir string, ok map[string]bool) (made []string, err error) {
	if dir == "." || ok[dir] {
		return nil, nil
	}
	made, err = f.mkdirs(filepath.Dir(dir), ok)
	if err != nil {
		return made, err
	}
	full := filepath.Join(f.abs, dir)
	fi, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := f.step("mkdir"); err != nil {
			return made, err
		}
		if err := os.Mkdir(full, 0o755); err != nil {
			return made, &writeError{what: "cannot create the folder " + f.show(filepath.ToSlash(dir)), err: err}
		}
		made = append(made, full)
	case err != nil:
		return made, &writeError{what: "cannot create the folder " + f.show(filepath.ToSlash(dir)), err: err}
	case !fi.IsDir():
		return made, &writeError{what: "cannot create the folder " + f.show(filepath.ToSlash(dir)), err: syscall.ENOTDIR}
	}
	ok[dir] = true
	return made, nil
}

// bytes is the journal as written in the staging folder.
func (j journal) bytes() []byte {
	var b []byte
	b = append(b, "# factcheck journal 1\n"...)
	for _, l := range []struct {
		op    byte
		paths []string
	}{{'w', j.writes}, {'d', j.removes}} {
		for _, p := range l.paths {
			b = append(b, l.op, ' ')
			b = strconv.AppendQuote(b, p)
			b = append(b, '\n')
		}
	}
	return b
}

// readJournal reads the journal at name.
func readJournal(name string) (journal, error) {
	var j journal
	b, err := os.ReadFile(name)
	if err != nil {
		return j, err
	}
	rest, ok := bytes.CutPrefix(b, []byte("# factcheck journal 1\n"))
	if !ok {
		return j, errors.New("not a journal")
	}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		op, q, _ := strings.Cut(sc.Text(), " ")
		p, err := strconv.Unquote(q)
		if err == nil {
			_, err = cleanPath(p)
		}
		if err != nil {
			return j, fmt.Errorf("bad line %q", sc.Text())
		}
		switch op {
		case "w":
			j.writes = append(j.writes, p)
		case "d":
			j.removes = append(j.removes, p)
		default:
			return j, fmt.Errorf("bad line %q", sc.Text())
		}
	}
	return j, sc.Err()
}

// recover undoes or finishes what an interrupted build left behind: it
// puts back a previous output that was moved aside, finishes a commit
// that was being applied, and removes unfinished new folders. It removes
// only folders that hold the Marker (or, for a new one, nothing at all):
// a folder of the same name that a build did not make is left alone.
func (f *Folder) recover() error {
	old := f.beside(".old")
	if madeByBuild(old) {
		if _, err := os.Stat(f.abs); errors.Is(err, os.ErrNotExist) {
			if err := os.Rename(old, f.abs); err != nil {
				return &writeError{what: "cannot move the previous site back from " + f.sibling(old) + " to " + f.folder() + " after an interrupted build", err: err}
			}
		} else {
			removeBuild(old)
		}
	}
	commit := f.beside(".commit")
	if madeByBuild(commit) {
		if j, err := readJournal(filepath.Join(commit, journalName)); err == nil {
			if err := f.apply(commit, j, false); err != nil {
				var we *writeError
				if !errors.As(err, &we) {
					we = &writeError{what: "cannot update " + f.folder(), err: err}
				}
				we.then = "cannot finish the update of " + f.folder() + " that an interrupted build began; it is partly updated"
				return we
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return f.fail("cannot read the journal of an interrupted build in "+f.sibling(commit), err)
		}
		removeBuild(commit)
	}
	leftovers, _ := filepath.Glob(f.beside(".new-*"))
	for _, l := range leftovers {
		if madeByBuild(l) {
			removeBuild(l)
		} else {
			os.Remove(l) // only if empty: killed before its marker
		}
	}
	return nil
}

// swap puts the new output in place of the old in two renames; between
// them the old output is kept as OUT's sibling ".NAME.old", which
// recover restores if the build was killed right there. rename is
// os.Rename, or in tests one that fails. A previous output that cannot be
// removed after the swap is only a warning: the new site is in place, and
// the next build tries again.
func (f *Folder) swap(tmp string, rename func(from, to string) error) (warning string, err error) {
	old := f.beside(".old")
	_, statErr := os.Stat(f.abs)
	moved := statErr == nil
	if moved {
		if _, err := os.Lstat(old); err == nil && !madeByBuild(old) && os.Remove(old) != nil {
			// Not a build's, and not an empty folder either.
			return "", &writeError{what: "refusing to remove " + f.sibling(old), err: fmt.Errorf("it was not made by a build (it has no %s file); move it away", Marker), then: f.kept()}
		}
		if err := removeBuild(old); err != nil {
			return "", f.fail("cannot remove "+f.sibling(old)+", left by an earlier build", err)
		}
		if err := rename(f.abs, old); err != nil {
			return "", f.fail("cannot move "+f.folder()+" aside to "+f.sibling(old), err)
		}
	}
	if err := rename(tmp, f.abs); err != nil {
		if moved {
			if err2 := rename(old, f.abs); err2 != nil {
				return "", &writeError{
					what: "cannot move the new site into " + f.folder(), err: err,
					then: fmt.Sprintf("the previous site is in %s and could not be moved back (%s); the next build puts it back", f.sibling(old), reason(err2)),
				}
			}
		}
		return "", f.fail("cannot move the new site into "+f.folder(), err)
	}
	if err := removeBuild(old); err != nil {
		return fmt.Sprintf("the new site is in %s, but the previous one could not be removed from %s: %s; the next build tries again", f.folder(), f.sibling(old), reason(err)), nil
	}
	return "", nil
}
