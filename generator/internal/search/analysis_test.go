package search

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"factcheck/generator/internal/site"
)

// TestAnalysisText: an analysis in its chunk is its words joined by one
// space, cut at a space near maxAnalysisBytes where there is one, and
// never inside a character.
func TestAnalysisText(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"", ""},
		{" ", ""},
		{"  two words  ", "two words"},
		{"para one.\n\npara\ttwo\r\n", "para one. para two"},
		{"no\u00a0break\u2003em space\u3000ideographic\u0085next", "no break em space ideographic next"},
		{"日本語の文章。次の文。", "日本語の文章。次の文。"},
	} {
		if got := analysisText(tc.text); got != tc.want {
			t.Errorf("analysisText(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct {
		text string
		want int // its length
	}{
		{strings.Repeat("x", maxAnalysisBytes+10), maxAnalysisBytes},              // no space: cut at the cap
		{strings.Repeat("é", maxAnalysisBytes), maxAnalysisBytes},                 // two bytes each: at a character
		{strings.Repeat("é", maxAnalysisBytes/2) + "é", maxAnalysisBytes},         // one over
		{strings.Repeat("a ", maxAnalysisBytes/2) + "tail", maxAnalysisBytes - 1}, // at the last space
		{strings.Repeat("word ", maxAnalysisBytes/5+50), maxAnalysisBytes - 4},    // at the last space
	} {
		got := analysisText(tc.text)
		if len(got) != tc.want || !utf8.ValidString(got) || strings.HasSuffix(got, " ") {
			t.Errorf("analysisText(%.20q… of %d bytes) is %d bytes, ends %q; want %d bytes, whole characters, no space at the end",
				tc.text, len(tc.text), len(got), got[max(0, len(got)-8):], tc.want)
		}
	}
}

// TestVersionNamesAnalysisFormat: the manifest's version changes with how
// analysis chunks are made, which their Keys do not name.
func TestVersionNamesAnalysisFormat(t *testing.T) {
	s, diags := site.Load(fstest.MapFS{
		"content/site.yaml": {Data: []byte("title: T\n")},
		"content/claims/c.md": {Data: []byte("---\nclaim: A claim.\nclaimant: Someone\nclaim_date: 2020-01-01\n" +
			"rating: false\nsummary: No.\npublished: 2020-01-02\n---\nThe analysis.\n")},
	}, site.Options{})
	if diags.Errors() > 0 {
		t.Fatal(diags)
	}
	manifest := func() string { return string(Index(s, Links{}, nil)[0].Data) }
	before := manifest()
	defer func(f string) { analysisFormat = f }(analysisFormat)
	analysisFormat += " and another"
	if after := manifest(); after == before {
		t.Errorf("the manifest is the same for another analysis format: %s", after)
	}
}
