package site

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

func TestTextFragment(t *testing.T) {
	long := "one two three four five six seven eight nine ten"
	for _, tc := range []struct {
		plain      string
		start, end int
		want       string
	}{
		{"a b c", 2, 3, ":~:text=b"},
		{"say did not deploy, then", 4, 18, ":~:text=did%20not%20deploy"},
		{"x " + long + " y", 2, 2 + len(long), ":~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"},
		// The start occurs earlier: a prefix makes it unique.
		{"the cat sat. then the cat ran", 18, 25, ":~:text=cat%20sat.%20then-,the%20cat"},
		{"the\ncat sat. then the cat ran", 18, 25, ":~:text=cat%20sat.%20then-,the%20cat"},
		{"rock-and-roll, a & b", 0, 13, ":~:text=rock%2Dand%2Droll"},
		{"a, b & c", 0, 8, ":~:text=a%2C%20b%20%26%20c"},
	} {
		if got := textFragment(tc.plain, tc.start, tc.end); got != tc.want {
			t.Errorf("textFragment(%q, %d, %d) = %q, want %q", tc.plain, tc.start, tc.end, got, tc.want)
		}
	}
}

func TestLatestYear(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"in 2021.", 2021},
		{"2016 and 2020, not 12021 or 2021a or x2022", 2020},
		{"date 2017-07-11", 2017},
		{"1499 and 3000", 0},
		{"1999", 1999},
	} {
		if got := latestYear(tc.text); got != tc.want {
			t.Errorf("latestYear(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// FuzzStartsWithWords checks startsWithWords against what it stands for:
// the fields of s, joined by single spaces, start with words.
func FuzzStartsWithWords(f *testing.F) {
	f.Add("the  cat sat", "the cat")
	f.Add("the\u00a0cat", "the cat")
	f.Add("the\n\ncatalog", "the cat")
	f.Add("the ", "the cat")
	f.Add("the\xffcat", "the cat")
	f.Fuzz(func(t *testing.T, s, words string) {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		words = strings.Join(strings.Fields(words), " ")
		want := strings.HasPrefix(strings.Join(strings.Fields(s), " "), words)
		if got := startsWithWords(s, words); got != want {
			t.Errorf("startsWithWords(%q, %q) = %v, want %v", s, words, got, want)
		}
	})
}

// textFragmentByFields is textFragment as first written, with
// strings.Fields: the reference it is compared with.
func textFragmentByFields(plain string, start, end int) string {
	words := strings.Fields(plain[start:end])
	if len(words) == 0 {
		return ""
	}
	const n = 4
	textStart, textEnd := strings.Join(words, " "), ""
	if len(words) > 2*n {
		textStart = strings.Join(words[:n], " ")
		textEnd = strings.Join(words[len(words)-n:], " ")
	}
	enc := func(s string) string {
		var b strings.Builder
		fragmentEncode(&b, s)
		return b.String()
	}
	d := ":~:text="
	if occursBefore(plain, start, textStart) {
		before := strings.Fields(plain[max(0, start-200):start])
		d += enc(strings.Join(before[max(0, len(before)-3):], " ")) + "-,"
	}
	d += enc(textStart)
	if textEnd != "" {
		d += "," + enc(textEnd)
	}
	return d
}

func checkTextFragment(t *testing.T, plain string, start, end int) {
	if got, want := textFragment(plain, start, end), textFragmentByFields(plain, start, end); got != want {
		t.Fatalf("textFragment(%q, %d, %d) = %q, want %q", plain, start, end, got, want)
	}
}

// TestTextFragmentComposed compares textFragment with the reference on
// random texts of repeated words and all kinds of white space.
func TestTextFragmentComposed(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"the", "cat", "sat", "a", "b", "é", "rock-and-roll", "x,y", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\xff", "\u0085"}
	for range 50000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteString(" ")
			}
		}
		plain := b.String()
		start := r.IntN(len(plain) + 1)
		end := start + r.IntN(len(plain)-start+1)
		checkTextFragment(t, plain, start, end)
	}
}

func FuzzTextFragment(f *testing.F) {
	f.Add("the cat sat. then the cat ran", 18, 25)
	f.Add("x one two three four five six seven eight nine ten y", 2, 50)
	f.Fuzz(func(t *testing.T, plain string, start, end int) {
		if start < 0 || end < start || end > len(plain) {
			return
		}
		checkTextFragment(t, plain, start, end)
	})
}
