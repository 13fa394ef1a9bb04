package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"factcheck/generator/check"
)

// Marker is the file a build leaves in its output folder. A folder
// without it was not made by a build, so a build refuses to replace it.
const Marker = ".factcheck-build"

// Write loads, checks and renders the site into the folder out. It
// renders into a new folder beside out and swaps it in only when
// everything was written, so a failed build leaves the previous output as
// it was.
func Write(opts Options, out string) (*Result, check.List, error) {
	outAbs, err := checkOut(opts.Src, out)
	if err != nil {
		return nil, nil, err
	}
	if err := recoverSwap(outAbs); err != nil {
		return nil, nil, err
	}
	s, diags := Load(opts)
	if diags.Errors() > 0 {
		return nil, diags, ErrContent
	}
	tmp, err := os.MkdirTemp(filepath.Dir(outAbs), "."+filepath.Base(outAbs)+".new-")
	if err != nil {
		return nil, diags, fmt.Errorf("cannot write next to the output folder: %w", err)
	}
	var dirs sync.Map
	pages, err := Render(s, opts, func(p string, b []byte) error {
		p, err := cleanPath(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(tmp, filepath.FromSlash(p))
		dir := filepath.Dir(dst)
		if _, done := dirs.Load(dir); !done {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			dirs.Store(dir, true)
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, Marker), []byte("This folder is the output of a factcheck build; the next build replaces it.\n"), 0o644)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return nil, diags, fmt.Errorf("writing the site failed, the previous output is untouched: %w", err)
	}
	if err := swap(tmp, outAbs); err != nil {
		os.RemoveAll(tmp)
		return nil, diags, err
	}
	return &Result{Site: s, Pages: pages}, diags, nil
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
		return "", fmt.Errorf("refusing to build into %s: it is the site folder itself", out)
	case within(srcAbs, outAbs):
		return "", fmt.Errorf("refusing to build into %s: it holds the site folder", out)
	}
	for _, d := range []string{"content", "templates", "static"} {
		if p := filepath.Join(srcAbs, d); outAbs == p || within(outAbs, p) {
			return "", fmt.Errorf("refusing to build into %s: it is inside the site's %s/ folder", out, d)
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
		return "", fmt.Errorf("refusing to build into %s: the folder is not empty and was not made by a build (it has no %s file); choose another --out or empty it", out, Marker)
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
			return fmt.Errorf("%s/: symbolic links are not followed; make %s/ a folder inside the site", d, d)
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
// them the old output is kept as OUT's sibling ".NAME.old-…", which
// recoverSwap restores if the build was killed right there.
func swap(tmp, out string) error {
	old := oldName(out)
	if _, err := os.Stat(out); err == nil {
		os.RemoveAll(old)
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("cannot replace %s: %w", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return fmt.Errorf("cannot replace %s: %w", out, err)
	}
	os.RemoveAll(old)
	return nil
}

func oldName(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".old")
}

// recoverSwap undoes what an interrupted build left behind: it puts back
// a previous output that was moved aside, and removes unfinished new ones.
func recoverSwap(out string) error {
	old := oldName(out)
	if _, err := os.Stat(filepath.Join(old, Marker)); err == nil {
		if _, err := os.Stat(out); errors.Is(err, os.ErrNotExist) {
			if err := os.Rename(old, out); err != nil {
				return fmt.Errorf("cannot restore the previous output from %s: %w", old, err)
			}
		} else {
			os.RemoveAll(old)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".new-*"))
	for _, l := range leftovers {
		os.RemoveAll(l)
	}
	return nil
}
