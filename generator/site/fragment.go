package site

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textFragment returns a text directive (":~:text=…") that makes a browser
// scroll to and highlight plain[start:end] in the original document, as
// the WICG URL Fragment Text Directives draft describes. A long quote is
// given by its first and last words; when its first words also occur
// earlier in the text, a few words before it are added as a prefix.
func textFragment(plain string, start, end int) string {
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
	d := ":~:text="
	if occursBefore(plain, start, textStart) {
		before := strings.Fields(plain[max(0, start-200):start])
		d += fragmentEncode(strings.Join(before[max(0, len(before)-3):], " ")) + "-,"
	}
	d += fragmentEncode(textStart)
	if textEnd != "" {
		d += "," + fragmentEncode(textEnd)
	}
	return d
}

// occursBefore reports whether words (single spaces between them) start
// somewhere in plain before offset start, where white space may differ.
// Only the places where the first word occurs are compared.
func occursBefore(plain string, start int, words string) bool {
	first, _, _ := strings.Cut(words, " ")
	for i := 0; i < start; {
		j := strings.Index(plain[i:start], first)
		if j < 0 {
			return false
		}
		at := i + j
		if startsWithWords(plain[at:min(len(plain), at+2*len(words)+16)], words) {
			return true
		}
		i = at + 1
	}
	return false
}

// startsWithWords reports whether s, which does not start with white
// space, starts with words (single spaces between them) where s may have
// any white space between them: whether strings.Fields(s), joined by
// single spaces, starts with words.
func startsWithWords(s, words string) bool {
	i := 0
	for j := 0; j < len(words); j++ {
		if words[j] != ' ' {
			if i >= len(s) || s[i] != words[j] {
				return false
			}
			i++
			continue
		}
		n := spaceAt(s, i)
		if n == 0 {
			return false
		}
		for n > 0 {
			i += n
			n = spaceAt(s, i)
		}
		if i >= len(s) {
			return false
		}
	}
	return true
}

// spaceAt is the length of the white space character at s[i:], or 0.
func spaceAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// fragmentEncode percent-encodes s for a text directive: everything but
// letters, digits and ". _ ~" is encoded, including '-', '&' and ',', which
// the directive syntax uses.
func fragmentEncode(s string) string {
	var b strings.Builder
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
