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

// fits reports whether the source text g may stand where the hole is.
func (h hole) fits(g string) bool {
	switch {
	case h.spaceBefore && h.spaceAfter:
		if g != " " && (len(g) < 2 || g[0] != ' ' || g[len(g)-1] != ' ') {
			return false
		}
	case h.spaceBefore:
		if g == "" || g[0] != ' ' {
			return false
		}
	case h.spaceAfter:
		if g == "" || g[len(g)-1] != ' ' {
			return false
		}
	}
	return utf8.RuneCountInString(strings.Trim(g, " ")) <= h.maxRunes
}

// maxBytes bounds the length of source text that fits the hole.
func (h hole) maxBytes() int { return h.maxRunes*utf8.UTFMax + 2 }

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
	first := parts[0]
	// The later parts fit best after the earliest possible end of the part
	// before, so once they failed after failedEnd in a paragraph, they fail
	// after any later end in it too.
	failedPara, failedEnd := -1, 0
	for from := 0; ; {
		i := index(s.norm[from:], first.lits[0])
		if i < 0 {
			return nil, false
		}
		start := from + i
		from = start + 1
		limit := len(s.norm)
		if len(parts) > 1 {
			limit = s.paragraphEnd(start)
		}
		end, ok := s.matchPart(first, start, limit)
		if !ok {
			continue
		}
		if len(parts) == 1 {
			return []Span{s.span(start, end)}, true
		}
		if limit == failedPara && end >= failedEnd {
			continue
		}
		if rest, ok := s.matchRest(parts[1:], end, limit); ok {
			return append([]Span{s.span(start, end)}, rest...), true
		}
		failedPara, failedEnd = limit, end
	}
}

// matchRest finds parts one after the other in norm[from:limit], each
// ending as early as possible.
func (s *Source) matchRest(parts []part, from, limit int) ([]Span, bool) {
	spans := make([]Span, 0, len(parts))
	for _, p := range parts {
		start, end, ok := s.earliestEnd(p, from, limit)
		if !ok {
			return nil, false
		}
		spans = append(spans, s.span(start, end))
		from = end
	}
	return spans, true
}

// earliestEnd finds the occurrence of p in norm[from:limit] that ends
// first.
func (s *Source) earliestEnd(p part, from, limit int) (start, end int, ok bool) {
	for at := from; at < limit; {
		i := index(s.norm[at:limit], p.lits[0])
		if i < 0 {
			break
		}
		st := at + i
		if ok && st >= end {
			break // any later occurrence ends later
		}
		if e, found := s.matchPart(p, st, limit); found && (!ok || e < end) {
			start, end, ok = st, e, true
		}
		at = st + 1
	}
	return start, end, ok
}

// matchPart reports the earliest end of an occurrence of p that starts at
// start, where p's first literal occurs, and ends by limit. It follows every
// way the holes can be filled, since the first literal found after a hole
// need not be the one that lets the rest match.
func (s *Source) matchPart(p part, start, limit int) (end int, ok bool) {
	ends := []int{start + len(p.lits[0])}
	if ends[0] > limit {
		return 0, false
	}
	for k, h := range p.holes {
		lit := p.lits[k+1]
		var next []int
		for _, pos := range ends {
			windowEnd := min(limit, pos+h.maxBytes()+len(lit))
			for at := pos; at < windowEnd; {
				i := index(s.norm[at:windowEnd], lit)
				if i < 0 {
					break
				}
				t := at + i
				if h.fits(s.norm[pos:t]) {
					next = append(next, t+len(lit))
				}
				at = t + 1
			}
		}
		if len(next) == 0 {
			return 0, false
		}
		slices.Sort(next)
		ends = slices.Compact(next)
	}
	return ends[0], true
}

// index is strings.Index, faster for long quotes: it looks for a short
// prefix, which strings.Index finds with vector instructions, instead of
// the whole quote, for which it falls back to a slower algorithm.
func index(s, sub string) int {
	const prefixLen = 32
	if len(sub) <= prefixLen {
		return strings.Index(s, sub)
	}
	prefix, rest := sub[:prefixLen], sub[prefixLen:]
	for at := 0; ; {
		i := strings.Index(s[at:], prefix)
		if i < 0 {
			return -1
		}
		if strings.HasPrefix(s[at+i+prefixLen:], rest) {
			return at + i
		}
		at += i + 1
	}
}
