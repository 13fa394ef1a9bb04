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
	// The quote's words: up to 8 from its start, 4 from its end.
	const n = 4
	var first [2 * n]string
	var last [n]string
	count := 0
	eachField(plain[start:end], func(w string) {
		if count < len(first) {
			first[count] = w
		}
		last[count%n] = w
		count++
	})
	if count == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(64 + 3*(end-start))
	head := first[:min(count, len(first))]
	if count > 2*n {
		head = first[:n]
	}
	textStart := strings.Join(head, " ")
	b.WriteString(":~:text=")
	if occursBefore(plain, start, textStart) {
		var before [3]string
		k := 0
		eachField(plain[max(0, start-200):start], func(w string) { before[k%3] = w; k++ })
		for i := max(0, k-3); i < k; i++ {
			if i > max(0, k-3) {
				b.WriteString("%20")
			}
			fragmentEncode(&b, before[i%3])
		}
		b.WriteString("-,")
	}
	fragmentEncode(&b, textStart)
	if count > 2*n {
		b.WriteString(",")
		for i := range n {
			if i > 0 {
				b.WriteString("%20")
			}
			fragmentEncode(&b, last[(count+i)%n])
		}
	}
	return b.String()
}

// eachField calls f with each field of s, as strings.Fields splits it.
func eachField(s string, f func(string)) {
	from := -1 // where the field being read starts
	for i := 0; i < len(s); {
		n := spaceAt(s, i)
		if n == 0 {
			if from < 0 {
				from = i
			}
			_, n = utf8.DecodeRuneInString(s[i:])
			if s[i] < utf8.RuneSelf {
				n = 1
			}
		} else if from >= 0 {
			f(s[from:i])
			from = -1
		}
		i += n
	}
	if from >= 0 {
		f(s[from:])
	}
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

// fragmentEncode writes s percent-encoded for a text directive:
// everything but letters, digits and ". _ ~" is encoded, including '-',
// '&' and ',', which the directive syntax uses.
func fragmentEncode(b *strings.Builder, s string) {
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
}
