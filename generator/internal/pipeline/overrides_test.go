package pipeline

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"factcheck"

	"golang.org/x/tools/txtar"
)

// TestOverrides builds testdata/sites/basic.txtar with one template file
// of its own and checks that the pages named use the site's definition:
// a site's definition of any template, in whichever of its files, is the
// one its pages use (see the render package's documentation). The
// shared pieces defined in a page file (a claim-card in group.html, a
// site-header in claim.html) are used by every page.
func TestOverrides(t *testing.T) {
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
	const claim = "claims/spending-fell/index.html"
	listings := []string{"index.html", "claims/index.html", "topics/budget/index.html", "claimants/jane-roe/index.html", "ratings/mostly-accurate/index.html"}
	everyKind := []string{"index.html", claim, "claims/index.html", "sources/budget-2023/index.html", "sources/index.html", "topics/budget/index.html", "ratings/index.html", "corrections/index.html", "search/index.html", "method/index.html", "404.html"}
	for _, tc := range []struct {
		name, file, text string
		pages            []string
		want             string
		// notOn are pages that must not use it.
		notOn []string
	}{
		// Shared pieces defined in a page file.
		{"card in group.html", "group.html", builtin("group.html") + `{{define "claim-card"}}<li class="my-card">{{.Claim.Claim}}</li>{{end}}`,
			listings, `<li class="my-card">Spending fell by half</li>`, nil},
		{"header in claim.html", "claim.html", builtin("claim.html") + `{{define "site-header"}}<header data-custom>{{.Site.Config.Title}}</header>{{end}}`,
			everyKind, "<header data-custom>Basic Checks</header>", nil},
		{"card in home.html", "home.html", builtin("home.html") + `{{define "claim-card"}}<li>CUSTOM CARD</li>{{end}}`,
			listings, "<li>CUSTOM CARD</li>", nil},
		{"layout in claims.html", "claims.html", builtin("claims.html") + `{{define "base.html"}}<html data-custom>{{block "main" .}}{{end}}</html>{{end}}`,
			everyKind, "<html data-custom>", nil},
		// Shared pieces in partials.html and base.html.
		{"card in partials.html", "partials.html", strings.Replace(builtin("partials.html"), `<li class="claim-card">`, `<li class="claim-card custom">`, 1),
			listings, `<li class="claim-card custom">`, nil},
		{"layout in partials.html", "partials.html", builtin("partials.html") + `{{define "base.html"}}<html data-custom>{{block "main" .}}{{end}}</html>{{end}}`,
			everyKind, "<html data-custom>", nil},
		{"layout in base.html", "base.html", strings.Replace(builtin("base.html"), `<a class="skip"`, `<a class="skip custom"`, 1),
			everyKind, `<a class="skip custom"`, nil},
		{"claim list in partials.html", "partials.html", strings.Replace(builtin("partials.html"), `<ol class="claim-list">`, `<ol class="claim-list custom">`, 1),
			listings, `<ol class="claim-list custom">`, nil},
		{"pager in partials.html", "partials.html", strings.Replace(builtin("partials.html"), `{{define "pager"}}`, `{{define "pager"}}<b data-custom-pager></b>`, 1),
			listings[1:], `<b data-custom-pager></b>`, nil},
		{"footer in partials.html", "partials.html", strings.Replace(builtin("partials.html"), `{{define "site-footer"}}`, `{{define "site-footer"}}<p>custom</p>`, 1),
			everyKind, "<p>custom</p>", nil},
		// A block that claim.html leaves to base.html, defined for every page.
		{"scripts in partials.html", "partials.html", builtin("partials.html") + `{{define "scripts"}}{{with .Claim}}<p data-custom>{{.Rating.Label}}</p>{{end}}{{end}}`,
			[]string{claim}, `<p data-custom>Mostly accurate</p>`, nil},
		// The blocks of a page file are its pages' own.
		{"claim main", "claim.html", strings.Replace(builtin("claim.html"), `<h2 id="analysis">`, `<h2 class="custom" id="analysis">`, 1),
			[]string{claim}, `<h2 class="custom" id="analysis">`, nil},
		{"claim head", "claim.html", strings.Replace(builtin("claim.html"), `<script type="application/ld+json">`, `<script data-custom type="application/ld+json">`, 1),
			[]string{claim}, `<script data-custom type="application/ld+json">`, nil},
		{"listing main", "group.html", strings.Replace(builtin("group.html"), `<p class="kicker">`, `<p class="kicker custom">`, 1),
			[]string{"topics/budget/index.html", "claimants/jane-roe/index.html"}, `<p class="kicker custom">`, nil},
		{"source main", "source.html", strings.Replace(builtin("source.html"), `<h2 id="stored-text">`, `<h2 class="custom" id="stored-text">`, 1),
			[]string{"sources/budget-2023/index.html"}, `<h2 class="custom" id="stored-text">`, nil},
		{"claims head", "claims.html", builtin("claims.html") + `{{define "head"}}<meta name="x" content="y">{{end}}`,
			[]string{"claims/index.html"}, `<meta name="x" content="y">`, []string{"index.html", claim, "topics/budget/index.html"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			aa := &txtar.Archive{Files: append(slices.Clone(a.Files), txtar.File{Name: "templates/" + tc.file, Data: []byte(tc.text)})}
			res, _, err := Memory(Options{Src: extract(t, aa)})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tc.pages {
				page, ok := res.Files[p]
				if !ok {
					t.Fatalf("no %s", p)
				}
				if !strings.Contains(string(page), tc.want) {
					t.Errorf("%s does not use the site's template: no %q in\n%.600s", p, tc.want, page)
				}
			}
			for _, p := range tc.notOn {
				if strings.Contains(string(res.Files[p]), tc.want) {
					t.Errorf("%s uses what only other pages should", p)
				}
			}
		})
	}
}
