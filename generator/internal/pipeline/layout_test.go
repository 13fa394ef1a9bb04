package pipeline

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"factcheck"

	"golang.org/x/tools/txtar"
)

// TestLayoutInGo checks that the Go versions of the built-in base.html,
// claim.html and claim-card (render/layout.go) print what the templates print: each site
// is built as it is, which uses the Go versions, and again with copies of
// the built-in files in its templates/ folder, changed by a comment
// (asTemplate), which makes the build run the templates. Every file must
// be the same, byte for byte.
func TestLayoutInGo(t *testing.T) {
	sites := map[string]string{}
	for _, name := range []string{"basic", "payloads"} {
		a, err := txtar.ParseFile(filepath.Join("testdata", "sites", name+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		sites[name] = extract(t, a)
	}
	// The real content, under a sub-path.
	real := t.TempDir()
	if out, err := exec.Command("cp", "-r", filepath.Join("..", "..", "..", "content"), real).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
	sites["content"] = real
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			opts := Options{Src: dir}
			if name == "content" {
				opts.BaseURL = "https://org.github.io/repo/"
			}
			inGo, _, err := Memory(opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"base.html", "claim.html", "source.html", "claims.html", "group.html", "rating.html", "sources.html", "corrections.html", "partials.html"} {
				b, err := fs.ReadFile(factcheck.Files, "templates/"+f)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "templates", f), asTemplate(b), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			byTemplates, _, err := Memory(opts)
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			for p := range byTemplates.Files {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			claims := 0
			for _, p := range paths {
				got, ok := inGo.Files[p]
				if !ok {
					t.Errorf("%s: missing", p)
					continue
				}
				if want := string(byTemplates.Files[p]); string(got) != want {
					t.Errorf("%s differs from the templates' output: %s", p, firstDiff(want, string(got)))
				}
				if filepath.Dir(filepath.Dir(p)) == "claims" {
					claims++
				}
			}
			if len(inGo.Files) != len(byTemplates.Files) {
				t.Errorf("%d files, the templates make %d", len(inGo.Files), len(byTemplates.Files))
			}
			if claims == 0 {
				t.Error("no claim pages compared")
			}
		})
	}
}

// TestGoVersionsYieldToOverrides checks that a site's own definition of a
// template that layout.go also writes in Go is the one used, in whichever
// of its files it is.
func TestGoVersionsYieldToOverrides(t *testing.T) {
	a, err := txtar.ParseFile(filepath.Join("testdata", "sites", "basic.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	builtin := func(f string) string {
		b, err := fs.ReadFile(factcheck.Files, "templates/"+f)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, tc := range []struct {
		name, file, text string
		page, want       string
	}{
		{"card in home.html", "home.html", builtin("home.html") + `{{define "claim-card"}}<li>CUSTOM CARD</li>{{end}}`, "claims/index.html", "<li>CUSTOM CARD</li>"},
		{"card in partials.html", "partials.html", strings.Replace(builtin("partials.html"), `<li class="claim-card">`, `<li class="claim-card custom">`, 1), "index.html", `<li class="claim-card custom">`},
		{"layout in partials.html", "partials.html", builtin("partials.html") + `{{define "base.html"}}<html data-custom>{{block "main" .}}{{end}}</html>{{end}}`, "claims/spending-fell/index.html", "<html data-custom>"},
		{"layout in base.html", "base.html", strings.Replace(builtin("base.html"), `<a class="skip"`, `<a class="skip custom"`, 1), "index.html", `<a class="skip custom"`},
		{"claim main", "claim.html", strings.Replace(builtin("claim.html"), `<h2 id="analysis">`, `<h2 class="custom" id="analysis">`, 1), "claims/spending-fell/index.html", `<h2 class="custom" id="analysis">`},
		// A block that claim.html leaves to base.html reads the claim's markup fields.
		{"claim scripts in partials.html", "partials.html", builtin("partials.html") + `{{define "scripts"}}{{with .Claim}}<p data-custom>{{.RatingLink}}</p>{{end}}{{end}}`, "claims/spending-fell/index.html", `<p data-custom><a href="`},
		{"claim list in partials.html", "partials.html", strings.Replace(builtin("partials.html"), `<ol class="claim-list">`, `<ol class="claim-list custom">`, 1), "claims/index.html", `<ol class="claim-list custom">`},
		{"pager in partials.html", "partials.html", strings.Replace(builtin("partials.html"), `{{define "pager"}}`, `{{define "pager"}}<b data-custom-pager></b>`, 1), "claims/index.html", `<b data-custom-pager></b>`},
		{"listing main", "group.html", strings.Replace(builtin("group.html"), `<p class="kicker">`, `<p class="kicker custom">`, 1), "topics/budget/index.html", `<p class="kicker custom">`},
		{"source main", "source.html", strings.Replace(builtin("source.html"), `<h2 id="stored-text">`, `<h2 class="custom" id="stored-text">`, 1), "sources/budget-2023/index.html", `<h2 class="custom" id="stored-text">`},
		{"claim head", "claim.html", strings.Replace(builtin("claim.html"), `<script type="application/ld+json">`, `<script data-custom type="application/ld+json">`, 1), "claims/spending-fell/index.html", `<script data-custom type="application/ld+json">`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			aa := &txtar.Archive{Files: append(slices.Clone(a.Files), txtar.File{Name: "templates/" + tc.file, Data: []byte(tc.text)})}
			res, _, err := Memory(Options{Src: extract(t, aa)})
			if err != nil {
				t.Fatal(err)
			}
			page, ok := res.Files[tc.page]
			if !ok {
				t.Fatalf("no %s", tc.page)
			}
			if !strings.Contains(string(page), tc.want) {
				t.Errorf("%s does not use the site's template: no %q in\n%.600s", tc.page, tc.want, page)
			}
		})
	}
}

// asTemplate is a built-in template file b with a comment before it, which
// changes nothing it prints: the build runs such a copy as a site's own
// template, where it takes an exact copy for the built-in file.
func asTemplate(b []byte) []byte {
	return append([]byte("{{/* a copy of the built-in file, run as a template */}}"), b...)
}
