package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestRatingColor checks a rating's color key: #rrggbb, kept in
// lowercase; anything else is an error at its line; and Ink, the text
// colour that contrasts more with it.
func TestRatingColor(t *testing.T) {
	for _, tc := range []struct {
		color, want, err string
	}{
		{"", "", ""},
		{`"#1D7A46"`, "#1d7a46", ""},
		{`"#fff"`, "", `rating color "#fff" must be a colour written #rrggbb`},
		{"red", "", `rating color "red" must be a colour written #rrggbb`},
		{`"#12345g"`, "", `rating color "#12345g"`},
		{`"#1d7a46; x: y"`, "", `must be a colour written #rrggbb`},
	} {
		yaml := "ratings:\n  - id: good\n    label: Good\n"
		if tc.color != "" {
			yaml += "    color: " + tc.color + "\n"
		}
		yaml += "  - id: bad\n    label: Bad\n"
		s, diags := Load(fstest.MapFS{"content/site.yaml": {Data: []byte(yaml)}}, Options{})
		var lines []string
		for _, d := range diags {
			lines = append(lines, d.String())
		}
		got := strings.Join(lines, "\n")
		if tc.err == "" {
			if diags.Errors() > 0 {
				t.Errorf("color %s: %s", tc.color, got)
				continue
			}
			if c := s.Config.Ratings[0].Color; c != tc.want {
				t.Errorf("color %s: Color = %q, want %q", tc.color, c, tc.want)
			}
			continue
		}
		if !strings.Contains(got, tc.err) || !strings.Contains(got, "site.yaml:4:") {
			t.Errorf("color %s: diagnostics %q, want %q at line 4", tc.color, got, tc.err)
		}
	}

	for _, tc := range []struct{ color, ink string }{
		{"", ""},
		{"#1d7a46", "#ffffff"}, // the built-in green
		{"#b3261e", "#ffffff"},
		{"#ffd400", "#111111"}, // a light yellow takes dark text
		{"#ffffff", "#111111"},
		{"#000000", "#ffffff"},
		{"#777777", "#111111"}, // 4.48:1 on white, 4.69:1 on black
	} {
		if got := (Rating{Color: tc.color}).Ink(); got != tc.ink {
			t.Errorf("Ink of %q = %q, want %q", tc.color, got, tc.ink)
		}
	}
}
