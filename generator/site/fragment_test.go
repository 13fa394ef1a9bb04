package site

import (
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
