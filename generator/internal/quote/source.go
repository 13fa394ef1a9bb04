package quote

import (
	"sort"
	"strings"
)

// Source is a source's text prepared once for matching many quotes. It is
// not changed after NewSource, so any number of goroutines may use it.
type Source struct {
	norm  string // the normalized text
	segs  []seg  // where each byte of norm came from, in order
	paras []int  // offsets in norm of the spaces that stand for paragraph breaks
	pages []int  // offsets in norm where the pages after the first start
}

// NewSource prepares text, plain text whose paragraphs are separated by
// blank lines, for matching quotes. A form feed in white space starts a
// new page.
func NewSource(text string) *Source {
	n := normalizer{track: true}
	n.run(text)
	return &Source{norm: n.out.String(), segs: n.segs, paras: n.paras, pages: n.pages}
}

// Span is a byte range [Start, End) of the text given to NewSource.
type Span struct{ Start, End int }

// span maps the normalized range [start, end), which starts and ends with
// a visible character, to the original text.
func (s *Source) span(start, end int) Span {
	return Span{Start: s.origStart(start), End: s.origEnd(end)}
}

// origStart returns the original offset of the character at normalized
// offset n.
func (s *Source) origStart(n int) int {
	g := s.segs[s.segAt(n)]
	if g.exact {
		return g.orig + n - g.norm
	}
	return g.orig
}

// origEnd returns the original offset just after the character that ends
// at normalized offset n.
func (s *Source) origEnd(n int) int {
	g := s.segs[s.segAt(n-1)]
	if g.exact {
		return g.orig + n - g.norm
	}
	return g.orig + g.origLen
}

// segAt returns the index of the segment holding normalized offset n.
func (s *Source) segAt(n int) int {
	return sort.Search(len(s.segs), func(i int) bool { return s.segs[i].norm > n }) - 1
}

// paragraphEnd returns the normalized offset where the paragraph holding
// offset n ends.
func (s *Source) paragraphEnd(n int) int {
	if i := sort.SearchInts(s.paras, n); i < len(s.paras) {
		return s.paras[i]
	}
	return len(s.norm)
}

// stripQuotes drops a pair of quotation marks around a normalized quote.
// Double quotes are kept when there are more inside, as in "yes" and "no";
// single quotes cannot be told from apostrophes, so a pair is always dropped.
func stripQuotes(q string) string {
	if len(q) < 2 || q[0] != q[len(q)-1] {
		return q
	}
	inner := q[1 : len(q)-1]
	if q[0] == '\'' || q[0] == '"' && !strings.Contains(inner, `"`) {
		return strings.Trim(inner, " ")
	}
	return q
}

// Pages returns how many pages the text has: one more than its form
// feeds.
func (s *Source) Pages() int { return len(s.pages) + 1 }

// pageOf returns the page, from 1, that holds normalized offset n.
func (s *Source) pageOf(n int) int {
	return sort.SearchInts(s.pages, n+1) + 1
}

// pageRange returns the normalized range of pages first to last.
func (s *Source) pageRange(first, last int) (lo, hi int) {
	lo, hi = 0, len(s.norm)
	if first > 1 && first-2 < len(s.pages) {
		lo = s.pages[first-2]
	}
	if last-1 < len(s.pages) {
		hi = s.pages[last-1] - 1
	}
	return lo, hi
}
