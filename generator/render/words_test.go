package render

import (
	"maps"
	"slices"
	"testing"

	"factcheck/generator/markdown"
)

// termSet is the set of index terms of s.
func termSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range tokens(s) {
		set[w] = true
	}
	return set
}

// The index reads a claim's body from Doc.Words, its distinct words, and
// must find in them the terms it would find in the whole plain text.
var wordsCases = []string{
	"The report found no indications. The report, again: no indications!",
	"Iran's covert influence-campaign, 2020! Iran's covert",
	"a\u00a0b a b a\u2002b", // no-break and en spaces
	"x\u00a8y x \u0308y",    // NFKD makes ¨ a space and a combining mark
	"東京都 election 東京 都",
	"e\u0301te\u0301 ete \u0301e",
	"ﬁnance ｆｕｌｌ finance full",
	"> quoted *words* and **more** words\n>\n> — [@src]\n\nthen `code` and words",
	"- list item\n- list item\n\n| a | b |\n|---|---|\n| a | b |",
}

func TestWordsKeepTerms(t *testing.T) {
	p := markdown.NewParser(false)
	for _, in := range wordsCases {
		doc := p.Parse([]byte(in))
		plain := markdown.PlainText(doc.Root, doc.Source)
		words := doc.Words()
		if got, want := termSet(words), termSet(plain); !maps.Equal(got, want) {
			t.Errorf("%q: terms of the words %v, of the plain text %v", in, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
		if len(words) > len(plain) {
			t.Errorf("%q: words %q longer than the plain text %q", in, words, plain)
		}
	}
}

func FuzzWordsKeepTerms(f *testing.F) {
	for _, in := range wordsCases {
		f.Add(in)
	}
	p := markdown.NewParser(false)
	f.Fuzz(func(t *testing.T, in string) {
		doc := p.Parse([]byte(in))
		plain := markdown.PlainText(doc.Root, doc.Source)
		if got, want := termSet(doc.Words()), termSet(plain); !maps.Equal(got, want) {
			t.Errorf("%q: terms of the words %v, of the plain text %v", in, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
	})
}
