package site

import (
	"strings"
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
		window := plain[at:min(len(plain), at+2*len(words)+16)]
		if strings.HasPrefix(strings.Join(strings.Fields(window), " "), words) {
			return true
		}
		i = at + 1
	}
	return false
}

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
