package render

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"factcheck/generator/internal/site"
)

// siteIn is a one-claim site in language tag.
func siteIn(t *testing.T, tag string) *site.Site {
	t.Helper()
	s, diags := site.Load(fstest.MapFS{
		"content/site.yaml": {Data: []byte("title: T\nlanguage: " + tag + "\n")},
		"content/claims/c.md": {Data: []byte("---\nclaim: C\nclaimant: X\nclaim_date: 2024-03-01\nrating: false\n" +
			"summary: S\npublished: 2024-03-16\n---\nBody.\n")},
	}, site.Options{})
	if diags.Errors() > 0 {
		t.Fatalf("%s: %v", tag, diags)
	}
	return s
}

// TestLanguages checks that renderers made from one parse of the
// templates speak each its own site's language, in the built-in templates
// and in a site's own template that uses T, date and number, and that a
// renderer made once another has rendered says why it cannot render.
func TestLanguages(t *testing.T) {
	own := fstest.MapFS{"404.html": {Data: []byte(`{{define "main"}}<h1>{{T "Page not found"}}</h1>` +
		`<p id="own">{{T "Our newsletter"}} {{date (index .Site.Claims 0).Published}} {{number 12345}} {{T "%d claims" 2}}</p>{{end}}`)}}
	tmpl, err := LoadTemplates(os.DirFS("../../../templates"), own)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"en": {`<html lang="en" dir="ltr">`, "<h1>Page not found</h1>", "Our newsletter 16 March 2024 12,345 2 claims"},
		"es": {`<html lang="es" dir="ltr">`, "<h1>Página no encontrada</h1>", "Our newsletter 16 de marzo de 2024 12.345 2 afirmaciones", "Saltar al contenido"},
		"ar": {`<html lang="ar" dir="rtl">`, "<h1>الصفحة غير موجودة</h1>", "Our newsletter ١٦ مارس ٢٠٢٤ ١٢٬٣٤٥ ادعاءان", "تخطَّ إلى المحتوى"},
	}
	renderers := map[string]*Renderer{}
	for tag := range want {
		renderers[tag] = New(siteIn(t, tag), tmpl)
	}
	for tag, wants := range want {
		var page string
		for _, j := range renderers[tag].Jobs() {
			if j.Path == "404.html" {
				b, err := j.Render()
				if err != nil {
					t.Fatalf("%s: %v", tag, err)
				}
				page = string(b)
			}
		}
		for _, w := range wants {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the 404 page lacks %q", tag, w)
			}
		}
	}
	late := New(siteIn(t, "fr"), tmpl)
	if _, err := late.execute("404.html", late.newPage("", "")); err == nil || !strings.Contains(err.Error(), "before rendering") {
		t.Errorf("a renderer made after rendering: %v", err)
	}
}

// TestCardLanguage checks the share card's words in the site's language:
// the line under the claim and the quotation marks around it.
func TestCardLanguage(t *testing.T) {
	tmpl, err := LoadTemplates(os.DirFS("../../../templates"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		tag, by string
		quotes  [2]string
	}{
		{"en", "Claimed by X", [2]string{"“", "”"}},
		{"es", "Dicho por X", [2]string{"«", "»"}},
		{"fr", "Affirmé par X", [2]string{"«\u00a0", "\u00a0»"}},
		{"de", "Behauptet von X", [2]string{"„", "“"}},
	} {
		s := siteIn(t, tc.tag)
		c := New(s, tmpl).shareCard(s.Claims[0])
		if c.ClaimedBy != tc.by || c.Quotes != tc.quotes {
			t.Errorf("%s: card says %q within %q, want %q within %q", tc.tag, c.ClaimedBy, c.Quotes, tc.by, tc.quotes)
		}
	}
}
