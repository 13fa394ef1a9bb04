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
// normalized like a quote; that Closest returns a passage of the source;
// and that index agrees with strings.Index.
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
		if got, want := index(text, quote), strings.Index(text, quote); got != want {
			t.Fatalf("index(%q, %q) = %d, want %d", text, quote, got, want)
		}
		spans, ok := s.Find(quote)
		checkSpans(t, text, quote, spans, ok)
		if passage, _ := s.Closest(quote); !strings.Contains(s.norm, passage) {
			t.Fatalf("Closest(%q) in %q: passage %q is not in the source", quote, text, passage)
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
	var valid strings.Builder
	for _, r := range s {
		valid.WriteRune(r)
	}
	var b strings.Builder
	for _, r := range norm.NFC.String(valid.String()) {
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
