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

// TestLegacyTemplates renders a site with the built-in templates and again
// with testdata/legacy as the site's own templates: base.html,
// partials.html, claim.html and source.html as they were before pages used
// precomputed markup (ClaimView.QuoteItems, Page.Cards …). Overrides
// written against the fields they use must keep working, and the pages
// must come out the same.
func TestLegacyTemplates(t *testing.T) {
	s := smallSynthSite(t)
	builtin := renderWith(t, s, nil)
	legacy := renderWith(t, s, readDir(t, "testdata/legacy"))
	for p, want := range builtin {
		if got, ok := legacy[p]; !ok {
			t.Errorf("%s: missing with the legacy templates", p)
		} else if got != want {
			t.Errorf("%s differs with the legacy templates:\n%s", p, firstDiff(got, want))
		}
	}
	if len(legacy) != len(builtin) {
		t.Errorf("%d files with the legacy templates, %d with the built-in ones", len(legacy), len(builtin))
	}
}

// TestRatingOverride checks that a site's own "rating" template shows
// wherever a badge is, though badges are rendered once per build.
func TestRatingOverride(t *testing.T) {
	s := smallSynthSite(t)
	partials, err := os.ReadFile("../../../templates/partials.html")
	if err != nil {
		t.Fatal(err)
	}
	const builtin = `{{define "rating"}}<span class="badge r-{{.ID}}" data-value="{{.Value}}">{{.Label}}</span>{{end}}`
	const mine = `{{define "rating"}}<b class="my-badge">{{.Label}}</b>{{end}}`
	if !strings.Contains(string(partials), builtin) {
		t.Fatal("partials.html defines rating differently; update the test")
	}
	out := renderWith(t, s, fstest.MapFS{"partials.html": {Data: []byte(strings.Replace(string(partials), builtin, mine, 1))}})
	c := s.Claims[0]
	src := c.Sources[0]
	for _, p := range []string{claimPath(c.ID) + "index.html", "claims/index.html", sourcePath(src.ID) + "index.html"} {
		if page := out[p]; !strings.Contains(page, `<b class="my-badge">`+c.Rating.Label+"</b>") || strings.Contains(page, `class="badge `) {
			t.Errorf("%s does not use the site's rating template", p)
		}
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

func readDir(t *testing.T, dir string) fstest.MapFS {
	fsys := fstest.MapFS{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	return fsys
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

// firstDiff shows where two texts start to differ.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + got[from:min(len(got), i+80)] + "\nwant: …" + want[from:min(len(want), i+80)]
}
