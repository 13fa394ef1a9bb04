package search

import (
	"strings"
	"testing"
)

// analysisTextFields is what analysisText stands for: the words of text
// joined by one space, then capped.
func analysisTextFields(text string) string {
	return capAnalysis(strings.Join(strings.Fields(text), " "))
}

var analysisCases = []string{
	"",
	" ",
	"one",
	"  two words  ",
	"para one.\n\npara\ttwo\r\n",
	"no\u00a0break\u2003em space\u3000ideographic\u0085next",
	"bad \xff utf8 \xe2\x80",
	"日本語の文章。次の文。",
	strings.Repeat("word ", maxAnalysisBytes/5+50),
	strings.Repeat("x", maxAnalysisBytes+10),
	strings.Repeat("é", maxAnalysisBytes),
	strings.Repeat("a ", maxAnalysisBytes/2) + "tail",
	strings.Repeat(" ", maxAnalysisBytes+5) + "late words",
	strings.Repeat("ab\n\n", maxAnalysisBytes/3),
}

// TestAnalysisText: analysisText gives what the words of the text joined
// by one space give, cut the same way.
func TestAnalysisText(t *testing.T) {
	for _, text := range analysisCases {
		if got, want := analysisText(text), analysisTextFields(text); got != want {
			t.Errorf("analysisText(%.40q…) = %.40q… (%d bytes), want %.40q… (%d bytes)", text, got, len(got), want, len(want))
		}
	}
}

func FuzzAnalysisText(f *testing.F) {
	for _, text := range analysisCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := analysisText(text), analysisTextFields(text); got != want {
			t.Errorf("analysisText(%q) = %q, want %q", text, got, want)
		}
	})
}
