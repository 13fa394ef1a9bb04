package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"factcheck"
	"factcheck/generator/internal/pipeline"
	"factcheck/generator/internal/site"
)

// newSiteIn runs "new site" into a fresh folder and returns it.
func newSiteIn(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "desk")
	var stdout, stderr strings.Builder
	if code := run(append([]string{"new", "site", dir}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("new site exited %d: %s", code, stderr.String())
	}
	return dir
}

// TestNewSite makes a new site, then checks it with --strict and builds it
// as the Pages workflow does: no error, no warning, every page IFCN
// signatories publish, and no link that leads nowhere.
func TestNewSite(t *testing.T) {
	dir := newSiteIn(t)

	var stdout, stderr strings.Builder
	if code := run([]string{"check", "--strict", "--src", dir}, &stdout, &stderr); code != 0 || stdout.Len() > 0 {
		t.Fatalf("check --strict exited %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	const base = "https://example.github.io/desk/"
	out := filepath.Join(dir, "public")
	if code := run([]string{"build", "--src", dir, "--base-url", base}, &stdout, &stderr); code != 0 || stderr.Len() > 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr.String())
	}
	for _, page := range []string{"about", "methodology", "corrections-policy", "funding-and-ownership", "nonpartisanship", "claims/example-right-to-information", "sources/udhr-article-19"} {
		if _, err := os.Stat(filepath.Join(out, page, "index.html")); err != nil {
			t.Errorf("no page /%s/: %v", page, err)
		}
	}
	res, diags, err := pipeline.Memory(pipeline.Options{Src: dir, BaseURL: base})
	if err != nil || len(diags) > 0 {
		t.Fatalf("build: %v %v", err, diags)
	}
	for _, p := range pipeline.BrokenLinks(res.Files, base) {
		t.Error(p)
	}
	if n := res.Site.Stats.Quotes; n != 2 {
		t.Errorf("the example has %d checked quotes, want 2 (a block quote and an inline one)", n)
	}

	gitignore, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil || !regexp.MustCompile(`(?m)^public/$`).Match(gitignore) {
		t.Errorf(".gitignore does not ignore public/: %q %v", gitignore, err)
	}
}

// TestNewSiteExampleIsChecked changes a word of the example's quote: the
// example shows a new desk that quotes are checked.
func TestNewSiteExampleIsChecked(t *testing.T) {
	dir := newSiteIn(t)
	claim := filepath.Join(dir, "content", "claims", "example-right-to-information.md")
	b, err := os.ReadFile(claim)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), "> receive and impart", "> receive and share", 1)
	if changed == string(b) {
		t.Fatal("the example claim no longer quotes \"receive and impart\"")
	}
	if err := os.WriteFile(claim, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	code := run([]string{"check", "--src", dir}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stdout.String(), "content/claims/example-right-to-information.md:") || !strings.Contains(stdout.String(), "error:") {
		t.Errorf("check of a misquote exited %d:\n%s", code, stdout.String())
	}
}

// TestNewClaimIsADraft: a claim just begun with "new claim" has empty
// fields and is a draft, so the site still checks and builds; "check
// --drafts" names each field to fill in.
func TestNewClaimIsADraft(t *testing.T) {
	dir := newSiteIn(t)
	var stdout, stderr strings.Builder
	if code := run([]string{"new", "claim", "begun", "--src", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("new claim exited %d: %s", code, stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"check", "--src", dir, "--strict"}, &stdout, &stderr); code != 0 {
		t.Errorf("check exited %d:\n%s", code, stdout.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"build", "--src", dir, "--out", filepath.Join(t.TempDir(), "out"), "--cache", "none"}, &stdout, &stderr); code != 0 {
		t.Errorf("build exited %d:\n%s", code, stderr.String())
	}
	// The example claim and source, and not the draft, in the singular.
	if !strings.HasPrefix(stdout.String(), "built 1 claim, 1 source, ") {
		t.Errorf("build's summary: %q", stdout.String())
	}
	stdout.Reset()
	if code := run([]string{"check", "--src", dir, "--drafts"}, &stdout, &stderr); code != 1 {
		t.Errorf("check --drafts exited %d, want 1:\n%s", code, stdout.String())
	}
	for _, key := range []string{"claim", "claimant", "rating", "summary"} {
		if want := regexp.MustCompile(`content/claims/begun\.md:\d+:\d+: error: ` + key + ` must not be empty`); !want.MatchString(stdout.String()) {
			t.Errorf("check --drafts does not name the empty %s:\n%s", key, stdout.String())
		}
	}
}

// TestNewSiteYAML checks that site.yaml names every key site.yaml may
// hold, set or commented out, each after a comment.
func TestNewSiteYAML(t *testing.T) {
	dir := newSiteIn(t)
	b, err := os.ReadFile(filepath.Join(dir, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for _, key := range site.ConfigKeys() {
		found := false
		for i, l := range lines {
			if !strings.HasPrefix(l, key+":") && !strings.HasPrefix(l, "# "+key+":") {
				continue
			}
			found = true
			if i == 0 || !strings.HasPrefix(lines[i-1], "#") {
				t.Errorf("site.yaml: %s has no comment above it", key)
			}
		}
		if !found {
			t.Errorf("site.yaml does not name the key %s", key)
		}
	}
}

// TestNewSiteWorkflow checks that the new site's workflow is this
// repository's pages.yml, with only the generator's repository and ref
// filled in by --generator.
func TestNewSiteWorkflow(t *testing.T) {
	ours, err := fs.ReadFile(factcheck.Workflows, workflowPath)
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(workflowPath)))
	if err != nil || string(onDisk) != string(ours) {
		t.Fatalf("the embedded workflow is not the repository's %s (%v)", workflowPath, err)
	}

	plain, err := os.ReadFile(filepath.Join(newSiteIn(t), filepath.FromSlash(workflowPath)))
	if err != nil || string(plain) != string(ours) {
		t.Errorf("without --generator the workflow is not pages.yml as it is (%v)", err)
	}

	pinned, err := os.ReadFile(filepath.Join(newSiteIn(t, "--generator", "acme/fact-check@v1.2.0"), filepath.FromSlash(workflowPath)))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(string(ours), "GENERATOR_REPOSITORY: \"\"", "GENERATOR_REPOSITORY: acme/fact-check", 1)
	want = strings.Replace(want, "GENERATOR_REF: \"\"", "GENERATOR_REF: v1.2.0", 1)
	if want == string(ours) || string(pinned) != want {
		t.Errorf("with --generator acme/fact-check@v1.2.0 the workflow is:\n%s", pinned)
	}
}

// TestNewSiteRefusesNonEmpty checks that "new site" writes nothing into a
// folder that holds anything.
func TestNewSiteRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	if code := run([]string{"new", "site", dir}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "is not empty") {
		t.Errorf("new site into a non-empty folder exited %d: %s", code, stderr.String())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("new site wrote into a non-empty folder: %v", entries)
	}
	for _, args := range [][]string{{"new", "site"}, {"new", "site", "a", "b"}, {"new", "site", dir + "/x", "--generator", "no-ref"}} {
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%q exited %d, want 2 (usage)", args, code)
		}
	}
	stderr.Reset()
	run([]string{"new", "site", dir + "/x", "--generator", "me/repo@"}, &stdout, &stderr)
	if want := `--generator wants OWNER/REPO@REF, a GitHub repository and a tag or commit of it (e.g. example/factcheck@v1.2.0), got "me/repo@"`; !strings.HasPrefix(stderr.String(), want+"\n") {
		t.Errorf("a bad --generator: %q, want it to start with %q", stderr.String(), want)
	}
}
