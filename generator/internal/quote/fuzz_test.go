package quote

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzFind checks that Find never panics, returns well-formed spans, and
// finds every stretch of whole words of the source; that a Source's text is
// normalized like a quote; and that Closest returns a passage of the
// source.
func FuzzFind(f *testing.F) {
	f.Add("We have no indications.\n\nThat is “all”.", "no … indications", uint16(1), uint16(2))
	f.Fuzz(func(t *testing.T, text, quote string, i, j uint16) {
		s := NewSource(text)
		if want := Normalize(text); s.norm != want {
			t.Fatalf("NewSource normalized %q to %q, Normalize to %q", text, s.norm, want)
		}
		if want := referenceNormalize(text); s.norm != want {
			t.Fatalf("Normalize(%q) = %q, want %q", text, s.norm, want)
		}
		spans, ok := s.Find(quote)
		checkSpans(t, text, quote, spans, ok)
		if at, _ := s.Closest(quote); at.Start > at.End || at.End > len(text) {
			t.Fatalf("Closest(%q) in %q: passage %v is not in the source", quote, text, at)
		}

		words := wordRanges(text)
		if len(words) == 0 {
			return
		}
		a := int(i) % len(words)
		b := a + int(j)%(len(words)-a)
		sub := text[words[a].start:words[b].end]
		if Normalize(sub) == "" {
			return // only invisible characters
		}
		spans, ok = s.Find(sub)
		if !ok {
			t.Fatalf("Find(%q) in %q: not found", sub, text)
		}
		checkSpans(t, text, sub, spans, ok)
	})
}

func checkSpans(t *testing.T, text, quote string, spans []Span, ok bool) {
	t.Helper()
	if !ok {
		if spans != nil {
			t.Fatalf("Find(%q): not ok but spans %v", quote, spans)
		}
		return
	}
	if len(spans) == 0 {
		t.Fatalf("Find(%q): ok without spans", quote)
	}
	boundary := map[int]bool{len(text): true}
	for k := 0; k < len(text); {
		boundary[k] = true
		_, size := utf8.DecodeRuneInString(text[k:])
		k += size
	}
	prevEnd := 0
	for _, sp := range spans {
		if sp.Start < prevEnd || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("Find(%q) in %q: bad spans %v", quote, text, spans)
		}
		if !boundary[sp.Start] || !boundary[sp.End] {
			t.Fatalf("Find(%q) in %q: span %v splits a character", quote, text, sp)
		}
		first, _ := utf8.DecodeRuneInString(text[sp.Start:])
		last, _ := utf8.DecodeLastRuneInString(text[:sp.End])
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("Find(%q) in %q: span %v has white space at an end", quote, text, sp)
		}
		prevEnd = sp.End
	}
}

type wordRange struct{ start, end int }

// wordRanges returns the runs of non-white-space characters of text.
func wordRanges(text string) []wordRange {
	var words []wordRange
	start := -1
	for k := 0; k < len(text); {
		r, size := utf8.DecodeRuneInString(text[k:])
		if unicode.IsSpace(r) {
			if start >= 0 {
				words = append(words, wordRange{start, k})
				start = -1
			}
		} else if start < 0 {
			start = k
		}
		k += size
	}
	if start >= 0 {
		words = append(words, wordRange{start, len(text)})
	}
	return words
}

// referenceNormalize is Normalize written plainly: invalid bytes to
// U+FFFD, the whole text to NFC, then character by character.
func referenceNormalize(s string) string {
	var runes []rune // s with each invalid byte as U+FFFD
	for _, r := range s {
		runes = append(runes, r)
	}
	visible := func(r rune) bool { return !unicode.IsSpace(r) && !isInvisible(r) }
	// White space between two characters of Chinese or Japanese text,
	// as written, goes unless it breaks a paragraph.
	var kept strings.Builder
	for i := 0; i < len(runes); {
		if !unicode.IsSpace(runes[i]) {
			kept.WriteRune(runes[i])
			i++
			continue
		}
		j, breaks := i, 0
		for ; j < len(runes) && unicode.IsSpace(runes[j]); j++ {
			switch runes[j] {
			case '\n':
				if j == 0 || runes[j-1] != '\r' {
					breaks++
				}
			case '\r', '\v', '\f', '\u0085', '\u2028':
				breaks++
			case '\u2029':
				breaks += 2
			}
		}
		prev, next := rune(-1), rune(-1)
		for k := i - 1; k >= 0; k-- {
			if visible(runes[k]) {
				prev = runes[k]
				break
			}
		}
		for k := j; k < len(runes); k++ {
			if visible(runes[k]) {
				next = runes[k]
				break
			}
		}
		if !(isCJK(prev) && isCJK(next) && breaks < 2) {
			kept.WriteByte(' ')
		}
		i = j
	}
	var b strings.Builder
	for _, r := range norm.NFKC.String(plainPunctuation(kept.String())) {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case isInvisible(r):
		default:
			if rep, ok := replacement(r); ok {
				b.WriteString(rep)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// FuzzMatch checks the resolver: every gap and bracket of a quote found in
// its parts is resolved to a span of the source whose text, normalized, is
// the edit's Words; findings name edits that exist; and Match never panics.
func FuzzMatch(f *testing.F) {
	f.Add("Unlike in 2016, we did not see persistent Russian cyber efforts.\n\nWe have no indications.", "[W]e ... [did] see persistent", "en")
	f.Add("Putin authorized, and a range of organizations conducted, influence operations.", "[Putin] authorized ... influence [x]", "en")
	f.Add("No vimos nada. Nous n'avons rien vu.", "[Vimos] ... n'avons [...] vu", "fr")
	f.Fuzz(func(t *testing.T, text, quote, lang string) {
		s := NewSource(text)
		m, ok := s.Match(quote, RulesFor(lang, []string{"hardly"}))
		if !ok {
			return
		}
		checkSpans(t, text, quote, m.Spans, ok)
		if len(m.Edits) > 0 && len(m.Edits) != len(Marks(stripQuotes(Normalize(quote)))) {
			t.Fatalf("Match(%q): %d edits, but the quote has %d marks", quote, len(m.Edits), len(Marks(Normalize(quote))))
		}
		for _, e := range m.Edits {
			if e.Source.Start < 0 || e.Source.End < e.Source.Start || e.Source.End > len(text) {
				t.Fatalf("Match(%q) in %q: edit %q has span %v", quote, text, e.Text, e.Source)
			}
			if got := Normalize(text[e.Source.Start:e.Source.End]); got != e.Words {
				t.Fatalf("Match(%q) in %q: edit %q stands for %q, but its span holds %q", quote, text, e.Text, e.Words, got)
			}
		}
		for _, fd := range m.Findings {
			if fd.Edit < -1 || fd.Edit >= len(m.Edits) || fd.Message == "" {
				t.Fatalf("Match(%q): finding %+v", quote, fd)
			}
		}
	})
}

// FuzzClosest checks that the closest passage to any quote is a stretch
// of the source as written, and that each change's source words are in
// it.
func FuzzClosest(f *testing.F) {
	f.Add("We have no indications that any foreign actor attempted to alter it.", "no indications that any actor tried to alter")
	f.Add("联合国大会于1948年12月10日通过。人人有权享有主张和发表意见的自由。", "大会于1949年12月10日通过")
	f.Add("東京は日本の首都です。 Tokyo is the capital.", "東京は日本の首都でした Tokyo")
	f.Fuzz(func(t *testing.T, text, quote string) {
		s := NewSource(text)
		at, changes := s.Closest(quote)
		if at.Start > at.End || at.End > len(text) {
			t.Fatalf("Closest(%q) in %q: passage %v is not in the source", quote, text, at)
		}
		if at.Start == at.End {
			return
		}
		// The passage as written, normalized, holds the source words of
		// each change.
		passage := Normalize(text[at.Start:at.End])
		for _, c := range changes {
			if !strings.Contains(strings.ReplaceAll(passage, " ", ""), strings.ReplaceAll(c.Source, " ", "")) {
				t.Fatalf("Closest(%q) in %q: change %+v has source words not in the passage %q", quote, text, c, passage)
			}
		}
	})
}
