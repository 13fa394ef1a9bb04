package quote

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  plain  text \n", "plain text"},
		{"it’s ‘so’", "it's 'so'"},
		{"‚low‛ ʼn ‹a› ′", "'low' 'n 'a' '"},
		{"“a” „b‟ «c» 5″", `"a" "b" "c" 5"`},
		{"a‐b‑c‒d–e—f―g−h", "a-b-c-d-e-f-g-h"},
		{"two -- hyphens", "two -- hyphens"},
		{"wait… what", "wait... what"},
		{"a\u00a0b\u2009c\u3000d\te\r\nf", "a b c d e f"},
		{"para one.\n\n\npara two.", "para one. para two."},
		{"zero\u200bwidth soft\u00adhyphen \ufeffbom", "zerowidth softhyphen bom"},
		{"a \u200b b", "a b"},
		{"cafe\u0301", "café"},
		{"\xffbad", "\ufffdbad"},
		{`"quoted"`, `"quoted"`},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	long40 := strings.Repeat("x", 40)
	tests := []struct {
		name, source, quote string
		want                []string // the source text of each span; nil: no match
	}{
		// Typography
		{"curly quotes in source", "He said “no indications” today.", `said "no indications" today`, []string{"said “no indications” today"}},
		{"curly quotes in quote", `He said "no indications" today.`, "said “no indications” today", []string{`said "no indications" today`}},
		{"curly apostrophe in quote", "it's fine", "it’s fine", []string{"it's fine"}},
		{"curly apostrophe in source", "it’s fine", "it's fine", []string{"it’s fine"}},
		{"modifier apostrophe", "itʼs fine", "it's", []string{"itʼs"}},
		{"en dash", "the 2020–2021 term", "2020-2021 term", []string{"2020–2021 term"}},
		{"em dash", "yes—no", "yes-no", []string{"yes—no"}},
		{"em dash in quote", "yes-no", "yes—no", []string{"yes-no"}},
		{"minus sign", "−5 degrees", "-5 degrees", []string{"−5 degrees"}},
		{"two hyphens are not an em dash", "yes—no", "yes--no", nil},
		{"em dash is not two hyphens", "yes--no", "yes—no", nil},
		{"no-break space", "10\u00a0000 people", "10 000 people", []string{"10\u00a0000 people"}},
		{"line break", "the voting\nprocess", "the voting process", []string{"the voting\nprocess"}},
		{"white space in quote", "the voting process", " the  voting\t\nprocess ", []string{"the voting process"}},
		{"thin spaces and tabs", "a\u2009\tb", "a b", []string{"a\u2009\tb"}},
		{"zero-width space", "vote\u200b tabulation", "vote tabulation", []string{"vote\u200b tabulation"}},
		{"ellipsis character", "wait… what", "wait… what", []string{"wait", "what"}},
		{"across a paragraph break", "end of one.\n\nStart of two.", "one. Start", []string{"one.\n\nStart"}},
		{"text that had emphasis", "this is very important", "is very important", []string{"is very important"}},

		// Exactness
		{"case change", "We have no indications", "we have no", nil},
		{"changed word", "We have no indications", "We have few indications", nil},
		{"added word", "We have no indications", "We have no clear indications", nil},
		{"first occurrence", "foo bar. foo bar.", "foo bar", []string{"foo bar"}},
		{"substring of a word", "the voting process", "voting pro", []string{"voting pro"}},

		// Surrounding quotation marks
		{"straight quotes around", "We have no indications that", `"no indications"`, []string{"no indications"}},
		{"curly quotes around", "We have no indications that", "“no indications”", []string{"no indications"}},
		{"guillemets around", "We have no indications that", "« no indications »", []string{"no indications"}},
		{"single quotes around", "We have no indications that", "'no indications'", []string{"no indications"}},
		{"single quotes around an apostrophe", "I said I don't know.", "'I don't know'", []string{"I don't know"}},
		{"quotes kept when in source", `He said "yes" and "no".`, `"yes" and "no"`, []string{`"yes" and "no"`}},
		{"only one quotation mark", "We have no indications that", `"no indications`, nil},

		// Empty quotes
		{"empty", "text", "", nil},
		{"white space", "text", " \n\t", nil},
		{"empty quotation marks", "text", `“”`, nil},
		{"only an ellipsis", "text", "…", nil},
		{"only an insertion", "text", "[sic]", nil},

		// Gaps
		{"gap", "We did not see it. Other words. Then it ended.", "did not see … it ended", []string{"did not see", "it ended"}},
		{"gap with dots", "We did not see it. Other words. Then it ended.", "did not see...it ended", []string{"did not see", "it ended"}},
		{"gap in brackets", "We did not see it. Other words. Then it ended.", "did not see [...] it ended", []string{"did not see", "it ended"}},
		{"gap of four dots", "We did not see it. Then it ended.", "see it.... Then", []string{"see it", "Then"}},
		{"two gaps", "a b c d e f", "a … c … f", []string{"a", "c", "f"}},
		{"gap out of order", "We did not see it. Then it ended.", "it ended … did not see", nil},
		{"gap across paragraphs", "We did not see it.\n\nThen it ended.", "did not see … it ended", nil},
		{"gap across paragraphs with CRLF", "We did not see it.\r\n \r\nThen it ended.", "did not see … it ended", nil},
		{"gap in the later paragraph", "it ended. did not\n\ndid not see it ended", "did not … ended", []string{"did not", "ended"}},
		{"gap within a paragraph of lines", "We did not see it.\nThen it ended.", "did not see … it ended", []string{"did not see", "it ended"}},
		{"leading gap", "in the voting process", "… the voting process", []string{"the voting process"}},
		{"trailing gap", "in the voting process", "in the voting...", []string{"in the voting"}},
		{"gap keeps the earliest end", "a x b a y b", "a … b", []string{"a", "b"}},

		// Insertions
		{"insertion for a word", "we did not see persistent", "[Russia] did not see persistent", []string{"did not see persistent"}},
		{"insertion for nothing", "the election", "the [2020] election", []string{"the election"}},
		{"insertion for some words", "the 2020 US election", "the [2020] election", []string{"the 2020 US election"}},
		{"insertion for 40 characters", "the " + long40 + " election", "the [2020] election", []string{"the " + long40 + " election"}},
		{"insertion for 41 characters", "the " + long40 + "x election", "the [2020] election", nil},
		{"two insertions", "he and she went", "he [x] [y] went", []string{"he and she went"}},
		{"insertion needs its spaces", "theXelection", "the [2020] election", nil},
		{"insertion inside a word", "it makes sense", "make[s] sense", []string{"makes sense"}},
		{"insertion inside a word for nothing", "it make sense", "make[s] sense", []string{"make sense"}},
		{"trailing insertion", "it was so", "it was [sic]", []string{"it was"}},
		{"insertion and gap", "we did not see it at all. The end came.", "[Russia] did not see … [the] end", []string{"did not see", "end"}},
		{"insertion tries later matches", "a b c x c d", "a [..] c d", []string{"a b c x c d"}},
		{"insertion counts characters, not bytes", "the " + strings.Repeat("é", 40) + " end", "the [x] end", []string{"the " + strings.Repeat("é", 40) + " end"}},
		{"brackets in the source", "as shown [1] here", "shown [1] here", []string{"shown [1] here"}},
		{"unclosed bracket", "a [b c", "a [b", []string{"a [b"}},

		// Words copied as they are
		{"long brackets copied", "see [" + long40 + "x] here", "see [" + long40 + "x] here", []string{"see [" + long40 + "x] here"}},
		{"dots copied across paragraphs", "so...\n\nthen", "so... then", []string{"so...\n\nthen"}},

		// Multi-byte characters
		{"multi-byte", "Ça coûte 5 € — “très cher”.", `coûte 5 € - "très cher"`, []string{"coûte 5 € — “très cher”"}},
		{"decomposed in source", "un cafe\u0301 au lait", "café au", []string{"cafe\u0301 au"}},
		{"decomposed in quote", "un café au lait", "cafe\u0301 au", []string{"café au"}},
		{"starts with a decomposed letter", "un e\u0301te\u0301 chaud", "été", []string{"e\u0301te\u0301"}},
		{"CJK", "我们没有迹象表明", "没有迹象", []string{"没有迹象"}},
		{"invalid UTF-8", "a \xff b", "\xff b", []string{"\xff b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans, ok := NewSource(tt.source).Find(tt.quote)
			if ok != (tt.want != nil) {
				t.Fatalf("Find(%q) in %q: ok = %v, spans %v", tt.quote, tt.source, ok, spans)
			}
			var got []string
			for _, sp := range spans {
				got = append(got, tt.source[sp.Start:sp.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) in %q = %q, want %q", tt.quote, tt.source, got, tt.want)
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	text := "foo bar. “Foo bar” —\u00a0foo bar."
	s := NewSource(text)
	tests := []struct {
		quote string
		want  []Span
	}{
		{"foo bar", []Span{{0, 7}}},
		{`"Foo`, []Span{{9, 15}}},
		{`bar" - foo`, []Span{{16, 31}}},
		{"bar. … foo", []Span{{4, 8}, {28, 31}}},
	}
	for _, tt := range tests {
		got, ok := s.Find(tt.quote)
		if !ok || !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %v, %v; want %v", tt.quote, got, ok, tt.want)
		}
		for _, sp := range got {
			if !utf8.ValidString(text[sp.Start:sp.End]) {
				t.Errorf("Find(%q): span %v splits a character", tt.quote, sp)
			}
		}
	}
}

// TestParagraphs checks which white space counts as a paragraph break.
func TestParagraphs(t *testing.T) {
	tests := []struct {
		sep  string
		para bool
	}{
		{" ", false},
		{"\n", false},
		{"\r\n", false},
		{"\n\n", true},
		{"\n \t\n", true},
		{"\r\n\r\n", true},
		{"\r\r", true},
		{"\u2029", true},
		{"\u2028", false},
	}
	for _, tt := range tests {
		s := NewSource("one two" + tt.sep + "three four")
		_, ok := s.Find("one … four")
		if ok == tt.para {
			t.Errorf("separator %q: gap found = %v, want %v", tt.sep, ok, !tt.para)
		}
	}
}

// TestPages checks that a form feed starts a page and that MatchPages
// finds a quote only on the pages it names.
func TestPages(t *testing.T) {
	s := NewSource("One we did not see.\n\n\fTwo the vote\nwas safe.\n\fThree.\fFour.")
	if n := s.Pages(); n != 4 {
		t.Fatalf("Pages() = %d, want 4", n)
	}
	tests := []struct {
		quote       string
		first, last int
		found       bool
		page        int
	}{
		{"the vote was safe", 2, 2, true, 2},
		{"the vote was safe", 1, 2, true, 2},
		{"the vote was safe", 1, 1, false, 0},
		{"the vote was safe", 3, 4, false, 0},
		{"One we did not see.", 1, 1, true, 1},
		{"Four.", 4, 4, true, 4},
		{"Three. Four.", 3, 4, true, 3},
		{"Three. Four.", 3, 3, false, 0},
		{"see. Two", 1, 1, false, 0},
	}
	for _, tt := range tests {
		m, ok := s.MatchPages(tt.quote, nil, tt.first, tt.last)
		if ok != tt.found || ok && m.Page != tt.page {
			t.Errorf("MatchPages(%q, %d, %d) = page %d, %v; want page %d, %v", tt.quote, tt.first, tt.last, m.Page, ok, tt.page, tt.found)
		}
	}
	if m, ok := s.Match("Four.", nil); !ok || m.Page != 4 {
		t.Errorf("Match(Four.) = page %d, %v; want 4", m.Page, ok)
	}
}
