package quote

import (
	"strings"
	"testing"
)

// TestInputsMadeToBeSlow runs quotes made to be slow against large
// sources. Each took tens of seconds, or a gigabyte, before the work was
// bounded; each now takes a fraction of a second.
func TestInputsMadeToBeSlow(t *testing.T) {
	// 2 MB of short paragraphs.
	var b strings.Builder
	for b.Len() < 2<<20 {
		b.WriteString("a b c.\n\n")
	}
	paras := NewSource(b.String())
	// The part after the gap is in no paragraph: each occurrence of "a"
	// looked for it to the end of the text.
	if _, ok := paras.Match("a ... zzqqxx", nil); ok {
		t.Error(`"a ... zzqqxx" found`)
	}

	// 2 MB of words, and a misquote with 600 insertions.
	b.Reset()
	for i := 0; b.Len() < 2<<20; i++ {
		b.WriteString("the quick brown fox jumps over the lazy dog ")
	}
	words := NewSource(b.String())
	q := strings.Repeat("quick [x] ", 600) + "zzqqxx"
	if m, ok := words.Match(q, nil); ok || len(m.Findings) != 1 || !strings.Contains(m.Findings[0].Message, "600 gaps and brackets") {
		t.Errorf("misquote with 600 insertions: ok %v, findings %v", ok, m.Findings)
	}
	// As many brackets as are checked, each of which can stand for the
	// words between two "quick": every occurrence is resolved and judged.
	if m, ok := words.Match(strings.Repeat("quick [x] ", maxEdits)+"dog", nil); !ok || len(m.Findings) != maxEdits {
		t.Errorf("%d brackets for other words: ok %v, %d findings", maxEdits, ok, len(m.Findings))
	}
	if at, _ := words.Closest(q); at.Start == at.End {
		t.Error("no closest passage for the misquote with 600 insertions")
	}
	q = strings.Repeat("quick ... ", 600) + "zzqqxx"
	if at, _ := words.Closest(q); at.Start == at.End {
		t.Error("no closest passage for the misquote with 600 gaps")
	}

	// One paragraph of 2 MB: what gaps leave out is judged by its ends.
	long := NewSource("We saw " + strings.Repeat("many long words here ", 100000) + "end. Then more.")
	for _, q := range []string{"We ... end.", "... end", "We saw ...", "[They] saw ... end", strings.Repeat("words ... ", 50) + "end"} {
		if _, ok := long.Match(q, nil); !ok {
			t.Errorf("%.20q not found in the long paragraph", q)
		}
	}
}
