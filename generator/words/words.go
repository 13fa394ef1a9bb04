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
	"encoding/binary"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scan calls emit with each word of s, in buf (which it returns for
// reuse); emit must copy what it keeps.
func Scan(s string, buf []byte, emit func([]byte)) []byte {
	if !isASCII(s) {
		s = norm.NFKD.String(s)
	}
	w := buf[:0]
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

const vlqDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// Dict numbers words: each word it has seen has an id, the first word 0.
// A Dict only grows, so ids never change. It is safe for concurrent use.
type Dict struct {
	mu    sync.Mutex
	ids   map[string]uint32
	words []string
}

// Set returns the distinct words of text, numbered by d. buf is scratch
// space, returned for reuse.
func (d *Dict) Set(text string, buf []byte) (Set, []byte) {
	var ids []uint32
	d.mu.Lock()
	if d.ids == nil {
		d.ids = map[string]uint32{}
	}
	buf = Scan(text, buf, func(w []byte) {
		id, ok := d.ids[string(w)]
		if !ok {
			id = uint32(len(d.words))
			d.words = append(d.words, string(w))
			d.ids[d.words[id]] = id
		}
		ids = append(ids, id)
	})
	d.mu.Unlock()
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var s []byte
	prev := uint32(0)
	for i, id := range ids {
		if i > 0 {
			id, prev = id-prev, id // a gap, at least 1
		} else {
			prev = id
		}
		s = binary.AppendUvarint(s, uint64(id))
	}
	return Set(s), buf
}

// Words returns the words of d by id, as they are now: the slice does not
// change when d grows.
func (d *Dict) Words() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.words[:len(d.words):len(d.words)]
}

// Set is a set of words of a Dict: their ids in ascending order, the first
// and then each gap from the previous one as an unsigned varint (one byte
// for most words of a text), which is a fraction of the size of the text.
type Set string

// Each calls f with each id of s, in ascending order.
func (s Set) Each(f func(id uint32)) {
	id := uint64(0)
	for i := 0; i < len(s); {
		v, n := uvarint(string(s[i:]))
		if i > 0 {
			id += v
		} else {
			id = v
		}
		i += n
		f(uint32(id))
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
