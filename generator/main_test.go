package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 12056: "12,056", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSeconds(t *testing.T) {
	for d, want := range map[time.Duration]string{700 * time.Microsecond: "700µs", 23456 * time.Microsecond: "23ms", 1500 * time.Millisecond: "1.5 s"} {
		if got := seconds(d); got != want {
			t.Errorf("seconds(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestBuildSummary runs build on the example content and checks its
// summary and timings lines.
func TestBuildSummary(t *testing.T) {
	var stdout, stderr strings.Builder
	dir := t.TempDir()
	out, cache := dir+"/public", dir+"/cache"
	if code := run([]string{"build", "--src", "..", "--out", out, "--cache", cache, "--timings"}, &stdout, &stderr); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "timings: read and parse ") || !strings.Contains(lines[0], " quotes ") ||
		!strings.HasPrefix(lines[1], "built ") || !strings.Contains(lines[1], " sources, ") || !strings.HasSuffix(lines[1], " into "+out) {
		t.Errorf("unexpected output:\n%s", stdout.String())
	}
	// The example site has claims translated into Spanish.
	if !regexp.MustCompile(`^built \d+ claims \(\+\d+ translations?\), `).MatchString(lines[1]) {
		t.Errorf("the summary does not count the translated claims:\n%s", lines[1])
	}
	if !strings.Contains(lines[0], " share cards drawn, ") || !strings.Contains(lines[0], " pages rendered, ") || !strings.HasSuffix(lines[0], " written)") {
		t.Errorf("the timings do not count the pages rendered, the share cards drawn and the files written:\n%s", lines[0])
	}
	if cards, _ := filepath.Glob(cache + "/cards/*.png"); len(cards) == 0 {
		t.Errorf("no share cards kept in %s", cache)
	}
}

// TestRefusedOut: an --out a build must not replace is a usage error.
func TestRefusedOut(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run([]string{"build", "--src", "..", "--out", "../content"}, &stdout, &stderr); code != 2 {
		t.Errorf("exit %d, want 2: %s", code, stderr.String())
	}
	if want := "build failed: refusing to build into ../content: it is inside the site's content/ folder\n"; stderr.String() != want {
		t.Errorf("got %q, want %q", stderr.String(), want)
	}
}

// TestNewThroughLink: "new claim" does not write through a linked
// content/claims/ to a folder outside the site.
func TestNewThroughLink(t *testing.T) {
	src, outside := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(src, "content"), 0o755)
	if err := os.Symlink(outside, filepath.Join(src, "content", "claims")); err != nil {
		t.Skip(err)
	}
	var stdout, stderr strings.Builder
	if code := run([]string{"new", "claim", "x", "--src", src}, &stdout, &stderr); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := "cannot create " + filepath.Join(src, "content", "claims", "x.md") + ": " + filepath.Join(src, "content", "claims") + " is a symbolic link, which a site may not hold; make it a folder inside the site\n"
	if stderr.String() != want {
		t.Errorf("got %q\nwant %q", stderr.String(), want)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote outside the site: %v", entries)
	}
	// A plain site is fine.
	os.Remove(filepath.Join(src, "content", "claims"))
	if code := run([]string{"new", "claim", "x", "--src", src}, &stdout, &stderr); code != 0 {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

// TestNoSite: build, check and serve refuse a --src that is not a site
// folder (a typo would otherwise build an empty site), naming it.
func TestNoSite(t *testing.T) {
	empty := t.TempDir()
	missing := filepath.Join(empty, "nosuch")
	for _, tc := range []struct{ src, want string }{
		{missing, "no site folder " + missing + ": there is no such folder\n"},
		{empty, "no site in " + empty + ": it has no content/ folder (give the site folder with --src, or make one with \"generator new site DIR\")\n"},
	} {
		for _, cmd := range []string{"build", "check", "serve"} {
			var stdout, stderr strings.Builder
			code := run([]string{cmd, "--src", tc.src}, &stdout, &stderr)
			prefix := map[string]string{"build": "build failed: ", "check": "check: ", "serve": "serve: "}[cmd]
			if code != 2 || stderr.String() != prefix+tc.want {
				t.Errorf("%s --src %s: exit %d, %q; want 2, %q", cmd, tc.src, code, stderr.String(), prefix+tc.want)
			}
		}
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("wrote into the folder that is not a site: %v", entries)
	}
}

// TestHelp: --help after any command prints its usage on stdout and
// succeeds; an argument version does not take is a usage error.
func TestHelp(t *testing.T) {
	for _, tc := range []struct{ args, flag string }{
		{"build --help", "-base-url"},
		{"serve --help", "-bind"},
		{"check -h", "-strict"},
		{"new claim x --help", "-src"},
		{"new site --help", "-generator"},
		{"import --help", "-id"},
		{"version --help", "usage:"},
	} {
		var stdout, stderr strings.Builder
		if code := run(strings.Fields(tc.args), &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), tc.flag) || stderr.Len() != 0 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 0 and %s on stdout", tc.args, code, stdout.String(), stderr.String(), tc.flag)
		}
	}
	var stdout, stderr strings.Builder
	if code := run([]string{"nosuch", "--help"}, &stdout, &stderr); code != 2 || !strings.HasPrefix(stderr.String(), `unknown command "nosuch"`) {
		t.Errorf("nosuch --help: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"version", "extra"}, &stdout, &stderr); code != 2 || !strings.HasPrefix(stderr.String(), `unexpected argument "extra"`) {
		t.Errorf("version extra: exit %d, %q", code, stderr.String())
	}
}
