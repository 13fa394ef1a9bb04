package quote

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// maxInsertion is how many characters of the source one editorial
// insertion in square brackets may stand for.
const maxInsertion = 40

// Find reports where quote occurs: one span per gap-separated part, in
// order, each covering the original bytes from the first matched character
// to the last. ok is false when the quote is not in the text; an empty quote
// is never in the text. When the quote occurs several times, the spans are
// those of the first occurrence.
func (s *Source) Find(quote string) (spans []Span, ok bool) {
	q := Normalize(quote)
	if q == "" {
		return nil, false
	}
	parts := parseParts(stripQuotes(q))
	if spans, ok := s.findParts(parts); ok {
		return spans, true
	}
	if len(parts) == 1 && len(parts[0].lits) == 1 && parts[0].lits[0] == q {
		return nil, false // q was looked for as it is
	}
	// Words copied as they are match even if they contain what looks like
	// an ellipsis or brackets.
	if i := index(s.norm, q); i >= 0 {
		return []Span{s.span(i, i+len(q))}, true
	}
	return nil, false
}

// part is the text of a quote between two gaps: literal text with
// insertions (holes) in between. Every literal is non-empty and has no
// space at either end.
type part struct {
	lits  []string
	holes []hole // holes[k] lies between lits[k] and lits[k+1]
}

// hole is an editorial insertion: it stands for up to maxRunes characters.
// spaceBefore and spaceAfter say whether the quote has a space next to the
// brackets, which must then be a space in the source too.
type hole struct {
	maxRunes                int
	spaceBefore, spaceAfter bool
}

// itemKind tells the pieces of a quote apart.
type itemKind int

const (
	textItem   itemKind = iota // words to match as they are
	gapItem                    // an ellipsis
	insertItem                 // [an editorial insertion]
)

type item struct {
	kind itemKind
	text string // the text, or the insertion without its brackets
}

// scanQuote splits a normalized quote into text, gaps and insertions. A gap
// is a run of three or more dots, or "[...]"; an insertion is text in
// square brackets. A "[" without a "]" is just text.
func scanQuote(q string) []item {
	var items []item
	textStart := 0
	flush := func(end int) {
		if end > textStart {
			items = append(items, item{kind: textItem, text: q[textStart:end]})
		}
	}
	for i := 0; i < len(q); {
		switch q[i] {
		case '.':
			j := i
			for j < len(q) && q[j] == '.' {
				j++
			}
			if j-i >= 3 {
				flush(i)
				items = append(items, item{kind: gapItem})
				textStart = j
			}
			i = j
		case '[':
			k := strings.IndexByte(q[i+1:], ']')
			if k < 0 {
				i++
				continue
			}
			flush(i)
			inside := q[i+1 : i+1+k]
			if isEllipsis(inside) {
				items = append(items, item{kind: gapItem})
			} else {
				items = append(items, item{kind: insertItem, text: inside})
			}
			i += k + 2
			textStart = i
		default:
			i++
		}
	}
	flush(len(q))
	return items
}

func isEllipsis(s string) bool {
	s = strings.Trim(s, " ")
	return len(s) >= 3 && strings.Trim(s, ".") == ""
}

// parseParts splits a normalized quote into its gap-separated parts.
// Insertions at the start or end of a part need no source text, so they
// are dropped; adjacent insertions merge into one hole.
func parseParts(q string) []part {
	var (
		parts  []part
		p      part
		h      hole
		inHole bool   // h waits for the literal after it
		prev   string // the text before h
	)
	endPart := func() {
		if len(p.lits) > 0 {
			parts = append(parts, p)
		}
		p, inHole, prev = part{}, false, ""
	}
	for _, it := range scanQuote(q) {
		switch it.kind {
		case gapItem:
			endPart()
		case insertItem:
			if !inHole {
				h = hole{spaceBefore: strings.HasSuffix(prev, " ")}
				inHole = true
			}
			h.maxRunes += maxInsertion
		case textItem:
			prev = it.text
			lit := strings.Trim(it.text, " ")
			switch {
			case lit == "":
				if inHole { // white space between two insertions
					h.maxRunes += len(it.text)
				}
			case inHole && len(p.lits) > 0:
				h.spaceAfter = strings.HasPrefix(it.text, " ")
				p.holes = append(p.holes, h)
				p.lits = append(p.lits, lit)
			default:
				p.lits = append(p.lits, lit)
			}
			if lit != "" {
				inHole = false
			}
		}
	}
	endPart()
	return parts
}

// findParts finds the first occurrence of parts: the first part as early
// as possible and every later part after the one before it. With more than
// one part, all must lie in one paragraph.
func (s *Source) findParts(parts []part) ([]Span, bool) {
	if len(parts) == 0 {
		return nil, false
	}
	ms := make([]*matcher, len(parts))
	for k, p := range parts {
		ms[k] = s.newMatcher(p)
	}
	// The later parts fit best after the earliest possible end of the part
	// before, so once they failed after failedEnd in a paragraph, they fail
	// after any later end in it too.
	failedPara, failedEnd := -1, 0
	for from := 0; ; {
		start, end, ok := ms[0].next(from)
		if !ok {
			return nil, false
		}
		from = start + 1
		if len(parts) == 1 {
			return []Span{s.span(start, end)}, true
		}
		limit := s.paragraphEnd(start)
		if end > limit || limit == failedPara && end >= failedEnd {
			continue
		}
		if rest, ok := s.matchRest(ms[1:], end, limit); ok {
			return append([]Span{s.span(start, end)}, rest...), true
		}
		failedPara, failedEnd = limit, end
	}
}

// matchRest finds parts one after the other in norm[from:limit], each
// ending as early as possible.
func (s *Source) matchRest(ms []*matcher, from, limit int) ([]Span, bool) {
	spans := make([]Span, 0, len(ms))
	for _, m := range ms {
		start, end, ok := m.earliestEnd(from, limit)
		if !ok {
			return nil, false
		}
		spans = append(spans, s.span(start, end))
		from = end
	}
	return spans, true
}

// matcher finds the occurrences of a part in a source.
type matcher struct {
	s *Source
	p part
	// For a part with holes: where matches start, in order, and the
	// earliest end of a match from each start.
	starts, ends []int
}

func (s *Source) newMatcher(p part) *matcher {
	m := &matcher{s: s, p: p}
	if len(p.holes) > 0 {
		m.starts, m.ends = s.holeMatches(p)
	}
	return m
}

// next returns the first match starting at or after from, with its
// earliest end.
func (m *matcher) next(from int) (start, end int, ok bool) {
	if len(m.p.holes) == 0 {
		i := index(m.s.norm[from:], m.p.lits[0])
		if i < 0 {
			return 0, 0, false
		}
		return from + i, from + i + len(m.p.lits[0]), true
	}
	i, _ := slices.BinarySearch(m.starts, from)
	if i == len(m.starts) {
		return 0, 0, false
	}
	return m.starts[i], m.ends[i], true
}

// earliestEnd returns the match in norm[from:limit] that ends first.
func (m *matcher) earliestEnd(from, limit int) (start, end int, ok bool) {
	if len(m.p.holes) == 0 {
		// The first match ends first.
		start, end, ok = m.next(from)
		return start, end, ok && end <= limit
	}
	i, _ := slices.BinarySearch(m.starts, from)
	for ; i < len(m.starts) && m.starts[i] < limit; i++ {
		if ok && m.starts[i] >= end {
			break // later matches end later
		}
		if e := m.ends[i]; e <= limit && (!ok || e < end) {
			start, end, ok = m.starts[i], e, true
		}
	}
	return start, end, ok
}

// holeMatches finds every match of a part with holes: for each
// occurrence of its first literal that starts a match, the earliest end of
// one. It works backwards from the last literal, so that each occurrence of
// a literal is looked at once, however many ways the holes can be filled.
func (s *Source) holeMatches(p part) (starts, ends []int) {
	last := p.lits[len(p.lits)-1]
	next := s.allIndexes(last) // occurrences of the literal after the hole
	nextEnds := make([]int, len(next))
	for i, t := range next {
		nextEnds[i] = t + len(last)
	}
	for k := len(p.holes) - 1; k >= 0; k-- {
		lit, h := p.lits[k], p.holes[k]
		cur := s.allIndexes(lit)
		curEnds := make([]int, len(cur))
		// A window of the matches of the literal after the hole that may
		// follow the current occurrence, kept as a queue whose front has
		// the earliest end.
		var queue []int // indexes into next
		j := 0
		for i, st := range cur {
			curEnds[i] = -1
			e := st + len(lit)
			if h.spaceBefore && (e == len(s.norm) || s.norm[e] != ' ') {
				continue
			}
			lo, hi := e, s.holeLimit(e, h.maxRunes)
			if h.spaceBefore || h.spaceAfter {
				lo++ // the hole is at least a space
			}
			for ; j < len(next) && next[j] <= hi; j++ {
				t := next[j]
				if t < lo || nextEnds[j] < 0 || h.spaceAfter && s.norm[t-1] != ' ' {
					continue
				}
				for len(queue) > 0 && nextEnds[queue[len(queue)-1]] >= nextEnds[j] {
					queue = queue[:len(queue)-1]
				}
				queue = append(queue, j)
			}
			for len(queue) > 0 && next[queue[0]] < lo {
				queue = queue[1:]
			}
			if len(queue) > 0 {
				curEnds[i] = nextEnds[queue[0]]
			}
		}
		next, nextEnds = cur, curEnds
	}
	for i, e := range nextEnds {
		if e >= 0 {
			starts = append(starts, next[i])
			ends = append(ends, e)
		}
	}
	return starts, ends
}

// holeLimit returns where text that fits a hole of maxRunes characters
// after offset e may end at most, not counting a space at either end.
func (s *Source) holeLimit(e, maxRunes int) int {
	if e < len(s.norm) && s.norm[e] == ' ' {
		e++
	}
	for n := 0; n < maxRunes && e < len(s.norm); n++ {
		if s.norm[e] < utf8.RuneSelf {
			e++
		} else {
			_, size := utf8.DecodeRuneInString(s.norm[e:])
			e += size
		}
	}
	if e < len(s.norm) && s.norm[e] == ' ' {
		e++
	}
	return e
}

// allIndexes returns the offsets of every occurrence of lit, overlapping
// ones too.
func (s *Source) allIndexes(lit string) []int {
	var found []int
	for at := 0; ; {
		i := index(s.norm[at:], lit)
		if i < 0 {
			return found
		}
		found = append(found, at+i)
		at += i + 1
	}
}

// index is strings.Index made faster for quotes. strings.Index skips to
// the needle's first byte, which is slow when that byte is common, like
// the "t" of "the", and for needles longer than a few dozen bytes it falls
// back to a slower algorithm. So index looks for a short anchor that starts
// with the rarest byte of sub and checks the rest around it.
func index(s, sub string) int {
	const anchorLen = 32
	if len(sub) == 0 || len(sub) > len(s) {
		return strings.Index(s, sub)
	}
	off := rarestByte(sub)
	anchor := sub[off:min(len(sub), off+anchorLen)]
	for at := off; ; {
		i := strings.Index(s[at:], anchor)
		if i < 0 {
			return -1
		}
		if start := at + i - off; strings.HasPrefix(s[start:], sub) {
			return start
		}
		at += i + 1
	}
}

// commonBytes lists the most common bytes of English text, most common
// first.
const commonBytes = " etaoinsrhldcumfpgwybv,.k-'\"T"

// rarestByte returns the offset of the byte of sub least common in
// English text, the first of equals.
func rarestByte(sub string) int {
	best, bestRank := 0, -1
	for i := 0; i < len(sub); i++ {
		rank := strings.IndexByte(commonBytes, sub[i])
		if rank < 0 {
			return i // not a common byte at all
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}
