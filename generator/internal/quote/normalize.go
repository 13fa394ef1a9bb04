package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as quotes and sources are compared: in NFKC, with
// curly quotes made straight, dashes made hyphens, "…" written "...",
// invisible characters dropped and white space collapsed to single spaces
// with none at either end. Quotation marks around s are kept.
func Normalize(s string) string {
	var n normalizer
	n.run(s)
	return n.out.String()
}

// seg records where a stretch of normalized text came from. An exact
// segment corresponds byte for byte to its original, so any offset inside
// it maps directly; any other segment maps as a whole to its original range.
type seg struct {
	norm, normLen int
	orig, origLen int
	exact         bool
}

// normalizer writes the normalized form of a text. With track set it also
// records the segments and the paragraph breaks a Source needs.
type normalizer struct {
	out   strings.Builder
	track bool
	segs  []seg
	paras []int // normalized offsets of the spaces that replaced paragraph breaks

	started bool // something visible was written, so white space is no longer leading
	pending bool // a run of white space waits to be written as one space
	wsStart int  // original byte range of that run
	wsEnd   int
	breaks  int  // line breaks in that run; two or more make a paragraph break
	afterCR bool // the previous white space was '\r', so a '\n' ends the same line break
	// cjk says the character being written comes from Chinese or Japanese
	// text, lastCJK that the last one written did.
	cjk, lastCJK bool
	// page says the pending white space holds a form feed, which starts
	// a new page; pages are the normalized offsets where pages after the
	// first start.
	page  bool
	pages []int
}

func (n *normalizer) run(text string) {
	n.out.Grow(len(text))
	if utf8.ValidString(text) {
		n.runValid(text, 0)
		return
	}
	// The norm package treats invalid bytes inconsistently, so each one
	// is kept away from it and becomes U+FFFD on its own.
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			n.runValid(text[start:i], start)
			n.cjk = false
			n.char(r, i, i+1, false)
			start = i + 1
		}
		i += size
	}
	n.runValid(text[start:], start)
}

// runValid writes text, valid UTF-8 that starts at original offset base.
func (n *normalizer) runValid(text string, base int) {
	for pos := 0; pos < len(text); {
		// Most text is already NFC; only the segments that are not get
		// composed, so exact byte mapping survives everywhere else.
		k := norm.NFKC.QuickSpanString(text[pos:])
		n.exact(text[pos:pos+k], base+pos)
		pos += k
		if pos == len(text) {
			break
		}
		if r, size := utf8.DecodeRuneInString(text[pos:]); unicode.IsSpace(r) {
			// White space starts a segment and never combines with the
			// marks after it; taking it alone keeps it out of the
			// original range of those marks.
			n.space(r, base+pos, base+pos+size)
			pos += size
			continue
		}
		b := norm.NFKC.NextBoundaryInString(text[pos:], true)
		if b <= 0 {
			_, b = utf8.DecodeRuneInString(text[pos:])
		}
		segment := text[pos : pos+b]
		// Typographic punctuation is made plain before NFKC, which would
		// make a double prime (″) two primes.
		if composed := norm.NFKC.String(plainPunctuation(segment)); composed != segment {
			first, _ := utf8.DecodeRuneInString(segment)
			n.cjk = isCJK(first)
			n.composed(composed, base+pos, base+pos+b)
		} else {
			n.exact(segment, base+pos)
		}
		pos += b
	}
}

// exact writes chunk, which is in NFC and starts at original offset base.
func (n *normalizer) exact(chunk string, base int) {
	for i := 0; i < len(chunk); {
		if isASCIIVisible(chunk[i]) {
			// Fast path: plain ASCII words with single spaces between them
			// are copied as they are.
			j := i + 1
			for j < len(chunk) {
				if c := chunk[j]; c == ' ' && j+1 < len(chunk) && isASCIIVisible(chunk[j+1]) {
					j += 2
				} else if isASCIIVisible(c) {
					j++
				} else {
					break
				}
			}
			n.cjk = false
			n.visible(chunk[i:j], base+i, base+j, true)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(chunk[i:])
		n.cjk = isCJK(r)
		n.char(r, base+i, base+i+size, true)
		i += size
	}
}

// composed writes the NFC form of the original bytes [start, end); each of
// its characters maps to that whole range.
func (n *normalizer) composed(s string, start, end int) {
	for _, r := range s {
		n.char(r, start, end, false)
	}
}

// char writes one character that came from the original bytes [start, end).
// exact says the character is those bytes, unless it gets replaced.
func (n *normalizer) char(r rune, start, end int, exact bool) {
	switch {
	case unicode.IsSpace(r):
		n.space(r, start, end)
	case isInvisible(r):
		// dropped
	default:
		if s, ok := replacement(r); ok {
			n.visible(s, start, end, false)
			return
		}
		size := utf8.RuneLen(r)
		// An invalid byte becomes U+FFFD, which is longer, so not exact.
		n.beginVisible(size, start, end, exact && size == end-start)
		n.out.WriteRune(r)
	}
}

// visible writes s, which came from the original bytes [start, end).
func (n *normalizer) visible(s string, start, end int, exact bool) {
	n.beginVisible(len(s), start, end, exact)
	n.out.WriteString(s)
}

// beginVisible prepares for writing size bytes of visible text that came
// from the original bytes [start, end).
func (n *normalizer) beginVisible(size, start, end int, exact bool) {
	n.flushSpace()
	n.lastCJK = n.cjk
	n.started = true
	if n.track {
		n.addSeg(seg{norm: n.out.Len(), normLen: size, orig: start, origLen: end - start, exact: exact})
	}
}

// space adds a white space character to the pending run. Leading white
// space is dropped, and so is a run still pending at the end.
func (n *normalizer) space(r rune, start, end int) {
	if !n.started {
		return
	}
	if !n.pending {
		n.pending, n.wsStart, n.breaks, n.afterCR = true, start, 0, false
	}
	n.wsEnd = end
	switch r {
	case '\n':
		if !n.afterCR {
			n.breaks++
		}
	case '\f':
		n.breaks++
		n.page = true
	case '\r', '\v', '\u0085', '\u2028':
		n.breaks++
	case '\u2029': // paragraph separator
		n.breaks += 2
	}
	n.afterCR = r == '\r'
}

// flushSpace writes the pending run of white space as one space, or none
// between two characters of Chinese or Japanese text within a paragraph:
// a line break there is not a space.
func (n *normalizer) flushSpace() {
	if !n.pending {
		return
	}
	n.pending = false
	page := n.page
	n.page = false
	if n.lastCJK && n.cjk && n.breaks < 2 && !page {
		return
	}
	if n.track {
		if n.breaks >= 2 {
			n.paras = append(n.paras, n.out.Len())
		}
		if page {
			n.pages = append(n.pages, n.out.Len()+1)
		}
		// A single ASCII white space byte maps exactly.
		n.addSeg(seg{norm: n.out.Len(), normLen: 1, orig: n.wsStart, origLen: n.wsEnd - n.wsStart, exact: n.wsEnd-n.wsStart == 1})
	}
	n.out.WriteByte(' ')
}

// addSeg records s, merging it into the previous segment when both are
// exact and adjacent, which keeps plain text down to a few segments.
func (n *normalizer) addSeg(s seg) {
	if k := len(n.segs) - 1; s.exact && k >= 0 {
		last := &n.segs[k]
		if last.exact && last.norm+last.normLen == s.norm && last.orig+last.origLen == s.orig {
			last.normLen += s.normLen
			last.origLen += s.origLen
			return
		}
	}
	n.segs = append(n.segs, s)
}

// isASCIIVisible reports an ASCII byte that normalization keeps as it is.
func isASCIIVisible(c byte) bool {
	return c < utf8.RuneSelf && c != ' ' && (c < '\t' || c > '\r')
}

// isInvisible reports characters that only affect line breaking or
// encoding, which copying text from a page often adds or loses.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', // zero-width space
		'\u2060', // word joiner
		'\ufeff', // byte order mark, zero-width no-break space
		'\u00ad', // soft hyphen
		'\u0640': // Arabic tatweel, which only stretches a word
		return true
	}
	return false
}

// plainPunctuation returns s with each character that has a replacement
// replaced.
func plainPunctuation(s string) string {
	var b strings.Builder
	for i, r := range s {
		rep, ok := replacement(r)
		if !ok {
			if b.Len() > 0 {
				b.WriteRune(r)
			}
			continue
		}
		if b.Len() == 0 {
			b.WriteString(s[:i])
		}
		b.WriteString(rep)
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}

// NoSpaceBetween reports whether a line break between a and b is read as
// no space at all: both are characters of Chinese or Japanese text.
// Normalize reads source text so, and pages are rendered so.
func NoSpaceBetween(a, b rune) bool { return isCJK(a) && isCJK(b) }

// isCJK reports a character of Chinese or Japanese text, which puts no
// spaces between words: Han, kana, CJK punctuation and full-width forms.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		0x3000 <= r && r <= 0x303f || 0xff00 <= r && r <= 0xffef
}

// replacement returns the plain form of typographic punctuation.
func replacement(r rune) (string, bool) {
	switch r {
	case '‘', '’', '‚', '‛', '′', '‹', '›', 'ʼ':
		return "'", true
	case '“', '”', '„', '‟', '″', '«', '»':
		return `"`, true
	case '‐', '‑', '‒', '–', '—', '―', '−', '⸺', '⸻', '﹘', '﹣', '－':
		return "-", true
	case '…':
		return "...", true
	}
	return "", false
}
