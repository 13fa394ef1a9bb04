package site

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCardFonts checks site.yaml's card_fonts: font files inside the
// site, each an error at the key when it cannot be one.
func TestCardFonts(t *testing.T) {
	font, err := os.ReadFile("../card/testdata/snowman.ttf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"card_fonts: [fonts/snowman.ttf]\n", ""},
		{"card_fonts: [fonts/missing.ttf]\n", "content/site.yaml:1:13: error: card_fonts: cannot read fonts/missing.ttf"},
		{"card_fonts: [../etc/passwd]\n", `content/site.yaml:1:13: error: card_fonts: "../etc/passwd" is not a path inside the site`},
		{"card_fonts: [/etc/passwd]\n", `content/site.yaml:1:13: error: card_fonts: "/etc/passwd" is not a path inside the site`},
		{"card_fonts: [content/site.yaml]\n", "content/site.yaml:1:13: error: card_fonts: content/site.yaml is not a TrueType or OpenType font"},
		{"card_fonts: [fonts]\n", "content/site.yaml:1:13: error: card_fonts: fonts is not a regular file"},
	} {
		fsys := fstest.MapFS{
			"content/site.yaml": {Data: []byte(tc.yaml)},
			"fonts/snowman.ttf": {Data: font},
		}
		s, diags := Load(fsys, Options{})
		if tc.want == "" {
			if len(diags) > 0 || s.Config.CardFonts == nil {
				t.Errorf("%q: %v, fonts %v", tc.yaml, diags, s.Config.CardFonts)
			}
			continue
		}
		if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tc.want) {
			t.Errorf("%q: %v, want %s", tc.yaml, diags, tc.want)
		}
	}
}
