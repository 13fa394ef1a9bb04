package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/site"

	"golang.org/x/tools/txtar"
)

// TestIncremental edits the basic site step by step, as an editor would,
// and checks after each step that the dev server's load (a cache told only
// which paths changed) gives exactly the diagnostics and files of a build
// from scratch. The steps reach every way a file can matter to another:
// a source's text to the quotes of the claims citing it, ids to
// citations and cross-links, site.yaml to everything.
func TestIncremental(t *testing.T) {
	a, err := txtar.ParseFile(filepath.Join("testdata", "sites", "basic.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := extract(t, a)
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const (
		tax    = "content/claims/tax-doubled.md"
		spend  = "content/claims/sub/spending-fell.md"
		draft  = "content/claims/draft-one.md"
		budget = "content/sources/budget-2023.md"
		config = "content/site.yaml"
	)
	orig := map[string]string{}
	for _, p := range []string{tax, spend, draft, budget, config} {
		orig[p] = read(p)
	}
	// An edit is a list of operations: "write PATH", "remove PATH",
	// "rename OLD NEW"; changed is what the watcher would report.
	type step struct {
		name    string
		do      func(write func(p, text string), remove func(p string))
		changed []string
	}
	replace := func(p, old, new string) func(func(string, string), func(string)) {
		return func(write func(string, string), _ func(string)) {
			s := read(p)
			if !strings.Contains(s, old) {
				t.Fatalf("%s has no %q", p, old)
			}
			write(p, strings.Replace(s, old, new, 1))
		}
	}
	restore := func(p string) func(func(string, string), func(string)) {
		return func(write func(string, string), _ func(string)) { write(p, orig[p]) }
	}
	steps := []step{
		{"edit a claim's analysis", replace(tax, "The budget says:", "The budget, in full, says:"), []string{tax}},
		{"break its quote", replace(tax, "rose by 3 percent", "rose by 30 percent"), []string{tax}},
		{"fix it", restore(tax), []string{tax}},
		{"change the source under an unchanged claim's quote", replace(budget, "taxes rose by 3 percent", "taxes rose by 4 percent"), []string{budget}},
		{"change it back", restore(budget), []string{budget}},
		{"move the quoted text down the source", replace(budget, "In 2023, taxes", "A new first paragraph.\n\nIn 2023, taxes"), []string{budget}},
		{"and up again", restore(budget), []string{budget}},
		{"remove the source", func(_ func(string, string), remove func(string)) { remove(budget) }, []string{budget}},
		{"add it in a new folder", func(write func(string, string), _ func(string)) {
			write("content/sources/2023/budget-2023.md", orig[budget])
		}, []string{"content/sources/2023"}},
		{"remove the folder", func(_ func(string, string), remove func(string)) {
			remove("content/sources/2023/budget-2023.md")
			remove("content/sources/2023")
		}, []string{"content/sources/2023"}},
		{"move it back", func(write func(string, string), _ func(string)) {
			write(budget, orig[budget])
		}, []string{budget}},
		{"add a claim in new sub-folders", func(write func(string, string), _ func(string)) {
			write("content/claims/new/deep/roads.md", strings.Replace(orig[spend], "fell\" [@", "fell\" [[tax-doubled]] [@", 1))
		}, []string{"content/claims/new"}},
		{"a static sitemap and search file beside the made ones", func(write func(string, string), _ func(string)) {
			write("static/sitemap.xml", "a static sitemap, replaced by the made one\n")
			write("static/search/extra.js", "// kept\n")
		}, []string{"static/sitemap.xml", "static/search/extra.js"}},
		{"rename a claim that others link to", func(write func(string, string), remove func(string)) {
			remove(spend)
			write("content/claims/sub/spending-halved.md", orig[spend])
		}, []string{spend, "content/claims/sub/spending-halved.md"}},
		{"a page takes the source's id", func(write func(string, string), _ func(string)) {
			write("content/pages/budget-2023.md", "---\ntitle: Budget\n---\nA page.\n")
		}, []string{"content/pages/budget-2023.md"}},
		{"and gives it back", func(_ func(string, string), remove func(string)) {
			remove("content/pages/budget-2023.md")
		}, []string{"content/pages/budget-2023.md"}},
		{"publish the draft", replace(draft, "draft: true", "draft: false"), []string{draft}},
		{"drop a rating from the scale", func(write func(string, string), _ func(string)) {
			write(config, orig[config]+"ratings:\n  - {id: accurate, label: Accurate}\n  - {id: mostly-accurate, label: Mostly accurate}\n")
		}, []string{config}},
		{"allow raw HTML", func(write func(string, string), _ func(string)) {
			write(config, orig[config]+"unsafe_html: true\n")
			write(budget, strings.Replace(orig[budget], "a *modest* rise.", "a <em>modest</em> rise.", 1))
		}, []string{config, budget}},
		{"set a claim aside in _drafts", func(write func(string, string), _ func(string)) {
			write("content/claims/_drafts/later.md", orig[spend])
			write("content/claims/.hidden.md", orig[spend])
		}, []string{"content/claims/_drafts", "content/claims/.hidden.md"}},
		{"link a claim from outside the site", func(_ func(string, string), _ func(string)) {
			outside := filepath.Join(t.TempDir(), "outside.md")
			if err := os.WriteFile(outside, []byte(orig[spend]), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(dir, "content", "claims", "linked.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/claims/linked.md"}},
		{"remove the link", func(_ func(string, string), remove func(string)) { remove("content/claims/linked.md") }, []string{"content/claims/linked.md"}},
		{"remove a folder of claims", func(_ func(string, string), _ func(string)) {
			if err := os.RemoveAll(filepath.Join(dir, "content", "claims", "sub")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/claims/sub"}},
		{"lost events", restore(config), []string{"."}},
	}

	cache := new(site.Cache)
	opts := Options{Src: dir, Dev: true}
	if _, diags, err := Lazy(opts, cache, nil); err != nil || diags.Errors() > 0 {
		t.Fatalf("first build: %v %v", err, diags)
	}
	for _, st := range steps {
		write := func(p, text string) {
			f := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		remove := func(p string) {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				t.Fatal(err)
			}
		}
		st.do(write, remove)

		lazy, gotDiags, err := Lazy(opts, cache, st.changed)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		full, wantDiags, err := Memory(opts)
		if err != nil {
			t.Fatalf("%s: full build: %v", st.name, err)
		}
		var got, want strings.Builder
		diag.WriteText(&got, gotDiags, false)
		diag.WriteText(&want, wantDiags, false)
		if got.String() != want.String() {
			t.Errorf("%s: diagnostics\n got: %s\nwant: %s", st.name, got.String(), want.String())
		}
		if (lazy == nil) != (full == nil) {
			t.Fatalf("%s: incremental built %v, full built %v", st.name, lazy != nil, full != nil)
		}
		if full == nil {
			continue
		}
		var paths []string
		for p := range full.Files {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		var lazyPaths []string
		for p := range lazy.jobs {
			lazyPaths = append(lazyPaths, p)
		}
		for _, f := range lazy.folders {
			for _, j := range f.job.Expand() {
				lazyPaths = append(lazyPaths, j.Path)
			}
		}
		sort.Strings(lazyPaths)
		if strings.Join(lazyPaths, "\n") != strings.Join(paths, "\n") {
			t.Errorf("%s: incremental makes %d files, full %d", st.name, len(lazyPaths), len(paths))
		}
		for _, p := range paths {
			got, ok := lazy.File(p)
			if !ok {
				t.Errorf("%s: incremental has no %s", st.name, p)
			} else if !bytes.Equal(got, full.Files[p]) {
				t.Errorf("%s: %s differs from a full build:\n%s", st.name, p, firstDiff(string(full.Files[p]), string(got)))
			}
		}
	}
}
