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
	"sync"
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

// Dict numbers words: each word it has seen has an id, the first word 0.
// A Dict only grows, so ids never change. It is safe for concurrent use.
type Dict struct {
	mu    sync.Mutex
	ids   map[string]uint32
	words []string
}

// Set returns the distinct words of text, numbered by d.
func (d *Dict) Set(text []byte) Set {
	// The words are gathered first, with the ids that the scratch's
	// cache knows, so that d is locked only to look up the others.
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	if sc.dict != d {
		clear(sc.cache[:])
		sc.dict = d
	}
	sc.list, sc.ends, sc.ids, sc.set = sc.list[:0], sc.ends[:0], sc.ids[:0], sc.set[:0]
	misses := 0
	var word [64]byte
	Scan(text, word[:0], func(w []byte) {
		if e := &sc.cache[hash(w)%cacheSize]; e.word == string(w) {
			sc.ids = append(sc.ids, e.id)
			return
		}
		// Only the words the cache does not know are kept, to be
		// looked up below.
		sc.ids = append(sc.ids, noID)
		sc.list = append(sc.list, w...)
		sc.ends = append(sc.ends, len(sc.list))
		misses++
	})
	if misses > 0 {
		d.mu.Lock()
		if d.ids == nil {
			d.ids = map[string]uint32{}
		}
		start, m := 0, 0
		for k := range sc.ids {
			if sc.ids[k] != noID {
				continue
			}
			w := sc.list[start:sc.ends[m]]
			start = sc.ends[m]
			m++
			id, ok := d.ids[string(w)]
			if !ok {
				id = uint32(len(d.words))
				d.words = append(d.words, string(w))
				d.ids[d.words[id]] = id
			}
			sc.ids[k] = id
			sc.cache[hash(w)%cacheSize] = cached{d.words[id], id}
		}
		d.mu.Unlock()
	}
	sc.gen++
	for _, id := range sc.ids {
		// Each word is taken once: sc.seen, which only this call
		// writes, marks the ids it took (a table shared by the
		// goroutines would be passed from core to core all the time).
		if int(id) >= len(sc.seen) {
			sc.seen = append(sc.seen, make([]uint64, int(id)+1-len(sc.seen)+len(sc.seen)/2)...)
		}
		if sc.seen[id] != sc.gen {
			sc.seen[id] = sc.gen
			sc.set = binary.AppendUvarint(sc.set, uint64(id))
		}
	}
	return Set(sc.set)
}

// scratch is where Set gathers words and ids; scratches holds them for
// reuse.
type scratch struct {
	list []byte   // the words the cache did not know, one after the other
	ends []int    // where each of them ends in list
	ids  []uint32 // the id of each word of the text, noID until looked up
	set  []byte
	// seen has, for each id, the number of the last Set (gen) that took
	// it with this scratch.
	seen []uint64
	gen  uint64
	// cache holds words that dict numbered, by hash: most words of a
	// text were in texts before, and this is faster to read than dict's
	// map, and needs no lock.
	dict  *Dict
	cache [cacheSize]cached
}

type cached struct {
	word string
	id   uint32
}

const (
	cacheSize = 4096
	noID      = ^uint32(0)
)

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// hash is a quick hash of a word for the scratches' caches, eight bytes
// at a time: most words are read from a cache, so this is paid for
// nearly every word, and the cache checks the word itself, so that
// words with the same hash only take each other's place.
func hash(w []byte) uint {
	const m = 0x9e3779b97f4a7c15
	h := uint64(len(w)) * m
	for ; len(w) >= 8; w = w[8:] {
		h = (h ^ binary.LittleEndian.Uint64(w)) * m
	}
	var x uint64
	for i, c := range w {
		x |= uint64(c) << (8 * i)
	}
	h = (h ^ x) * m
	// The high half: a low bit of a product depends on no higher bit of
	// its factors, so the low bits would leave out the last bytes.
	return uint(h >> 32)
}

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
