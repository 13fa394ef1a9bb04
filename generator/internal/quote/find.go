package quote

import (
	"fmt"
	"slices"
	"strings"
	"sync"
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
	m, ok := s.Match(quote, nil)
	return m.Spans, ok
}

// Match is where a quote was found in its source, and what its gaps and
// brackets stand for there.
type Match struct {
	// Spans are the source text of each gap-separated part of the quote,
	// in order, in the text given to NewSource.
	Spans []Span
	// Edits are the quote's gaps and brackets in the order they are
	// written, each resolved to the source text it stands for. A quote
	// found word for word, dots and brackets included, has none.
	Edits []Edit
	// Findings are what the rules (see the package doc) say of the edits.
	Findings []Finding
	// Page is the page, from 1, where the quote starts.
	Page int
}

// Match finds quote in the source, like Find, resolves each of its gaps and
// brackets to the source text it stands for, and judges them by the rules
// r (nil: English). Of several occurrences it takes the first that breaks
// no rule, else the first with only warnings, else the first. A quote with more than
// 100 gaps and brackets is not looked for: ok is false, and its one
// Finding says why.
func (s *Source) Match(quote string, r *Rules) (Match, bool) {
	return s.match(quote, r, 0, len(s.norm))
}

// MatchPages is Match for a quote that must be on pages first to last
// (from 1) of the source: an occurrence elsewhere does not count.
func (s *Source) MatchPages(quote string, r *Rules, first, last int) (Match, bool) {
	lo, hi := s.pageRange(first, last)
	return s.match(quote, r, lo, hi)
}

// match is Match within norm[lo:hi].
func (s *Source) match(quote string, r *Rules, lo, hi int) (Match, bool) {
	if r == nil {
		r = englishRules()
	}
	q := Normalize(quote)
	if q == "" {
		return Match{}, false
	}
	pq := parseQuote(stripQuotes(q))
	writtenGaps(pq.edits, quote)
	if len(pq.edits) > maxEdits {
		return Match{Findings: []Finding{{Edit: -1, Message: fmt.Sprintf("the quote has %d gaps and brackets; at most %d are checked: quote less, or quote it in pieces", len(pq.edits), maxEdits)}}}, false
	}
	if m, ok := s.matchParsed(pq, r, lo, hi); ok {
		return m, true
	}
	if len(pq.parts) == 1 && len(pq.parts[0].lits) == 1 && pq.parts[0].lits[0] == q {
		return Match{}, false // q was looked for as it is
	}
	// Words copied as they are match even if they contain what looks like
	// an ellipsis or brackets.
	if i := strings.Index(s.norm[lo:], q); i >= 0 && lo+i+len(q) <= hi {
		return Match{Spans: []Span{s.span(lo+i, lo+i+len(q))}, Page: s.pageOf(lo + i)}, true
	}
	return Match{}, false
}

// englishRules are the rules of Match without any given.
var englishRules = sync.OnceValue(func() *Rules { return RulesFor("en", nil) })

// maxEdits bounds the gaps and brackets of one quote, which are more work
// to match than its words.
const maxEdits = 100

// maxTries bounds how many occurrences of a quote Match resolves, looking
// for one whose gaps and brackets break no rule.
const maxTries = 16

func (s *Source) matchParsed(pq parsedQuote, r *Rules, lo, hi int) (Match, bool) {
	if len(pq.parts) == 0 {
		return Match{}, false
	}
	ms := make([]*matcher, len(pq.parts))
	for k, p := range pq.parts {
		ms[k] = s.newMatcher(p)
	}
	var first Match
	for from, try := lo, 0; try < maxTries; try++ {
		found, ok := s.findParts(ms, from)
		if !ok || found[len(found)-1].end > hi {
			break
		}
		from = found[0].start + 1
		// A later occurrence must be of whole words, not the end of one
		// word and the start of another.
		a, z := found[0].start, found[len(found)-1].end
		glued0 := len(pq.parts[0].lead.edits) > 0 && !pq.parts[0].lead.spaceAfter
		lastPart := pq.parts[len(pq.parts)-1]
		gluedN := len(lastPart.trail.edits) > 0 && !lastPart.trail.spaceBefore
		if try > 0 && (!glued0 && wordStart(s.norm, a) != a || !gluedN && wordEnd(s.norm, z) != z) {
			continue
		}
		m := s.resolve(pq, found, r)
		if len(m.Findings) == 0 {
			return m, true
		}
		if try == 0 || first.hasErrors() && !m.hasErrors() {
			first = m // the first with no error, or else the first
		}
	}
	return first, first.Spans != nil
}

// part is the text of a quote between two gaps: literal text with
// insertions (holes) in between. Every literal is non-empty and has no
// space at either end.
type part struct {
	lits  []string
	holes []hole // holes[k] lies between lits[k] and lits[k+1]
	// lead and trail are brackets before the first literal and after the
	// last (none when their edits are empty). They need no source text
	// to match; what they stand for is resolved around the match.
	lead, trail hole
}

// hole is an editorial insertion: it stands for up to maxRunes characters.
// spaceBefore and spaceAfter say whether the quote has a space next to the
// brackets, which must then be a space in the source too.
type hole struct {
	maxRunes                int
	spaceBefore, spaceAfter bool
	// text is the words in the brackets, several adjoining brackets
	// joined by a space; edits are the indexes of those brackets among
	// the quote's edits.
	text  string
	edits []int
}

// parsedQuote is a quote split into parts at its gaps.
type parsedQuote struct {
	parts []part
	// gaps[i] are the gaps (indexes of edits) before parts[i];
	// gaps[len(parts)] those after the last part.
	gaps [][]int
	// edits are the quote's gaps and brackets in order; orphans are
	// brackets with no words of the quote beside them before a gap.
	edits   []Edit
	orphans []int
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
	// start and end are the item's byte range in the scanned text.
	start, end int
}

// scanQuote splits a quote into text, gaps and insertions. A gap is "…",
// a run of three or more dots, or "[...]" or "[…]"; an insertion is text
// in square brackets. A "[" without a "]" is just text. It reads a quote
// as written as well as normalized, so that the renderer finds the same
// gaps and brackets that the matcher resolved.
func scanQuote(q string) []item {
	var items []item
	textStart := 0
	flush := func(end int) {
		if end > textStart {
			items = append(items, item{textItem, q[textStart:end], textStart, end})
		}
	}
	for i := 0; i < len(q); {
		switch {
		case q[i] == '.' || strings.HasPrefix(q[i:], "…"):
			j, dots := i, 0
			for j < len(q) {
				switch {
				case q[j] == '.':
					j, dots = j+1, dots+1
				case strings.HasPrefix(q[j:], "…"):
					j, dots = j+len("…"), dots+3
				case strings.HasPrefix(q[j:], " .") && dots > 0 && (dots >= 2 || strings.HasPrefix(q[j:], " . .")):
					j, dots = j+2, dots+1 // ". . ." as some style guides write it
				default:
					goto counted
				}
			}
		counted:
			if dots >= 3 {
				flush(i)
				items = append(items, item{gapItem, q[i:j], i, j})
				textStart = j
			}
			i = j
		case q[i] == '[':
			k := strings.IndexByte(q[i+1:], ']')
			if k < 0 {
				i++
				continue
			}
			flush(i)
			inside := q[i+1 : i+1+k]
			if isEllipsis(inside) {
				items = append(items, item{gapItem, q[i : i+k+2], i, i + k + 2})
			} else {
				items = append(items, item{insertItem, inside, i, i + k + 2})
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

// writtenGaps gives the gaps of edits, parsed from the normalized quote,
// their text as written in quote ("…", not "..."), for the messages.
func writtenGaps(edits []Edit, quote string) {
	var gaps []string
	for _, it := range scanQuote(quote) {
		if it.kind == gapItem {
			gaps = append(gaps, it.text)
		}
	}
	var at []int // the gaps among edits
	for i, e := range edits {
		if e.Gap {
			at = append(at, i)
		}
	}
	// Each pair must be the same gap: normalizing can merge two and split
	// another, keeping the count.
	if len(at) != len(gaps) {
		return
	}
	for k, i := range at {
		if Normalize(gaps[k]) != edits[i].Text {
			return
		}
	}
	for k, i := range at {
		edits[i].Text = gaps[k]
	}
}

func isEllipsis(s string) bool {
	s = strings.ReplaceAll(strings.Trim(s, " "), "…", "...")
	return len(s) >= 3 && strings.Trim(s, ".") == ""
}

// Mark is a gap or bracket as written in a quote: its byte range.
type Mark struct {
	Start, End int
	Gap        bool
}

// Marks returns the gaps and brackets of text, a quote as written or a
// piece of one, in order: the k-th is Match.Edits[k] of the whole quote
// when text is all of it.
func Marks(text string) []Mark {
	var marks []Mark
	for _, it := range scanQuote(text) {
		if it.kind != textItem {
			marks = append(marks, Mark{it.start, it.end, it.kind == gapItem})
		}
	}
	return marks
}

// parseQuote splits a normalized quote into its gap-separated parts.
// Adjacent insertions merge into one hole.
func parseQuote(q string) parsedQuote {
	var qp quoteParser
	for _, it := range scanQuote(q) {
		qp.item(it)
	}
	qp.endPart()
	qp.pq.gaps = append(qp.pq.gaps, qp.pending)
	return qp.pq
}

// quoteParser is the state of parseQuote.
type quoteParser struct {
	pq      parsedQuote
	p       part
	h       hole
	inHole  bool   // h waits for the literal after it
	prev    string // the text before h
	pending []int  // gaps since the last part
}

func (qp *quoteParser) item(it item) {
	switch it.kind {
	case gapItem:
		qp.endPart()
		qp.pending = append(qp.pending, len(qp.pq.edits))
		qp.pq.edits = append(qp.pq.edits, Edit{Gap: true, Text: it.text})
	case insertItem:
		if !qp.inHole {
			qp.h = hole{spaceBefore: strings.HasSuffix(qp.prev, " ")}
			qp.inHole = true
		}
		h := &qp.h
		h.maxRunes += maxInsertion
		if h.text != "" {
			h.text += " "
		}
		h.text += it.text
		h.edits = append(h.edits, len(qp.pq.edits))
		qp.pq.edits = append(qp.pq.edits, Edit{Text: it.text})
	case textItem:
		qp.prev = it.text
		lit := strings.Trim(it.text, " ")
		p := &qp.p
		switch {
		case lit == "":
			if qp.inHole { // white space between two insertions
				qp.h.maxRunes += len(it.text)
			}
		case qp.inHole && len(p.lits) > 0:
			qp.h.spaceAfter = strings.HasPrefix(it.text, " ")
			p.holes = append(p.holes, qp.h)
			p.lits = append(p.lits, lit)
		case qp.inHole:
			qp.h.spaceAfter = strings.HasPrefix(it.text, " ")
			p.lead = qp.h
			p.lits = append(p.lits, lit)
		default:
			p.lits = append(p.lits, lit)
		}
		if lit != "" {
			qp.inHole = false
		}
	}
}

// endPart ends the part being read, at a gap or the end of the quote.
func (qp *quoteParser) endPart() {
	if qp.inHole {
		if len(qp.p.lits) > 0 {
			qp.p.trail = qp.h
		} else {
			qp.pq.orphans = append(qp.pq.orphans, qp.h.edits...)
		}
	}
	if len(qp.p.lits) > 0 {
		qp.pq.gaps = append(qp.pq.gaps, qp.pending)
		qp.pq.parts = append(qp.pq.parts, qp.p)
		qp.pending = nil
	}
	qp.p, qp.h, qp.inHole, qp.prev = part{}, hole{}, false, ""
}

// nspan is a range of the normalized text.
type nspan struct{ start, end int }

// findParts finds the first occurrence of the parts whose first part
// starts at or after from: the first part as early as possible and every
// later part after the one before it. With more than one part, all must
// lie in one paragraph. It returns where each part is in the normalized
// text.
func (s *Source) findParts(ms []*matcher, from int) ([]nspan, bool) {
	// The later parts fit best after the earliest possible end of the part
	// before, so once they failed after failedEnd in a paragraph, they fail
	// after any later end in it too.
	failedPara, failedEnd := -1, 0
	for {
		start, end, ok := ms[0].next(from)
		if !ok {
			return nil, false
		}
		from = start + 1
		if len(ms) == 1 {
			return []nspan{{start, end}}, true
		}
		limit := s.paragraphEnd(start)
		if end > limit || limit == failedPara && end >= failedEnd {
			continue
		}
		if rest, ok := s.matchRest(ms[1:], end, limit); ok {
			return append([]nspan{{start, end}}, rest...), true
		}
		failedPara, failedEnd = limit, end
	}
}

// matchRest finds parts one after the other in norm[from:limit], each
// ending as early as possible.
func (s *Source) matchRest(ms []*matcher, from, limit int) ([]nspan, bool) {
	spans := make([]nspan, 0, len(ms))
	for _, m := range ms {
		start, end, ok := m.earliestEnd(from, limit)
		if !ok {
			return nil, false
		}
		spans = append(spans, nspan{start, end})
		from = end
	}
	return spans, true
}

// matcher finds the occurrences of a part in a source.
type matcher struct {
	s *Source
	p part
	// For a part without holes: the first occurrence at or after
	// seenFrom is at seenAt (-1: none), so that looking again from any
	// offset up to seenAt costs nothing.
	seenFrom, seenAt int
	// For a part with holes: where matches start, in order, and the
	// earliest end of a match from each start.
	starts, ends []int
}

func (s *Source) newMatcher(p part) *matcher {
	m := &matcher{s: s, p: p, seenFrom: -1}
	if len(p.holes) > 0 {
		m.starts, m.ends = s.holeMatches(p)
	}
	return m
}

// next returns the first match starting at or after from, with its
// earliest end.
func (m *matcher) next(from int) (start, end int, ok bool) {
	if len(m.p.holes) == 0 {
		if m.seenFrom < 0 || from < m.seenFrom || m.seenAt >= 0 && from > m.seenAt {
			m.seenFrom, m.seenAt = from, strings.Index(m.s.norm[from:], m.p.lits[0])
			if m.seenAt >= 0 {
				m.seenAt += from
			}
		}
		if m.seenAt < 0 {
			return 0, 0, false
		}
		return m.seenAt, m.seenAt + len(m.p.lits[0]), true
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
	seen := map[string][]int{} // each literal's occurrences, found once
	occurrences := func(lit string) []int {
		o, ok := seen[lit]
		if !ok {
			o = s.allIndexes(lit)
			seen[lit] = o
		}
		return o
	}
	last := p.lits[len(p.lits)-1]
	next := occurrences(last) // occurrences of the literal after the hole
	nextEnds := make([]int, len(next))
	var spare []int // the ends of the literal before last, to be used again
	for i, t := range next {
		nextEnds[i] = t + len(last)
	}
	for k := len(p.holes) - 1; k >= 0; k-- {
		if !slices.ContainsFunc(nextEnds, func(e int) bool { return e >= 0 }) {
			return nil, nil // no match of the rest: none of the part
		}
		lit, h := p.lits[k], p.holes[k]
		cur := occurrences(lit)
		curEnds := spare[:0]
		if cap(curEnds) < len(cur) {
			curEnds = make([]int, len(cur))
		}
		curEnds = curEnds[:len(cur)]
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
		next, nextEnds, spare = cur, curEnds, nextEnds
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
		i := strings.Index(s.norm[at:], lit)
		if i < 0 {
			return found
		}
		found = append(found, at+i)
		at += i + 1
	}
}
