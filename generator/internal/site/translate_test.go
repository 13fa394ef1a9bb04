package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestTranslatedClaims checks claims/ID.LANG.md: a translation of the
// claim ID into one of the site's other languages, with the same rating,
// its quotes checked against the same sources, kept out of the site's own
// listings; and the errors of a translation that cannot be one.
func TestTranslatedClaims(t *testing.T) {
	claim := func(rating, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nclaim: c\nclaimant: x\nclaim_date: 2021-01-01\nrating: " + rating +
			"\nsummary: s\npublished: 2021-01-02\n---\n" + body + "\n")}
	}
	fsys := fstest.MapFS{
		"content/site.yaml":       {Data: []byte("languages: [en, es]\n")},
		"content/sources/s.md":    {Data: []byte("---\ntitle: S\npublisher: P\n---\nThe vote was not altered.\n")},
		"content/claims/a.md":     claim("false", "> The vote was not altered.\n>\n> — [@s]"),
		"content/claims/a.es.md":  claim("false", "> The vote was not altered.\n>\n> — [@s]"),
		"content/claims/b.md":     claim("false", "Text."),
		"content/claims/b.es.md":  claim("accurate", "> The vote was altered.\n>\n> — [@s]"),
		"content/claims/c.es.md":  claim("false", "Text."),
		"content/claims/a.fr.md":  claim("false", "Text."),
		"content/claims/b.x.y.md": claim("false", "Text."),
	}
	s, diags := Load(fsys, Options{})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`content/claims/b.es.md:5:9: error: rating "accurate" differs from the rating of the claim it translates ("false" in content/claims/b.md)`,
		`content/claims/b.es.md:9:3: error: quote not found in source "s"`,
		`content/claims/c.es.md:1:1: error: c.es.md translates the claim "c", which does not exist`,
		`content/claims/a.fr.md:1:1: error: a.fr.md is a translation into "fr", which is not one of the site's languages (en, es)`,
		`content/claims/b.x.y.md:1:1: error: b.x.y.md is a translation into "x.y"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no diagnostic %s\ngot:\n%s", want, all)
		}
	}
	if len(s.Claims) != 2 || s.Claim["a"] == nil || s.Claim["b"] == nil {
		t.Fatalf("claims: %v", s.Claims)
	}
	a, es := s.Claim["a"], s.Claim["a"].Translations["es"]
	if es == nil || es.Original != a || es.Lang != "es" || es.ID != "a" {
		t.Fatalf("a's translation: %+v", es)
	}
	if n := len(s.Translated["es"]); n != 2 {
		t.Errorf("Translated[es] has %d claims, want 2 (a and b)", n)
	}
	if len(es.Sources) != 1 || len(s.Source["s"].CitedBy) != 1 {
		t.Errorf("the translation cites %d sources; the source is cited by %d claims (want 1, 1)", len(es.Sources), len(s.Source["s"].CitedBy))
	}
	if n := len(s.Source["s"].Highlights); n != 1 {
		t.Errorf("the source has %d highlights, want 1: a translation's quotes are its original's", n)
	}

	clash := fstest.MapFS{"content/site.yaml": {Data: []byte("languages: [en, es]\n")}, "content/pages/es.md": {Data: []byte("---\ntitle: Español\n---\nHola.\n")}}
	if _, diags := Load(clash, Options{}); len(diags) != 1 || !strings.HasPrefix(diags[0].String(), `content/pages/es.md:1:1: error: page id "es" is taken by the site's pages in es (/es/)`) {
		t.Errorf("a page named like a language: %v", diags)
	}

	one := fstest.MapFS{"content/claims/a.md": claim("false", "Text."), "content/claims/a.es.md": claim("false", "Text.")}
	_, diags = Load(one, Options{})
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "the site has one language; list its languages in site.yaml (languages: [en, es])") {
		t.Errorf("one language: %v", diags)
	}
}

func TestLanguagesConfig(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"languages: [es, en]\n", ""},
		{"language: es\nlanguages: [es, en]\n", ""},
		{"language: en\nlanguages: [es, en]\n", `content/site.yaml:1:11: error: language "en" is not the first of languages (es, en)`},
		{"languages: [es, es]\n", `content/site.yaml:1:12: error: languages lists "es" twice`},
		{"languages: [es, not a tag]\n", `content/site.yaml:1:12: error: language "not a tag" is not a language tag`},
		{"languages: [es, en]\ntranslations:\n  en:\n    \"%d claims\": {one: \"%d claim\"}\n", `content/site.yaml:3:3: error: translation of "%d claims": plural forms need "other"`},
	} {
		s, diags := Load(fstest.MapFS{"content/site.yaml": {Data: []byte(tc.yaml)}}, Options{})
		if tc.want == "" {
			if len(diags) > 0 {
				t.Errorf("%q: %v", tc.yaml, diags)
			}
			if s.Config.Language != "es" || len(s.Config.Languages) != 2 || s.Config.Locales["en"] == nil || s.Config.Locales["es"] != s.Config.Locale {
				t.Errorf("%q: language %s, languages %v, locales %v", tc.yaml, s.Config.Language, s.Config.Languages, s.Config.Locales)
			}
			continue
		}
		if len(diags) == 0 || !strings.HasPrefix(diags[0].String(), tc.want) {
			t.Errorf("%q: %v, want %s", tc.yaml, diags, tc.want)
		}
	}
}

// TestInLanguage checks the site as a language's pages show it: the
// translations into that language, linked among themselves, grouped by
// their own topics, citing copies of the sources, and the site's words
// from translations under the language's tag.
func TestInLanguage(t *testing.T) {
	claim := func(topic, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nclaim: c\nclaimant: x\nclaim_date: 2021-01-01\nrating: \"false\"\nsummary: s\npublished: 2021-01-02\ntopics: [" + topic + "]\n---\n" + body + "\n")}
	}
	fsys := fstest.MapFS{
		"content/site.yaml":      {Data: []byte("title: Checks\nlanguages: [en, es]\ntranslations:\n  Checks: Own English\n  es:\n    Checks: Verificaciones\n    \"False\": Falso\n")},
		"content/sources/s.md":   {Data: []byte("---\ntitle: S\npublisher: P\n---\nThe vote was not altered.\n")},
		"content/claims/a.md":    claim("Votes", "[[b]] [[c]] [@s]"),
		"content/claims/a.es.md": claim("Votos", "[[b]] [[c]] [@s]"),
		"content/claims/b.md":    claim("Votes", "[@s]"),
		"content/claims/b.es.md": claim("Votos", "[@s]"),
		"content/claims/c.md":    claim("Votes", "[@s]"),
	}
	s, diags := Load(fsys, Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if s.InLanguage("en") != s || s.InLanguage("fr") != s {
		t.Error("the site's own language, or one it does not have, is not the site itself")
	}
	es := s.InLanguage("es")
	if es.Config.Language != "es" || es.Config.Title != "Verificaciones" || es.Config.Locale != s.Config.Locales["es"] || s.Config.Title != "Checks" {
		t.Errorf("config: %s %q (the site's %q)", es.Config.Language, es.Config.Title, s.Config.Title)
	}
	if len(es.Claims) != 2 || es.Claim["a"] == nil || es.Claim["c"] != nil {
		t.Fatalf("claims %v", es.Claims)
	}
	a, b := es.Claim["a"], es.Claim["b"]
	if a.Lang != "es" || a.Original != s.Claim["a"] || a.Rating.Label != "Falso" || s.Claim["a"].Rating.Label != "False" {
		t.Errorf("a: lang %q, original %p, rating %q", a.Lang, a.Original, a.Rating.Label)
	}
	if len(a.Links) != 1 || a.Links[0] != b || len(b.LinkedFrom) != 1 || b.LinkedFrom[0] != a {
		t.Errorf("links %v, b linked from %v: want a → b only (c has no translation)", a.Links, b.LinkedFrom)
	}
	if src := es.Source["s"]; src == s.Source["s"] || len(src.CitedBy) != 2 || len(s.Source["s"].CitedBy) != 3 || a.Sources[0] != src {
		t.Errorf("the source in Spanish is cited by %d claims, want 2; the site's by %d, want 3", len(src.CitedBy), len(s.Source["s"].CitedBy))
	}
	if len(es.Topics) != 1 || es.Topics[0].Name.Name != "Votos" || len(es.Topics[0].Claims) != 2 || len(es.ByRating["false"]) != 2 {
		t.Errorf("topics %v, by rating %v", es.Topics, es.ByRating)
	}
	if len(s.Claim["b"].LinkedFrom) != 1 || s.Claim["b"].LinkedFrom[0] != s.Claim["a"] {
		t.Errorf("the site's own claims changed: b linked from %v", s.Claim["b"].LinkedFrom)
	}
}

// TestTranslatedPages checks pages/ID.LANG.md: a translation of the free
// page ID, with its own menu place or else its original's, its quotes
// checked; the site's view in the language (InLanguage) has it in place
// of the original, and keeps the pages without one.
func TestTranslatedPages(t *testing.T) {
	page := func(front, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + front + "---\n" + body + "\n")}
	}
	fsys := fstest.MapFS{
		"content/site.yaml":               {Data: []byte("languages: [en, es, fr]\n")},
		"content/sources/s.md":            {Data: []byte("---\ntitle: S\npublisher: P\n---\nThe vote was not altered.\n")},
		"content/claims/a.md":             {Data: []byte("---\nclaim: c\nclaimant: x\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-01-02\n---\nSee [@s].\n")},
		"content/pages/about.md":          page("title: About\nmenu: 1\n", "> The vote was not altered.\n>\n> — [@s]"),
		"content/pages/about.es.md":       page("title: Acerca de\n", "> The vote was not altered.\n>\n> — [@s]"),
		"content/pages/method.md":         page("title: Method\nmenu: 2\n", "Text."),
		"content/pages/method.es.md":      page("title: Método\nmenu: 4\n", "Text."),
		"content/pages/policy.md":         page("title: Policy\nmenu: 3\n", "Text."),
		"content/pages/sub/policy.fr.md":  page("title: Politique\n", "Text."),
		"content/pages/sub2/policy.fr.md": page("title: Politique\n", "Text."),
	}
	s, diags := Load(fsys, Options{})
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), `content/pages/sub2/policy.fr.md:1:1: error: page "policy" has two fr translations: content/pages/sub/policy.fr.md and content/pages/sub2/policy.fr.md`) {
		t.Errorf("diagnostics: %v", diags)
	}
	if len(s.Pages) != 3 || s.Page["about"].Lang != "" {
		t.Fatalf("the site's own pages: %v", s.Pages)
	}
	about, es := s.Page["about"], s.Page["about"].Translations["es"]
	if es == nil || es.Original != about || es.Lang != "es" || es.ID != "about" || es.Menu != 1 {
		t.Fatalf("about's translation: %+v", es)
	}
	if n := len(s.Source["s"].Highlights); n != 1 {
		t.Errorf("the source has %d highlights, want 1: the source page marks the original's quotes", n)
	}
	var got []string
	for _, p := range s.InLanguage("es").Pages {
		got = append(got, p.Lang+":"+p.Title)
	}
	// Método takes its own place (4), after Policy's (3); Acerca de its
	// original's (1).
	if want := []string{"es:Acerca de", ":Policy", "es:Método"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("the Spanish pages: %v, want %v", got, want)
	}
	if v := s.InLanguage("es"); v.Page["about"] != es || v.Page["policy"] != s.Page["policy"] {
		t.Errorf("the Spanish view's pages by id: %v", v.Page)
	}

	// Bad translations, each alone: the error and its position.
	for _, tc := range []struct{ name, file, want string }{
		{"no original", "content/pages/contact.es.md", `content/pages/contact.es.md:1:1: error: contact.es.md translates the page "contact", which does not exist (no pages/contact.md)`},
		{"not a language of the site", "content/pages/about.de.md", `content/pages/about.de.md:1:1: error: about.de.md is a translation into "de", which is not one of the site's languages (en, es)`},
		{"the site's own language", "content/pages/about.en.md", `content/pages/about.en.md:1:1: error: about.en.md is a translation into "en", the site's own language: name the file about.md`},
		{"two dots", "content/pages/about.es.x.md", `content/pages/about.es.x.md:1:1: error: about.es.x.md is a translation into "es.x"`},
		{"a misquote", "content/pages/about.es.md", `content/pages/about.es.md:6:3: error: quote not found in source "s"`},
	} {
		fsys := fstest.MapFS{
			"content/site.yaml":      {Data: []byte("languages: [en, es]\n")},
			"content/sources/s.md":   {Data: []byte("---\ntitle: S\npublisher: P\n---\nThe vote was not altered.\n")},
			"content/claims/a.md":    {Data: []byte("---\nclaim: c\nclaimant: x\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-01-02\n---\nSee [@s].\n")},
			"content/pages/about.md": page("title: About\n", "Text."),
			tc.file:                  page("title: T\n", "Text.\n\n> The vote was altered.\n>\n> — [@s]"),
		}
		_, diags := Load(fsys, Options{})
		if len(diags) == 0 || !strings.HasPrefix(diags[0].String(), tc.want) {
			t.Errorf("%s: %v\nwant %s", tc.name, diags, tc.want)
		}
	}
}
