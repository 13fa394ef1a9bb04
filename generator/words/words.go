// Package words splits text into the words that the search index holds,
// and numbers them, so that a loaded site can keep the words of each claim
// instead of its text.
//
// Words are the runs of letters and digits of the text after NFKD
// normalization with combining marks removed (diacritics folded: "é" is
// "e"), lowercased, with final sigma as sigma; each Han, Hiragana or
// Katakana character is a word of its own (those scripts do not separate
// words with spaces). static/assets/search.js splits queries the same way.
package words

import (
	"bytes"
	"encoding/binary"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scan calls emit with each word of s, in buf (which it returns for
// reuse); emit must copy what it keeps.
func Scan[T string | []byte](s T, buf []byte, emit func([]byte)) []byte {
	if isASCII(s) {
		return scanASCII(s, buf[:0], emit)
	}
	return scanRunes(norm.NFKD.String(string(s)), buf[:0], emit)
}

// scanASCII is scanRunes for ASCII text, a byte at a time.
func scanASCII[T string | []byte](s T, w []byte, emit func([]byte)) []byte {
	for i := 0; i < len(s); i++ {
		if c := asciiWord[s[i]]; c != 0 {
			w = append(w, c)
		} else if len(w) > 0 {
			emit(w)
			w = w[:0]
		}
	}
	if len(w) > 0 {
		emit(w)
	}
	return w[:0]
}

// scanRunes scans NFKD-normalized text.
func scanRunes(s string, w []byte, emit func([]byte)) []byte {
	for _, c := range s {
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				w = append(w, byte(c))
			case 'A' <= c && c <= 'Z':
				w = append(w, byte(c+'a'-'A'))
			case len(w) > 0:
				emit(w)
				w = w[:0]
			}
			continue
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
	}
	if len(w) > 0 {
		emit(w)
	}
	return w[:0]
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

func isASCII[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Dict numbers words: each word it has seen has an id, the first word 0.
// A Dict only grows, so ids never change. It is safe for concurrent use.
type Dict struct {
	mu    sync.Mutex
	ids   map[string]uint32
	words []string
	// seen is, for each id, the number of the last Set that took it: a
	// Set takes each word once.
	seen []uint64
	sets uint64
}

// Set returns the distinct words of text, numbered by d.
func (d *Dict) Set(text []byte) Set {
	// The words, each followed by a 0 byte (never part of a word), are
	// gathered first, so that d is locked only to look them up.
	lp := lists.Get().(*[]byte)
	list := (*lp)[:0]
	n := 0
	var word [64]byte
	Scan(text, word[:0], func(w []byte) {
		list = append(append(list, w...), 0)
		n++
	})
	defer func() { *lp = list; lists.Put(lp) }()
	s := make([]byte, 0, 2*n)
	d.mu.Lock()
	if d.ids == nil {
		d.ids = map[string]uint32{}
	}
	d.sets++
	for rest := list; len(rest) > 0; {
		end := bytes.IndexByte(rest, 0)
		id, ok := d.ids[string(rest[:end])]
		if !ok {
			id = uint32(len(d.words))
			d.words = append(d.words, string(rest[:end]))
			d.ids[d.words[id]] = id
			d.seen = append(d.seen, 0)
		}
		if d.seen[id] != d.sets {
			d.seen[id] = d.sets
			s = binary.AppendUvarint(s, uint64(id))
		}
		rest = rest[end+1:]
	}
	d.mu.Unlock()
	return Set(s)
}

// lists holds the buffers Set gathers words in.
var lists = sync.Pool{New: func() any { return new([]byte) }}

// Words returns the words of d by id, as they are now: the slice does not
// change when d grows.
func (d *Dict) Words() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.words[:len(d.words):len(d.words)]
}

// Set is a set of words of a Dict: their ids as unsigned varints, in the
// order the words first appear in the text, which takes a fraction of the
// text's size (one to three bytes a distinct word).
type Set string

// Each calls f with each id of s.
func (s Set) Each(f func(id uint32)) {
	for i := 0; i < len(s); {
		v, n := uvarint(string(s[i:]))
		i += n
		f(uint32(v))
	}
}

// uvarint decodes an unsigned varint that Set wrote.
func uvarint(s string) (uint64, int) {
	var v uint64
	for i := 0; i < len(s); i++ {
		b := s[i]
		v |= uint64(b&0x7f) << (7 * i)
		if b < 0x80 {
			return v, i + 1
		}
	}
	return v, len(s)
}
