package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestShortLength checks that a short form of 75 characters or more is a
// warning at its line, and one under 75 is not.
func TestShortLength(t *testing.T) {
	claim := func(short string) string {
		return "---\nclaim: c\nshort: " + short + "\nclaimant: x\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-01-02\n---\nText.\n"
	}
	for _, tc := range []struct {
		short string
		warn  bool
	}{
		{strings.Repeat("é", 74), false},
		{strings.Repeat("é", 75), true},
	} {
		_, diags := Load(fstest.MapFS{"content/claims/c.md": {Data: []byte(claim(tc.short))}}, Options{})
		got := false
		for _, d := range diags {
			if strings.HasPrefix(d.String(), "content/claims/c.md:3:8: warning: short is 75 characters") {
				got = true
			} else {
				t.Errorf("unexpected: %v", d)
			}
		}
		if got != tc.warn {
			t.Errorf("%d characters: warning %v, want %v", len([]rune(tc.short)), got, tc.warn)
		}
	}
}
