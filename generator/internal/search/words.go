package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scan calls emit with each word of s, in buf (which it returns for
// reuse); emit must copy what it keeps.
//
// ASCII is read a byte at a time; each other character is decomposed
// (NFKD) on its own. That splits text as normalizing all of it first
// would (scanNFKD, which the tests compare it with): NFKD decomposes
// character by character and then only reorders combining marks, which
// belong to the word they are in whatever their order.
func Scan[T string | []byte](s T, buf []byte, emit func([]byte)) []byte {
	w := buf[:0]
	var one [utf8.UTFMax]byte
	var dec [64]byte
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if l := asciiWord[c]; l != 0 {
				w = append(w, l)
			} else if len(w) > 0 {
				emit(w)
				w = w[:0]
			}
			i++
			continue
		}
		r, n := decodeRune(s, i)
		i += n
		d := norm.NFKD.Append(dec[:0], utf8.AppendRune(one[:0], r)...)
		for len(d) > 0 {
			r, n := utf8.DecodeRune(d)
			d = d[n:]
			w = addRune(w, r, emit)
		}
	}
	if len(w) > 0 {
		emit(w)
	}
	return w[:0]
}

func decodeRune[T string | []byte](s T, i int) (rune, int) {
	switch s := any(s).(type) {
	case string:
		return utf8.DecodeRuneInString(s[i:])
	case []byte:
		return utf8.DecodeRune(s[i:])
	}
	panic("unreachable")
}

// addRune adds c of NFKD-normalized text to the word w, or ends w.
func addRune(w []byte, c rune, emit func([]byte)) []byte {
	if c < utf8.RuneSelf {
		if l := asciiWord[c]; l != 0 {
			return append(w, l)
		}
		if len(w) > 0 {
			emit(w)
		}
		return w[:0]
	}
	switch {
	case unicode.IsMark(c):
		// a folded diacritic: part of the word it is in
	case c >= 0x2E80 && unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana):
		if len(w) > 0 {
			emit(w)
		}
		w = utf8.AppendRune(w[:0], unicode.ToLower(c))
		emit(w)
		w = w[:0]
	case unicode.IsLetter(c) || unicode.IsNumber(c):
		c = unicode.ToLower(c)
		if c == 'ς' {
			c = 'σ'
		}
		w = utf8.AppendRune(w, c)
	case len(w) > 0:
		emit(w)
		w = w[:0]
	}
	return w
}

// asciiWord maps an ASCII letter or digit to itself, lowercased, and any
// other ASCII character to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()
