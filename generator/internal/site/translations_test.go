package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestTranslations checks site.yaml's language and translations: the
// site's texts replace the built-in ones, and a bad language tag or
// plural form is an error at its line.
func TestTranslations(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		check      func(t *testing.T, c Config)
		diag       string
	}{
		{
			name: "spanish",
			yaml: "language: es-419\n",
			check: func(t *testing.T, c Config) {
				if got := c.Locale.String("Published %s", "hoy"); got != "Publicado el hoy" {
					t.Errorf("got %q", got)
				}
			},
		},
		{
			name: "own texts",
			yaml: "language: en\ntranslations:\n  \"Published %s\": \"First published %s\"\n  \"%d fact-checks\":\n    one: \"%d check\"\n    other: \"%d checks\"\n",
			check: func(t *testing.T, c Config) {
				if got := c.Locale.String("Published %s", "today"); got != "First published today" {
					t.Errorf("got %q", got)
				}
				if got := c.Locale.String("%d fact-checks", 1); got != "1 check" {
					t.Errorf("got %q", got)
				}
			},
		},
		{name: "bad tag", yaml: "title: T\nlanguage: Spanish please\n", diag: `content/site.yaml:2:11: error: language "Spanish please" is not a language tag`},
		{name: "no other", yaml: "translations:\n  \"%d claims\":\n    one: \"%d claim\"\n", diag: `content/site.yaml:2:3: error: translation of "%d claims": plural forms need "other"`},
		{name: "a language not published", yaml: "language: ar\ntranslations:\n  es:\n    Accurate: Exacta\n", diag: `content/site.yaml:3:3: error: translations: "es" maps "Accurate", which is no plural form (zero, one, two, few, many, other); a language's texts go under its tag, and the tag must be one of languages after the first`},
		{name: "not a map", yaml: "translations: [a, b]\n", diag: `content/site.yaml:1:15: error: translations must map`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"content/site.yaml": {Data: []byte(tc.yaml)}}
			s, diags := Load(fsys, Options{})
			if tc.diag == "" {
				if len(diags) > 0 {
					t.Fatalf("diagnostics: %v", diags)
				}
				tc.check(t, s.Config)
				return
			}
			for _, d := range diags {
				if strings.HasPrefix(d.String(), tc.diag) {
					return
				}
			}
			t.Errorf("diagnostics %v, want one starting %s", diags, tc.diag)
		})
	}
}
