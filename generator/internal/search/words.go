package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scan calls emit with each word of s, in buf (which it returns for
// reuse); emit must copy what it keeps. The package documentation says
// what a word is; static/assets/search.js splits text the same way (its
// scan), which TestTokenizerGoJS checks.
//
// ASCII is read a byte at a time; each other character is decomposed
// (NFKD) on its own. That splits text as normalizing all of it first
// would (scanNFKD, which the tests compare it with): NFKD decomposes
// character by character and then only reorders combining marks, which
// belong to the word they are in whatever their order.
func Scan[T string | []byte](s T, buf []byte, emit func([]byte)) []byte {
	sp := splitter{w: buf[:0], prev: -1, emit: emit}
	var one [utf8.UTFMax]byte
	var dec [64]byte
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if sp.prev >= 0 {
				sp.endRun()
			}
			if l := asciiWord[c]; l != 0 {
				sp.w = append(sp.w, l)
			} else if len(sp.w) > 0 {
				emit(sp.w)
				sp.w = sp.w[:0]
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
			sp.add(r)
		}
	}
	sp.end()
	return sp.w[:0]
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

// splitter splits NFKD-normalized text into words, a character at a
// time: runs of letters and digits, and runs of CJK characters as their
// overlapping pairs. At most one of the two is being read at a time.
type splitter struct {
	w     []byte // the letters and digits of the word being read
	prev  rune   // the last character of the CJK run being read; -1 outside one
	pairs bool   // whether that run has given a pair yet
	emit  func([]byte)
}

// add adds c, a character of NFKD-normalized text: to the word or the
// CJK run being read, or as the end of them.
func (sp *splitter) add(c rune) {
	if c < utf8.RuneSelf {
		if sp.prev >= 0 {
			sp.endRun()
		}
		if l := asciiWord[c]; l != 0 {
			sp.w = append(sp.w, l)
		} else {
			sp.endWord()
		}
		return
	}
	switch {
	case unicode.IsMark(c) || c == 'ـ':
		// a folded diacritic (or kana voicing mark, or Arabic tatweel, a
		// stretch of the line between letters): part of the word or the
		// run it is in
	case isCJK(c):
		// Han, Hiragana and Katakana do not separate words with spaces:
		// each pair of adjacent characters is a term, so that a query's
		// characters match where they are adjacent (Lucene's
		// CJKBigramFilter does the same).
		sp.endWord()
		if sp.prev >= 0 {
			sp.w = utf8.AppendRune(utf8.AppendRune(sp.w, sp.prev), c)
			sp.emit(sp.w)
			sp.w = sp.w[:0]
			sp.pairs = true
		}
		sp.prev = c
	case unicode.IsLetter(c) || unicode.IsNumber(c):
		if sp.prev >= 0 {
			sp.endRun()
		}
		c = unicode.ToLower(c)
		if c == 'ς' {
			c = 'σ'
		}
		sp.w = utf8.AppendRune(sp.w, c)
	default:
		if sp.prev >= 0 {
			sp.endRun()
		}
		sp.endWord()
	}
}

// endWord emits the word being read, if any.
func (sp *splitter) endWord() {
	if len(sp.w) > 0 {
		sp.emit(sp.w)
		sp.w = sp.w[:0]
	}
}

// endRun ends the CJK run being read: a run of one character, which gave
// no pair, is a word of its own.
func (sp *splitter) endRun() {
	if !sp.pairs {
		sp.w = utf8.AppendRune(sp.w[:0], sp.prev)
		sp.emit(sp.w)
		sp.w = sp.w[:0]
	}
	sp.prev, sp.pairs = -1, false
}

// end ends the text: the word or the run being read.
func (sp *splitter) end() {
	if sp.prev >= 0 {
		sp.endRun()
	}
	sp.endWord()
}

// isCJK reports whether c is written without spaces between words: Han,
// Hiragana or Katakana, or the prolonged sound mark "ー" (script Common,
// but used only within kana words).
func isCJK(c rune) bool {
	return c >= 0x2E80 && (c == 'ー' || unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana))
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
