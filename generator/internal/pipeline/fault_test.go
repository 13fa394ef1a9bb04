package pipeline

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"factcheck/generator/internal/output"
	"factcheck/generator/internal/synth"
)

// A small valid site: one claim quoting one source.
var faultSite = map[string]string{
	"content/site.yaml":      "title: T\nbase_url: https://example.org/\n",
	"content/sources/doc.md": "---\ntitle: Doc\npublisher: P\n---\nThe sky was blue on Tuesday.\n",
	"content/claims/sky.md":  "---\nclaim: The sky was green\nclaimant: X\nclaim_date: 2021-01-01\nrating: false\nsummary: It was blue.\npublished: 2021-02-01\n---\n> The sky was blue on Tuesday.\n>\n> — [@doc]\n",
}

// writeSite writes files below a new temporary folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot maps each file below dir to its SHA-256, and each folder to "dir".
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel] = "dir"
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[rel] = string(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSnapshot(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	n := 0
	for p, h := range want {
		if got[p] != h && n < 5 {
			t.Errorf("%s: %s differs or is missing", what, p)
			n++
		}
	}
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

// recoverOut does what a build does first: finish or undo what an
// interrupted build left in and beside out.
func recoverOut(t *testing.T, src, out string) {
	t.Helper()
	f, err := output.Open(out, src)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func mustWrite(t *testing.T, src, out string) {
	t.Helper()
	if _, d, err := Write(Options{Src: src}, out); err != nil {
		t.Fatalf("build failed: %v\n%v", err, d)
	}
}

func TestSymlinksRefused(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: secret\n---\nsecret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		link, target string
		diag, err    string
	}{
		{"content/claims/evil.md", "secret.md", "content/claims/evil.md:1:1: error: symbolic links are not followed: content must be regular files inside the site", ""},
		{"content/pages/sub", ".", "content/pages/sub:1:1: error: symbolic links are not followed: content must be regular files inside the site", ""},
		{"content/pages", ".", "content/pages:1:1: error: symbolic links are not followed: content must be regular files inside the site", ""},
		{"content/site.yaml", "secret.md", "content/site.yaml:1:1: error: symbolic links are not followed: content must be regular files inside the site", ""},
		{"static/evil.txt", "secret.md", "", "writing the site failed, the previous output is untouched: static/evil.txt: symbolic links are not followed; copy the file into static/"},
		{"static/sub", ".", "", "writing the site failed, the previous output is untouched: static/sub: symbolic links are not followed; copy the file into static/"},
		{"static", ".", "", "writing the site failed, the previous output is untouched: static/: symbolic links are not followed; make static/ a folder inside the site"},
		{"templates", ".", "", "writing the site failed, the previous output is untouched: templates/: symbolic links are not followed; make templates/ a folder inside the site"},
		{"templates/base.html", "secret.md", "", "writing the site failed, the previous output is untouched: templates/base.html: symbolic links are not followed; copy the file into templates/"},
		{"templates/sub", ".", "", "writing the site failed, the previous output is untouched: templates/sub: symbolic links are not followed; copy the file into templates/"},
	} {
		t.Run(tc.link, func(t *testing.T) {
			src := writeSite(t, faultSite)
			out := filepath.Join(src, "public")
			mustWrite(t, src, out)
			before := snapshot(t, out)
			link := filepath.Join(src, filepath.FromSlash(tc.link))
			os.RemoveAll(link)
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(outside, tc.target), link); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			_, d, err := Write(Options{Src: src}, out)
			if tc.diag != "" {
				if !errors.Is(err, ErrContent) || d.Errors() != 1 || d[0].String() != tc.diag {
					t.Errorf("got %v\n%v\nwant %s", err, d, tc.diag)
				}
			} else if err == nil || err.Error() != tc.err {
				t.Errorf("got error %v\nwant %s", err, tc.err)
			}
			sameSnapshot(t, "output after a refused build", snapshot(t, out), before)
			noLeftovers(t, out)
			// check refuses what build refuses.
			if tc.diag == "" {
				want := strings.TrimPrefix(tc.err, "writing the site failed, the previous output is untouched: ")
				want = strings.Replace(want, ": ", ": error: ", 1)
				if got := CheckAssets(src); len(got) != 1 || got[0].String() != want {
					t.Errorf("CheckAssets: %v, want %s", got, want)
				}
			}
			// So does the dev server's build.
			if _, d, err := Memory(Options{Src: src}); (err == nil || !errors.Is(err, ErrSymlink)) && d.Errors() == 0 {
				t.Errorf("Memory: %v", err)
			}
		})
	}
}

// TestCheckTemplates: check reports a template that does not parse at its
// line, as build would fail on it.
func TestCheckTemplates(t *testing.T) {
	src := writeSite(t, faultSite)
	if d := CheckAssets(src); len(d) != 0 {
		t.Fatalf("a good site: %v", d)
	}
	os.MkdirAll(filepath.Join(src, "templates"), 0o755)
	os.WriteFile(filepath.Join(src, "templates", "claim.html"), []byte("{{define \"main\"}}\n{{.Nope}\n"), 0o644)
	want := "templates/claim.html:2:1: error: bad character U+007D '}'"
	if d := CheckAssets(src); len(d) != 1 || d[0].String() != want {
		t.Errorf("got %v\nwant %s", d, want)
	}
}

// TestHiddenStaticFiles: hidden files and editors' leftovers in static/
// are not published.
func TestHiddenStaticFiles(t *testing.T) {
	files := map[string]string{"static/ok.txt": "ok", "static/sub/ok.css": "ok"}
	hidden := []string{"static/.env", "static/.git/config", "static/sub/.ok.css.swp", "static/sub/ok.css~",
		"static/#ok.txt#", "static/ok.txt.swp", "static/ok.txt___jb_tmp___", "static/sub/.DS_Store"}
	for _, h := range hidden {
		files[h] = "SECRET"
	}
	for k, v := range faultSite {
		files[k] = v
	}
	src := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	mustWrite(t, src, out)
	for _, p := range []string{"ok.txt", "sub/ok.css"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("%s not copied: %v", p, err)
		}
	}
	for _, h := range hidden {
		p := strings.TrimPrefix(h, "static/")
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s published", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, ".git")); err == nil {
		t.Errorf(".git/ published")
	}
}

func TestOutRefused(t *testing.T) {
	src := writeSite(t, faultSite)
	parent := filepath.Dir(src)
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(other, "notes.txt")
	linkToSrc := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(src, linkToSrc); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ out, want string }{
		{src, "refusing to build into %s: it is the site folder itself"},
		{src + "/.", "refusing to build into %s: it is the site folder itself"},
		{linkToSrc, "refusing to build into %s: it is the site folder itself"},
		{parent, "refusing to build into %s: it holds the site folder"},
		{filepath.Join(src, "content"), "refusing to build into %s: it is inside the site's content/ folder"},
		{filepath.Join(src, "content", "claims", "out"), "refusing to build into %s: it is inside the site's content/ folder"},
		{filepath.Join(src, "templates"), "refusing to build into %s: it is inside the site's templates/ folder"},
		{filepath.Join(src, "static", "x"), "refusing to build into %s: it is inside the site's static/ folder"},
		{filepath.Join(linkToSrc, "static"), "refusing to build into %s: it is inside the site's static/ folder"},
		{other, "refusing to build into %s: the folder is not empty and was not made by a build (it has no .factcheck-build file); choose another --out or empty it"},
		{filepath.Join(file, "out"), "cannot use %s as the output folder: open " + filepath.Join(file, "out") + ": not a directory"},
	} {
		_, _, err := Write(Options{Src: src}, tc.out)
		want := strings.ReplaceAll(tc.want, "%s", tc.out)
		if err == nil || err.Error() != want {
			t.Errorf("out %s:\n got %v\nwant %s", tc.out, err, want)
		}
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "mine" {
		t.Errorf("a refused build touched a file it did not make")
	}
	// Accepted: a new folder, one in new folders, an empty one, one a build made.
	for _, out := range []string{filepath.Join(parent, "new-out"), filepath.Join(t.TempDir(), "a", "b", "public"), t.TempDir(), filepath.Join(src, "public"), filepath.Join(src, "public")} {
		mustWrite(t, src, out)
		if _, err := os.Stat(filepath.Join(out, output.Marker)); err != nil {
			t.Errorf("%s: no marker", out)
		}
	}
	os.RemoveAll(filepath.Join(parent, "new-out"))
}

// TestFailedBuildKeepsOutput: a content error, and a failure while
// writing, leave the previous output byte for byte.
func TestFailedBuildKeepsOutput(t *testing.T) {
	src := writeSite(t, faultSite)
	out := filepath.Join(t.TempDir(), "public")
	mustWrite(t, src, out)
	before := snapshot(t, out)

	t.Run("content error", func(t *testing.T) {
		bad := filepath.Join(src, "content", "claims", "bad.md")
		os.WriteFile(bad, []byte("---\nclaim: [\n---\n"), 0o644)
		defer os.Remove(bad)
		_, d, err := Write(Options{Src: src}, out)
		if !errors.Is(err, ErrContent) || d.Errors() == 0 {
			t.Fatalf("got %v %v", err, d)
		}
		sameSnapshot(t, "output after a content error", snapshot(t, out), before)
		noLeftovers(t, out)
	})

	t.Run("write error", func(t *testing.T) {
		// A static file "claims" where the pages need a folder claims/.
		blocker := filepath.Join(src, "static", "claims")
		os.MkdirAll(filepath.Dir(blocker), 0o755)
		os.WriteFile(blocker, []byte("x"), 0o644)
		defer os.RemoveAll(filepath.Dir(blocker))
		_, _, err := Write(Options{Src: src}, out)
		want := `^cannot (write|create the folder) OUT/claims\S*: (not a directory|is a directory|file exists); the previous site in OUT/ is unchanged$`
		matchErr(t, err, want, out)
		sameSnapshot(t, "output after a write error", snapshot(t, out), before)
		noLeftovers(t, out)
	})
}

// TestReadOnlyParent: a build needs to write beside its output folder.
// Permissions do not stop root; TestImmutableParent and
// TestReadOnlyMount cover this for root on Linux.
func TestReadOnlyParent(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("permissions do not stop root")
	}
	out := filepath.Join(t.TempDir(), "public")
	faultBuild(t, writeSite(t, faultSite), out,
		"^cannot create DIR/.public.lock beside OUT/ \\(it keeps other builds out while this one runs\\): permission denied; the previous site in OUT/ is unchanged$",
		func() func() {
			parent := filepath.Dir(out)
			if err := os.Chmod(parent, 0o555); err != nil {
				t.Fatal(err)
			}
			return func() { os.Chmod(parent, 0o755) }
		})
}

// faultBuild builds src into out, then changes a claim so that the next
// build has files to write, breaks the disk with fault and checks that
// the next build fails with an error matching want (OUT stands for out),
// leaves the output byte for byte and nothing beside it. Then it undoes
// the fault and the change and checks that a build succeeds again.
func faultBuild(t *testing.T, src, out, want string, fault func() (undo func())) {
	t.Helper()
	mustWrite(t, src, out)
	before := snapshot(t, out)
	claim := filepath.Join(src, "content", "claims", "sky.md")
	text, err := os.ReadFile(claim)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(claim, []byte(strings.Replace(string(text), "The sky was green", "The sky was a deep shade of green", 1)), 0o644)
	undo := fault()
	_, _, err = Write(Options{Src: src}, out)
	undo()
	os.WriteFile(claim, text, 0o644)
	t.Logf("the failed build says: %v", err)
	matchErr(t, err, want, out)
	sameSnapshot(t, "output after the failed build", snapshot(t, out), before)
	noLeftovers(t, out)
	mustWrite(t, src, out)
	sameSnapshot(t, "output of the next build", snapshot(t, out), before)
	noLeftovers(t, out)
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

// TestRecoverInterruptedSwap simulates a build killed between its two
// renames: OUT is gone, .OUT.old holds the previous output, and an
// unfinished .OUT.new-* folder is left.
func TestRecoverInterruptedSwap(t *testing.T) {
	src := writeSite(t, faultSite)
	out := filepath.Join(t.TempDir(), "public")
	mustWrite(t, src, out)
	before := snapshot(t, out)
	old := filepath.Join(filepath.Dir(out), ".public.old")
	interrupt := func() {
		if err := os.Rename(out, old); err != nil {
			t.Fatal(err)
		}
		junk := filepath.Join(filepath.Dir(out), ".public.new-12345", "claims")
		os.MkdirAll(junk, 0o755)
		os.WriteFile(filepath.Join(filepath.Dir(junk), output.Marker), []byte("made by a build\n"), 0o644)
		os.WriteFile(filepath.Join(junk, "half.html"), []byte("<p"), 0o644)
		os.Mkdir(filepath.Join(filepath.Dir(out), ".public.new-4"), 0o755) // killed before its marker
	}

	// The next build fails on content, but still puts the old output back.
	interrupt()
	bad := filepath.Join(src, "content", "claims", "bad.md")
	os.WriteFile(bad, []byte("no front matter"), 0o644)
	if _, _, err := Write(Options{Src: src}, out); !errors.Is(err, ErrContent) {
		t.Fatalf("got %v", err)
	}
	sameSnapshot(t, "restored output", snapshot(t, out), before)
	noLeftovers(t, out)

	// The next good build recovers and replaces it.
	os.Remove(bad)
	interrupt()
	mustWrite(t, src, out)
	sameSnapshot(t, "rebuilt output", snapshot(t, out), before)
	noLeftovers(t, out)

	// Killed after the second rename: both OUT and .OUT.old exist.
	if err := os.CopyFS(old, os.DirFS(out)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "index.html"), []byte("newer"), 0o644)
	recoverOut(t, src, out)
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "newer" {
		t.Errorf("recovery replaced the newer output with the older")
	}
	noLeftovers(t, out)
}

// TestNotItsOwn: folders named like a build's leftovers (.OUT.old,
// .OUT.new-*, .OUT.commit) that a build did not make are never removed.
func TestNotItsOwn(t *testing.T) {
	src := writeSite(t, faultSite)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	mustWrite(t, src, out)
	mine := map[string]string{".public.old/notes.txt": "mine", ".public.new-draft/notes.txt": "mine too", ".public.commit/notes.txt": "mine as well"}
	for name, data := range mine {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	kept := func() {
		t.Helper()
		for name, data := range mine {
			if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err != nil || string(b) != data {
				t.Errorf("%s: %q, %v", name, b, err)
			}
		}
	}
	// An update needs .public.commit.
	claim := filepath.Join(src, "content", "claims", "sky.md")
	text, _ := os.ReadFile(claim)
	os.WriteFile(claim, []byte(strings.Replace(string(text), "The sky was green", "The sky was very green", 1)), 0o644)
	before := snapshot(t, out)
	_, _, err := Write(Options{Src: src}, out)
	matchErr(t, err, "^refusing to replace "+regexp.QuoteMeta(filepath.Join(dir, ".public.commit"))+": it was not made by a build \\(it has no .factcheck-build file\\); move it away; the previous site in OUT/ is unchanged$", out)
	sameSnapshot(t, "output after the refused build", snapshot(t, out), before)
	kept()
	delete(mine, ".public.commit/notes.txt")
	os.RemoveAll(filepath.Join(dir, ".public.commit"))
	mustWrite(t, src, out)

	// A new folder (the output's Marker has no manifest) needs .public.old.
	os.WriteFile(filepath.Join(out, output.Marker), []byte("This folder is the output of a factcheck build; the next build replaces it.\n"), 0o644)
	before = snapshot(t, out)
	_, _, err = Write(Options{Src: src}, out)
	matchErr(t, err, "^refusing to remove "+regexp.QuoteMeta(filepath.Join(dir, ".public.old"))+": it was not made by a build \\(it has no .factcheck-build file\\); move it away; the previous site in OUT/ is unchanged$", out)
	sameSnapshot(t, "output after the refused build", snapshot(t, out), before)
	kept()
	os.RemoveAll(filepath.Join(dir, ".public.old"))
	delete(mine, ".public.old/notes.txt")
	mustWrite(t, src, out)
	kept()
}

// TestOutputMode: the output folder gets the mode the umask gives a new
// folder, not os.MkdirTemp's 0700, which a web server running as another
// user cannot read.
func TestOutputMode(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mustWrite(t, writeSite(t, faultSite), out)
	fi, err := os.Stat(out)
	if want := 0o777 &^ umask(t); err != nil || fi.Mode().Perm() != want {
		t.Errorf("mode %v, %v; want %v", fi.Mode().Perm(), err, want)
	}
}

// TestConcurrentBuilds: a build into a folder another build is writing
// stops at once with a message that says so, and takes nothing of the
// other's; the lock goes with the build.
func TestConcurrentBuilds(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no lock")
	}
	src := writeSite(t, faultSite)
	out := filepath.Join(t.TempDir(), "public")
	mustWrite(t, src, out)
	before := snapshot(t, out)
	other, err := output.Open(out, src) // the other build
	if err != nil {
		t.Fatal(err)
	}
	b, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	b.Add(output.File{Path: "index.html", Data: []byte("theirs")})
	theirs, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.new-*"))
	if len(theirs) != 1 {
		t.Fatalf("the other build's folders: %v", theirs)
	}
	_, _, err = Write(Options{Src: src}, out)
	if !errors.Is(err, ErrBusy) {
		t.Errorf("not ErrBusy: %v", err)
	}
	matchErr(t, err, "^another build into OUT/ is running \\(it holds "+regexp.QuoteMeta(filepath.Join(filepath.Dir(out), ".public.lock"))+"\\); wait for it to finish$", out)
	// Add hands the file to the other build's writers, which may not have
	// written it yet: its folder must still be there.
	if fi, err := os.Stat(theirs[0]); err != nil || !fi.IsDir() {
		t.Errorf("the other build's folder was removed: %v", err)
	}
	sameSnapshot(t, "output beside a running build", snapshot(t, out), before)
	b.Abort(errors.New("stopped"))
	other.Close()
	mustWrite(t, src, out)
	noLeftovers(t, out)
}

// TestKilledBuild kills a real build at random moments, while it
// updates the output from one base URL to the other (every page
// changes): the output must always be the previous complete build or,
// once the next build has finished what the killed one committed, the
// new one.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator and a 2,000-claim site")
	}
	bin := filepath.Join(t.TempDir(), "fc")
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	goBuild := exec.Command("go", "build", "-o", bin, "./generator")
	goBuild.Dir = filepath.Join("..", "..", "..")
	if b, err := goBuild.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	src := t.TempDir()
	if err := synth.Write(src, 2000, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	bases := []string{"https://a.example/", "https://b.example/"}
	fc := func(base, out string) *exec.Cmd {
		return exec.Command(bin, "build", "--src", src, "--out", out, "--base-url", base)
	}
	// The outputs of both, each built into a new folder.
	var want [2]map[string]string
	for i, base := range bases {
		dir := filepath.Join(t.TempDir(), "public")
		if b, err := fc(base, dir).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, b)
		}
		want[i] = snapshot(t, dir)
	}
	// With the share cards cached now:
	start := time.Now()
	if b, err := fc(bases[0], out).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	full := time.Since(start)
	t.Logf("a full build takes %v, %d files", full, len(want[0]))
	sameSnapshot(t, "first build", snapshot(t, out), want[0])

	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("FC_TEST_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("FC_TEST_SEED=%q: %v", v, err)
		}
		seed = n
	}
	t.Logf("kill times from seed %d (FC_TEST_SEED=%d picks them again)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	cur := 0
	for i := range 5 {
		next := 1 - cur
		// Kill somewhere within the build, up to its end, where the
		// commit happens.
		upper := max(1500*time.Millisecond, 2*full)
		delay := 50*time.Millisecond + time.Duration(rng.Int64N(int64(upper-50*time.Millisecond)))
		c := fc(bases[next], out)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		c.Process.Kill()
		err := c.Wait()
		t.Logf("run %d: killed after %v: %v", i, delay, err)
		recoverOut(t, src, out)
		got := snapshot(t, out)
		switch {
		case got[output.Marker] == want[next][output.Marker]:
			t.Logf("run %d: committed", i)
			sameSnapshot(t, "output after a killed build (committed)", got, want[next])
			cur = next
		default:
			sameSnapshot(t, "output after a killed build (not committed)", got, want[cur])
		}
		noLeftovers(t, out)
	}
	for _, i := range []int{1 - cur, cur} {
		if b, err := fc(bases[i], out).CombinedOutput(); err != nil {
			t.Fatalf("last builds: %v\n%s", err, b)
		}
		sameSnapshot(t, "output after the last builds", snapshot(t, out), want[i])
	}
	noLeftovers(t, out)
}
