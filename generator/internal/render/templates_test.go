package render

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

func builtinTemplate(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../../templates/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRatingOverride checks that a site's own "rating" template shows
// wherever a badge is: cards, claim, listing and source pages.
func TestRatingOverride(t *testing.T) {
	s := smallSynthSite(t)
	partials := builtinTemplate(t, "partials.html")
	const builtin = `{{define "rating"}}<span class="badge r-{{.ID}}" data-value="{{.Value}}"{{with .Color}} style="--rc: {{.}}; --rc-ink: {{$.Ink}}"{{end}}>{{.Label}}</span>{{end}}`
	const mine = `{{define "rating"}}<b class="my-badge">{{.Label}}</b>{{end}}`
	if !strings.Contains(partials, builtin) {
		t.Fatal("partials.html defines rating differently; update the test")
	}
	out := renderWith(t, s, fstest.MapFS{"partials.html": {Data: []byte(strings.Replace(partials, builtin, mine, 1))}})
	c := s.Claims[0]
	src := c.Sources[0]
	for _, p := range []string{claimPath(c.ID) + "index.html", "claims/index.html", sourcePath(src.ID) + "index.html"} {
		if page := out[p]; !strings.Contains(page, `<b class="my-badge">`+c.Rating.Label+"</b>") || strings.Contains(page, `class="badge `) {
			t.Errorf("%s does not use the site's rating template", p)
		}
	}
}

// TestSharedPiecesInPageFiles checks that a shared piece defined in a
// page file is used by every page, as if it were in partials.html, and
// that the blocks of a page file ("main", "head", "scripts") stay its
// own.
func TestSharedPiecesInPageFiles(t *testing.T) {
	s := smallSynthSite(t)
	c := s.Claims[0]
	out := renderWith(t, s, fstest.MapFS{
		"group.html": {Data: []byte(builtinTemplate(t, "group.html") +
			`{{define "claim-card"}}<li class="my-card">{{.Claim.Claim}}</li>{{end}}`)},
		"claim.html": {Data: []byte(builtinTemplate(t, "claim.html") +
			`{{define "site-header"}}<header class="my-header">{{if .Current "claims/"}}current{{end}}</header>{{end}}`)},
		"home.html": {Data: []byte(builtinTemplate(t, "home.html") + `{{define "head"}}<meta name="my-head">{{end}}`)},
	})
	card := `<li class="my-card">` + c.Claim + `</li>`
	for _, p := range []string{
		"index.html", "claims/index.html", topicPath(c.Topics[0].ID) + "index.html",
		claimantPath(c.Claimant.ID) + "index.html", ratingPath(c.Rating.ID) + "index.html",
	} {
		page, ok := out[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		if !strings.Contains(page, card) || strings.Contains(page, `class="claim-card"`) {
			t.Errorf("%s does not use the claim-card of the site's group.html", p)
		}
	}
	for _, p := range []string{claimPath(c.ID) + "index.html", "sources/index.html", "404.html"} {
		if !strings.Contains(out[p], `<header class="my-header"></header>`) || strings.Contains(out[p], `class="site-header"`) {
			t.Errorf("%s does not use the site-header of the site's claim.html", p)
		}
	}
	if !strings.Contains(out["claims/index.html"], `<header class="my-header">current</header>`) {
		t.Error("the site's site-header does not see the current page")
	}
	if !strings.Contains(out["index.html"], `<meta name="my-head">`) {
		t.Error("the home page does not use the head of the site's home.html")
	}
	if strings.Contains(out["claims/index.html"], `<meta name="my-head">`) {
		t.Error(`the "head" of home.html shows on other pages`)
	}
}

// TestOwnFileFirst checks the order of definitions: a page file's own
// definition wins for its pages over another page file's, which wins
// over partials.html's.
func TestOwnFileFirst(t *testing.T) {
	s := smallSynthSite(t)
	c := s.Claims[0]
	out := renderWith(t, s, fstest.MapFS{
		"partials.html": {Data: []byte(strings.Replace(builtinTemplate(t, "partials.html"), `{{define "pager"}}`, `{{define "pager"}}<p>partials pager</p>`, 1))},
		"rating.html":   {Data: []byte(builtinTemplate(t, "rating.html") + `{{define "pager"}}<p>rating pager</p>{{end}}`)},
		"claims.html":   {Data: []byte(builtinTemplate(t, "claims.html") + `{{define "pager"}}<p>claims pager</p>{{end}}`)},
	})
	for p, want := range map[string]string{
		"claims/index.html":                      "claims pager",
		ratingPath(c.Rating.ID) + "index.html":   "rating pager",
		topicPath(c.Topics[0].ID) + "index.html": "rating pager", // rating.html after claims.html
	} {
		if !strings.Contains(out[p], "<p>"+want+"</p>") {
			t.Errorf("%s: no %q", p, want)
		}
	}
	for p, page := range out {
		if strings.Contains(page, "partials pager") {
			t.Errorf("%s uses the pager of partials.html, which page files redefine", p)
		}
	}
}

// TestKeys checks that the pieces that are the same in several template
// sets are printed once for all of them, and no longer when a site
// changes them for some.
func TestKeys(t *testing.T) {
	tmpl, err := LoadTemplates(os.DirFS("../../../templates"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"claim-card", "site-header", "site-footer", "site-assets"} {
		want := tmpl.key["home.html"][name]
		if want == 0 {
			t.Fatalf("no key for %s", name)
		}
		for _, page := range pageTemplates {
			if got := tmpl.key[page][name]; got != want {
				t.Errorf("%s: %s has key %d, home.html %d", page, name, got, want)
			}
		}
	}
	// A "rating" of its own in claims.html changes what claim-card
	// prints there, which calls it.
	tmpl, err = LoadTemplates(os.DirFS("../../../templates"), fstest.MapFS{
		"claims.html": {Data: []byte(builtinTemplate(t, "claims.html") + `{{define "rating"}}x{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if tmpl.key["claims.html"]["claim-card"] != tmpl.key["home.html"]["claim-card"] {
		t.Error(`the site's "rating" in claims.html is shared, yet the sets print different cards`)
	}
	tmpl, err = LoadTemplates(os.DirFS("../../../templates"), fstest.MapFS{
		"claims.html": {Data: []byte(builtinTemplate(t, "claims.html") + `{{define "head"}}x{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if tmpl.key["claims.html"]["head"] == tmpl.key["home.html"]["head"] {
		t.Error(`claims.html's own "head" has the key of the built-in one`)
	}
}

// TestBuiltinPageFilesShareNothing checks that the built-in page files
// define only their own blocks: their pages' shared pieces are all in
// base.html and partials.html, where a template author looks for them,
// but for the one the package doc names.
func TestBuiltinPageFilesShareNothing(t *testing.T) {
	for _, name := range pageTemplates {
		text := builtinTemplate(t, name)
		for _, def := range strings.Split(text, `{{define "`)[1:] {
			block, _, _ := strings.Cut(def, `"`)
			if name == "source.html" && block == "source-provenance" {
				continue // documented in doc.go: its own block, for now
			}
			if block != "main" && block != "head" && block != "scripts" {
				t.Errorf("built-in %s defines %q, which every page would share", name, block)
			}
		}
	}
}

// TestEmptyDefinition checks that an empty definition in a page file
// replaces no other, as html/template's Parse has it.
func TestEmptyDefinition(t *testing.T) {
	s := smallSynthSite(t)
	out := renderWith(t, s, fstest.MapFS{
		"group.html": {Data: []byte(builtinTemplate(t, "group.html") + `{{define "claim-card"}}{{end}}`)},
	})
	for _, p := range []string{"claims/index.html", topicPath(s.Claims[0].Topics[0].ID) + "index.html"} {
		if !strings.Contains(out[p], `<li class="claim-card">`) {
			t.Errorf("%s has no cards", p)
		}
	}
}

func TestUnknownTemplateFile(t *testing.T) {
	_, err := LoadTemplates(os.DirFS("../../../templates"), fstest.MapFS{"claim-card.html": {Data: []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "templates/claim-card.html: no built-in template has this name") {
		t.Errorf("got %v", err)
	}
}

func smallSynthSite(t *testing.T) *site.Site {
	fsys := fstest.MapFS{}
	for name, data := range synth.Files(60, 3) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	s, diags := site.Load(fsys, site.Options{})
	if diags.Errors() > 0 {
		t.Fatalf("site has errors: %v", diags)
	}
	return s
}

// renderWith renders every file of s with the built-in templates and
// the given overrides (nil for none).
func renderWith(t *testing.T, s *site.Site, override fstest.MapFS) map[string]string {
	var o fs.FS
	if override != nil {
		o = override
	}
	tmpl, err := LoadTemplates(os.DirFS("../../../templates"), o)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, j := range Flatten(New(s, tmpl).Jobs()) {
		b, err := j.Render()
		if err != nil {
			t.Fatalf("%s: %v", j.Path, err)
		}
		out[j.Path] = string(b)
	}
	return out
}
