package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// files is an output: path → content.
type files map[string]string

// prev and next are two builds of a site: next changes, adds and removes
// files, in folders old and new.
var (
	prev = files{
		"index.html":            "home",
		"claims/a/index.html":   "claim a",
		"claims/b/index.html":   "claim b",
		"claims/b/card.png":     "card b",
		"gone/deep/index.html":  "removed with its folders",
		"same/index.html":       "unchanged",
		"resized/index.html":    "short",
		"search/index-0.json":   "[]",
		"topics/x/page/2/x.htm": "two",
	}
	next = files{
		"index.html":            "home, changed",
		"claims/a/index.html":   "claim a",
		"claims/c/index.html":   "claim c, new",
		"claims/c/card.png":     "card c",
		"same/index.html":       "unchanged",
		"resized/index.html":    "longer now",
		"search/index-0.json":   "[1]",
		"topics/x/page/2/x.htm": "two",
		"new/deep/er/file.txt":  "in new folders",
	}
)

// build builds fs into the output folder out of a site in site, with
// the test hook set; it returns the build's Written and Commit's error.
func build(t *testing.T, site, out string, fs files, hook func(string) error) (int, error) {
	t.Helper()
	f, err := Open(out, site)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	f.hook = hook
	b, err := f.Begin()
	if err != nil {
		return 0, err
	}
	for p, data := range fs {
		if err := b.Add(File{Path: p, Data: []byte(data)}); err != nil {
			return 0, b.Abort(err)
		}
	}
	warning, err := b.Commit()
	if warning != "" {
		t.Logf("warning: %s", warning)
	}
	return b.Written(), err
}

func mustBuild(t *testing.T, site, out string, fs files) int {
	t.Helper()
	n, err := build(t, site, out, fs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// read returns the files below dir but the Marker, and checks that the
// Marker's manifest lists them.
func read(t *testing.T, dir string) files {
	t.Helper()
	got := files{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	delete(got, Marker)
	return got
}

func same(t *testing.T, what string, got, want files) {
	t.Helper()
	for p, w := range want {
		if g, ok := got[p]; !ok || g != w {
			t.Errorf("%s: %s is %q, want %q", what, p, g, w)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s should not be there", what, p)
		}
	}
}

// sameBuild checks that out holds exactly want, with the manifest of
// want, and nothing beside it.
func sameBuild(t *testing.T, what, out string, want files) {
	t.Helper()
	same(t, what, read(t, out), want)
	m, _ := readManifest(filepath.Join(out, Marker))
	if len(m) != len(want) {
		t.Errorf("%s: the manifest lists %d files, want %d", what, len(m), len(want))
	}
	for p, data := range want {
		if m[p] != (entry{fingerprint([]byte(data)), int64(len(data))}) {
			t.Errorf("%s: manifest entry of %s is %v", what, p, m[p])
		}
	}
	noLeftovers(t, out)
}

// noLeftovers checks that nothing but out was left beside it.
func noLeftovers(t *testing.T, out string) {
	t.Helper()
	base := filepath.Base(out)
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+base+".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func dirs(t *testing.T) (site, out string) {
	return t.TempDir(), filepath.Join(t.TempDir(), "public")
}

// TestUpdate: a build into an output with a manifest writes only the
// files that changed or are new, and removes the files and folders the
// previous build made that this one does not.
func TestUpdate(t *testing.T) {
	site, out := dirs(t)
	if n := mustBuild(t, site, out, prev); n != len(prev) {
		t.Errorf("new folder: wrote %d files, want %d", n, len(prev))
	}
	sameBuild(t, "first build", out, prev)
	sameBefore, err := os.Stat(filepath.Join(out, "same", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := mustBuild(t, site, out, next); n != 6 {
		t.Errorf("update: wrote %d files, want the 6 changed or new", n)
	}
	sameBuild(t, "update", out, next)
	if sameAfter, err := os.Stat(filepath.Join(out, "same", "index.html")); err != nil || !os.SameFile(sameBefore, sameAfter) {
		t.Errorf("an unchanged file was written again")
	}
	for _, d := range []string{"gone", "claims/b"} {
		if _, err := os.Stat(filepath.Join(out, d)); err == nil {
			t.Errorf("the folder %s, left empty, is still there", d)
		}
	}
	// Nothing changed: nothing written, the Marker untouched.
	marker, _ := os.Stat(filepath.Join(out, Marker))
	if n := mustBuild(t, site, out, next); n != 0 {
		t.Errorf("no change: wrote %d files", n)
	}
	if now, _ := os.Stat(filepath.Join(out, Marker)); !os.SameFile(now, marker) {
		t.Errorf("no change: the Marker was replaced")
	}
	sameBuild(t, "no change", out, next)

	// A file of the output changed or removed by hand is written again.
	os.WriteFile(filepath.Join(out, "same", "index.html"), []byte("edited"), 0o644)
	os.Remove(filepath.Join(out, "claims", "a", "index.html"))
	if n := mustBuild(t, site, out, next); n != 2 {
		t.Errorf("after edits by hand: wrote %d files, want 2", n)
	}
	sameBuild(t, "after edits by hand", out, next)
}

// TestNeverDeletesWhatItDidNotMake: files in the output that the
// previous build did not make, or that were changed since, are never
// removed; a folder replaced by a symbolic link is neither written
// through nor removed from.
func TestNeverDeletesWhatItDidNotMake(t *testing.T) {
	site, out := dirs(t)
	mustBuild(t, site, out, prev)
	mine := files{
		"notes.txt":              "mine",
		"gone/deep/notes.txt":    "mine, in a folder the build made",
		"claims/b/index.html":    "claim b, edited by hand", // made, then changed
		"resized/index.html.bak": "a copy",
	}
	for p, data := range mine {
		os.MkdirAll(filepath.Join(out, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(out, p), []byte(data), 0o644)
	}
	// topics/ is replaced by a link to a folder outside the output.
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(outside, "x", "page", "2"), 0o755)
	os.WriteFile(filepath.Join(outside, "x", "page", "2", "x.htm"), []byte("two"), 0o644)
	os.RemoveAll(filepath.Join(out, "topics"))
	if err := os.Symlink(outside, filepath.Join(out, "topics")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	want := files{}
	for p, d := range next {
		want[p] = d
	}
	delete(want, "topics/x/page/2/x.htm")
	next := files{}
	for p, d := range want {
		next[p] = d
	}
	for p, d := range mine {
		want[p] = d
	}
	mustBuild(t, site, out, next)
	got := read(t, out)
	same(t, "output", got, want)
	if b, err := os.ReadFile(filepath.Join(outside, "x", "page", "2", "x.htm")); err != nil || string(b) != "two" {
		t.Errorf("a file was removed through a link: %q, %v", b, err)
	}

	// A new file under the link is not written through it.
	next["topics/y/index.html"] = "new topic"
	_, err := build(t, site, out, next, nil)
	if !errors.Is(err, syscall.ENOTDIR) || !strings.Contains(err.Error(), "cannot create the folder "+filepath.Join(out, "topics")+": not a directory; the previous site in") {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(outside, "y")); err == nil {
		t.Errorf("written through a link")
	}
	noLeftovers(t, out)
}

// steps lists the changes the commit from prev to next makes to the
// output folder, as the hook sees them.
func steps(t *testing.T) []string {
	site, out := dirs(t)
	mustBuild(t, site, out, prev)
	var s []string
	if _, err := build(t, site, out, next, func(step string) error { s = append(s, step); return nil }); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestKilledCommit stops the commit from prev to next before each of its
// changes to the output folder, as a kill would: the next build finds
// the output either as prev left it or, after finishing the commit, as
// next.
func TestKilledCommit(t *testing.T) {
	all := steps(t)
	if len(all) < 10 {
		t.Fatalf("only %d steps: %v", len(all), all)
	}
	for i := range all {
		t.Run(fmt.Sprint(i, all[i]), func(t *testing.T) {
			site, out := dirs(t)
			mustBuild(t, site, out, prev)
			n := 0
			_, err := build(t, site, out, next, func(string) error {
				n++
				if n == i+1 {
					return errKilled
				}
				return nil
			})
			if !errors.Is(err, errKilled) {
				t.Fatalf("not killed: %v", err)
			}
			// What the next build finds, once it has recovered.
			f, err := Open(out, site)
			if err != nil {
				t.Fatal(err)
			}
			f.Close()
			if i == 0 { // before the commit point
				sameBuild(t, "killed before the commit", out, prev)
			} else {
				sameBuild(t, "killed during the commit", out, next)
			}
			mustBuild(t, site, out, prev)
			sameBuild(t, "the build after", out, prev)
		})
	}
}

// TestFailedCommit makes each change of the commit from prev to next
// fail in turn: the changes made before it are undone, and the output is
// prev's, with nothing left beside it.
func TestFailedCommit(t *testing.T) {
	all := steps(t)
	for i := range all {
		t.Run(fmt.Sprint(i, all[i]), func(t *testing.T) {
			site, out := dirs(t)
			mustBuild(t, site, out, prev)
			n := 0
			_, err := build(t, site, out, next, func(string) error {
				n++
				if n == i+1 {
					return syscall.EIO
				}
				return nil
			})
			if !errors.Is(err, syscall.EIO) {
				t.Fatalf("got %v, want EIO", err)
			}
			if !strings.HasSuffix(err.Error(), ": input/output error; the previous site in "+out+"/ is unchanged") {
				t.Errorf("got %v", err)
			}
			sameBuild(t, "after a failed commit", out, prev)
			mustBuild(t, site, out, next)
			sameBuild(t, "the build after", out, next)
		})
	}
}

// TestLegacyMarker: an output whose Marker has no manifest (made by an
// older build) is replaced whole, as that build did.
func TestLegacyMarker(t *testing.T) {
	site, out := dirs(t)
	mustBuild(t, site, out, prev)
	os.WriteFile(filepath.Join(out, Marker), []byte(markerText), 0o644)
	if n := mustBuild(t, site, out, next); n != len(next) {
		t.Errorf("wrote %d files, want all %d", n, len(next))
	}
	sameBuild(t, "after a legacy output", out, next)
}

// TestSwapFails: the renames that swap a new folder in fail (the failing
// rename is injected: nothing on a real disk makes a rename fail right
// after one in the same folder succeeded).
func TestSwapFails(t *testing.T) {
	eio := func(from, to string) error { return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO} }
	for _, tc := range []struct {
		name string
		// fail makes the rename numbered n (from 1) fail.
		fail func(n int) bool
		want string
	}{
		{"first rename", func(n int) bool { return n == 1 },
			"^cannot move OUT/ aside to DIR/.public.old: input/output error; the previous site in OUT/ is unchanged$"},
		{"second rename", func(n int) bool { return n == 2 },
			"^cannot move the new site into OUT/: input/output error; the previous site in OUT/ is unchanged$"},
		{"second rename and the way back", func(n int) bool { return n >= 2 },
			"^cannot move the new site into OUT/: input/output error; the previous site is in DIR/.public.old and could not be moved back \\(input/output error\\); the next build puts it back$"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site, out := dirs(t)
			mustBuild(t, site, out, prev)
			tmp := filepath.Join(filepath.Dir(out), ".public.new-1")
			if err := os.CopyFS(tmp, os.DirFS(out)); err != nil {
				t.Fatal(err)
			}
			f := &Folder{name: out, abs: out}
			n := 0
			_, err := f.swap(tmp, func(from, to string) error {
				n++
				if tc.fail(n) {
					return eio(from, to)
				}
				return os.Rename(from, to)
			})
			if !errors.Is(err, syscall.EIO) {
				t.Errorf("error does not wrap the system error: %v", err)
			}
			matchErr(t, err, tc.want, out)
			// What a build does next: remove the new folder, and at the
			// next build, put the previous output back.
			os.RemoveAll(tmp)
			if f, err = Open(out, site); err != nil {
				t.Fatal(err)
			}
			f.Close()
			sameBuild(t, "output after a failed swap", out, prev)
		})
	}
}

// matchErr checks err's message against the regular expression want,
// where OUT stands for out and DIR for the folder holding it.
func matchErr(t *testing.T, err error, want, out string) {
	t.Helper()
	want = strings.ReplaceAll(want, "DIR", regexp.QuoteMeta(filepath.Dir(out)))
	re := regexp.MustCompile(strings.ReplaceAll(want, "OUT", regexp.QuoteMeta(out)))
	if err == nil || !re.MatchString(err.Error()) {
		t.Errorf("got error %v\nwant %s", err, re)
	}
}

// TestLinkedFiles: a file given as a link to another is linked, known by
// its ID; one whose source is gone by the time it is written (another
// build pruned a shared cache) is rendered instead.
func TestLinkedFiles(t *testing.T) {
	site, out := dirs(t)
	card := filepath.Join(t.TempDir(), "k1.png")
	os.WriteFile(card, []byte("card"), 0o644)
	f, err := Open(out, site)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.Begin()
	b.Add(File{Path: "a/card.png", From: card, ID: "card:k1"})
	b.Add(File{Path: "b/card.png", From: filepath.Join(site, "gone.png"), ID: "card:k2", Render: func() ([]byte, error) { return []byte("drawn"), nil }})
	b.Add(File{Path: "c/card.png", From: card})
	if _, err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	same(t, "output", read(t, out), files{"a/card.png": "card", "b/card.png": "drawn", "c/card.png": "card"})
	in, _ := os.Stat(card)
	if linked, _ := os.Stat(filepath.Join(out, "a", "card.png")); !os.SameFile(in, linked) {
		t.Errorf("not linked")
	}
	m, _ := readManifest(filepath.Join(out, Marker))
	want := manifest{"a/card.png": {"card:k1", 4}, "b/card.png": {"card:k2", 5}, "c/card.png": {fingerprint([]byte("card")), 4}}
	for p, e := range want {
		if m[p] != e {
			t.Errorf("manifest %s: %v, want %v", p, m[p], e)
		}
	}
	// The same IDs again: nothing written.
	f, _ = Open(out, site)
	b, _ = f.Begin()
	b.Add(File{Path: "a/card.png", From: card, ID: "card:k1"})
	b.Add(File{Path: "b/card.png", From: card, ID: "card:k2"})
	b.Add(File{Path: "c/card.png", Data: []byte("card")})
	if _, err := b.Commit(); err != nil || b.Written() != 0 {
		t.Errorf("wrote %d files, %v", b.Written(), err)
	}
	f.Close()
}

func TestManifestPaths(t *testing.T) {
	m := manifest{"a b/index.html": {"x", 1}, "\"q\"": {"y", 2}, "new\nline": {"z", 3}}
	name := filepath.Join(t.TempDir(), Marker)
	os.WriteFile(name, m.bytes("abc"), 0o644)
	got, inputs := readManifest(name)
	if inputs != "abc" {
		t.Errorf("inputs %q", inputs)
	}
	if len(got) != len(m) {
		t.Fatalf("got %v", got)
	}
	for p, e := range m {
		if got[p] != e {
			t.Errorf("%q: %v, want %v", p, got[p], e)
		}
	}
	// Cut short: no manifest, a new folder is built.
	b := m.bytes("")
	os.WriteFile(name, b[:len(b)-5], 0o644)
	if m, _ := readManifest(name); m != nil {
		t.Errorf("a manifest cut short was read")
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 4095, 4096, 100_000} {
		name := filepath.Join(dir, "f")
		data := bytes.Repeat([]byte("abcdefg\n"), n/8+1)[:n]
		if err := os.WriteFile(name, []byte("longer text than some of the files, to be cut"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := writeFile(name, data); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read back %d bytes, %v", n, len(got), err)
		}
	}
	if err := writeFile(filepath.Join(dir, "no", "such"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("writeFile in a missing folder: %v", err)
	}
}
