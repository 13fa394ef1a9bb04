package quote

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// maxOccurrences is how often a word may occur in a source and still
	// help locate a passage; more common words are skipped.
	maxOccurrences = 1000
	// maxQuoteWords bounds the words of a quote that Closest compares.
	maxQuoteWords = 1000
	// diffContext is how many unchanged words a diff shows around a change.
	diffContext = 3
	// gapSlack is how far apart the words around a gap may be looked for,
	// and maxSlack how much room all the gaps of a quote get together.
	gapSlack = 1000
	maxSlack = 4 * gapSlack
	// The costs of a quote word missing from the passage, of a passage word
	// missing from the quote and of a word changed in case or punctuation,
	// see align.
	deleteCost = 2
	insertCost = 1
	alikeCost  = 1
)

// Closest finds the passage of the source most like quote, for a misquote
// error. passage is where that passage is in the text given to
// NewSource, with the rest of the sentences it starts and ends in, to be
// shown as the source has it; changes say where the quote differs from
// it, word by word, in normalized words. Gaps and insertions of the
// quote may stand for any source words. passage is empty (Start == End)
// when the source has none of the quote's words; changes is empty when
// the passage has every word of the quote.
//
// The work is bounded for large sources: the passage is looked for where
// most of the quote's less common words occur close together.
func (s *Source) Closest(quote string) (passage Span, diffs []Change) {
	toks := quoteTokens(stripQuotes(Normalize(quote)))
	// A gap or insertion at either end of the quote stands for nothing.
	for len(toks) > 0 && toks[0].free {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].free {
		toks = toks[:len(toks)-1]
	}
	if len(toks) > maxQuoteWords {
		toks = toks[:maxQuoteWords]
	}
	lo, hi, ok := s.window(toks)
	if !ok {
		return Span{}, nil
	}
	words := splitWords(s.norm, lo, hi)
	ops, first, last := align(toks, words, s.norm)
	if first == last {
		return Span{}, nil
	}
	// The passage in full: from the start of its first sentence to the
	// end of its last.
	a, z := words[first].start, words[last-1].end
	return s.span(s.sentenceStart(a), max(z, s.sentenceEnd(z-1))), changes(ops)
}

// token is a word of a quote, or a gap or insertion (free), which may
// stand for any number of source words. In Chinese and Japanese text,
// which puts no spaces between words, each character is a word.
type token struct {
	text string
	free bool
}

// units calls yield with each word of a space-separated word: the word,
// or in a run of CJK characters each character alone, with its offsets.
func units(w string, yield func(start, end int)) {
	start := 0
	for i, r := range w {
		if !isCJK(r) {
			continue
		}
		if i > start {
			yield(start, i)
		}
		end := i + utf8.RuneLen(r)
		yield(i, end)
		start = end
	}
	if start < len(w) {
		yield(start, len(w))
	}
}

// WordCount is the number of words of s as Closest counts them: its
// space-separated words, each CJK character one word.
func WordCount(s string) int {
	n := 0
	for w := range strings.FieldsSeq(s) {
		units(w, func(int, int) { n++ })
	}
	return n
}

// joinWords joins words with spaces, but none beside a CJK character: the
// words of a change or its context as the text has them.
func joinWords(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(words[i-1])
			next, _ := utf8.DecodeRuneInString(w)
			if !isCJK(prev) && !isCJK(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

func quoteTokens(q string) []token {
	var toks []token
	for _, it := range scanQuote(q) {
		switch it.kind {
		case gapItem:
			toks = append(toks, token{text: "…", free: true})
		case insertItem:
			toks = append(toks, token{text: "[" + it.text + "]", free: true})
		default:
			for w := range strings.FieldsSeq(it.text) {
				units(w, func(a, b int) { toks = append(toks, token{text: w[a:b]}) })
			}
		}
	}
	return toks
}

// window returns a stretch norm[lo:hi] of the source, on word boundaries,
// that holds the passage most like the quote's words: it centres on the
// place where most different quote words occur within the length of the
// quote, with room for the passage to be longer than the quote.
func (s *Source) window(toks []token) (lo, hi int, ok bool) {
	type occurrence struct{ pos, word int }
	var (
		occs   []occurrence
		common []occurrence // occurrences of words too common to count on
		words  []string     // the distinct words of the quote
		qlen   int
		slack  int // room for what gaps leave out
	)
	for _, t := range toks {
		if t.free {
			// An insertion stands for a few words, a gap for any number:
			// room for them, up to maxSlack in all.
			if strings.HasPrefix(t.text, "[") {
				slack += maxInsertion
			} else {
				slack += gapSlack
			}
			slack = min(slack, maxSlack)
			continue
		}
		qlen += len(t.text) + 1
		if slices.Contains(words, t.text) {
			continue
		}
		id := len(words)
		words = append(words, t.text)
		found := wordOccurrences(s.norm, t.text, maxOccurrences+1)
		for _, p := range found {
			if len(found) > maxOccurrences {
				common = append(common, occurrence{p, id})
			} else {
				occs = append(occs, occurrence{p, id})
			}
		}
	}
	if len(occs) == 0 {
		occs = common
	}
	if len(occs) == 0 {
		return 0, 0, false
	}
	slices.SortFunc(occs, func(a, b occurrence) int { return a.pos - b.pos })

	// Slide a window as long as the quote over the occurrences, counting
	// the different words in it.
	counts := make([]int, len(words))
	distinct, best, bestPos := 0, 0, 0
	r := 0
	for _, o := range occs {
		for ; r < len(occs) && occs[r].pos < o.pos+qlen; r++ {
			if counts[occs[r].word]++; counts[occs[r].word] == 1 {
				distinct++
			}
		}
		if distinct > best {
			best, bestPos = distinct, o.pos
		}
		if counts[o.word]--; counts[o.word] == 0 {
			distinct--
		}
	}
	lo = max(0, bestPos-qlen-slack)
	hi = min(len(s.norm), bestPos+2*qlen+slack)
	// On word boundaries: a space near by, or in text without spaces
	// (Chinese, Japanese) the start of a character.
	const near = 64
	if lo > 0 {
		if i := strings.LastIndexByte(s.norm[max(0, lo-near):lo], ' '); i >= 0 {
			lo = max(0, lo-near) + i + 1
		}
		for lo > 0 && !utf8.RuneStart(s.norm[lo]) {
			lo--
		}
	}
	if i := strings.IndexByte(s.norm[hi:min(len(s.norm), hi+near)], ' '); i >= 0 {
		hi += i
	} else if hi+near >= len(s.norm) {
		hi = len(s.norm)
	}
	for hi < len(s.norm) && !utf8.RuneStart(s.norm[hi]) {
		hi++
	}
	return lo, hi, true
}

// wordOccurrences returns the offsets of up to limit occurrences of w as a
// whole word in text.
func wordOccurrences(text, w string, limit int) []int {
	var found []int
	for at := 0; len(found) < limit; {
		i := strings.Index(text[at:], w)
		if i < 0 {
			break
		}
		p := at + i
		end := p + len(w)
		if boundary(text, p) && boundary(text, end) {
			found = append(found, p)
		}
		at = p + 1
	}
	return found
}

// boundary reports whether offset i of text is between two words: at
// either end, beside a space, or beside a CJK character.
func boundary(text string, i int) bool {
	if i == 0 || i == len(text) || text[i-1] == ' ' || text[i] == ' ' {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	return isCJK(before) || isCJK(after)
}

type wordPos struct{ start, end int }

// splitWords returns the words of text[lo:hi] (see units).
func splitWords(text string, lo, hi int) []wordPos {
	var words []wordPos
	for i := lo; i < hi; {
		if text[i] == ' ' {
			i++
			continue
		}
		j := i + strings.IndexByte(text[i:hi]+" ", ' ')
		units(text[i:j], func(a, b int) { words = append(words, wordPos{i + a, i + b}) })
		i = j
	}
	return words
}

type opKind int

const (
	opSame   opKind = iota // a word in both
	opDelete               // a quote word the source lacks
	opInsert               // a source word the quote lacks
	opFree                 // a gap or insertion of the quote
)

type op struct {
	kind opKind
	text string
}

// align compares the quote's tokens with the words of a stretch of source
// and returns the edits that turn the quote into the passage of the source
// that needs the fewest, with words[first:last] that passage. Source words
// before and after the passage cost nothing, and a free token takes in
// source words at no cost. Otherwise a source word the quote lacks costs
// one and a quote word the source lacks costs two, so the passage rather
// grows to take in what the quote says than leaves quote words unmatched.
// A quote word replaced by a source word that differs only in case or
// punctuation costs one, so such a change at either end of the quote still
// shows the source's word.
func align(toks []token, words []wordPos, text string) (ops []op, first, last int) {
	n, m := len(toks), len(words)
	w := m + 1
	cost := make([]int32, (n+1)*w) // cost[i*w+j]: toks[:i] against a passage ending before words[j]
	word := func(j int) string { return text[words[j-1].start:words[j-1].end] }
	// As in Find, a quote word next to the start or end of the quote or to
	// a gap or insertion may be part of a source word.
	same := func(i, j int) bool {
		t, w := toks[i-1].text, word(j)
		left := i == 1 || toks[i-2].free
		right := i == n || toks[i].free
		switch {
		case left && right:
			return strings.Contains(w, t)
		case left:
			return strings.HasSuffix(w, t)
		case right:
			return strings.HasPrefix(w, t)
		}
		return t == w
	}
	for i := 1; i <= n; i++ {
		row, up := cost[i*w:(i+1)*w], cost[(i-1)*w:i*w]
		t := toks[i-1]
		if t.free {
			row[0] = up[0]
			for j := 1; j <= m; j++ {
				row[j] = min(up[j], row[j-1])
			}
			continue
		}
		row[0] = up[0] + deleteCost
		for j := 1; j <= m; j++ {
			c := min(up[j]+deleteCost, row[j-1]+insertCost)
			switch {
			case same(i, j):
				c = min(c, up[j-1])
			case alike(t.text, word(j)):
				c = min(c, up[j-1]+alikeCost)
			}
			row[j] = c
		}
	}
	// The passage ends where the quote costs least; of equal ends, the
	// last, which takes in more of the quote.
	last = 0
	for j := 1; j <= m; j++ {
		if cost[n*w+j] <= cost[n*w+last] {
			last = j
		}
	}
	// Walk back, preferring matches, then replacements, then dropped quote
	// words, so a free token takes in as few words as it must.
	i, j := n, last
	for i > 0 {
		t := toks[i-1]
		c, up := cost[i*w+j], cost[(i-1)*w+j]
		switch {
		case t.free && c == up:
			ops = append(ops, op{opFree, t.text})
			i--
		case t.free:
			j-- // taken in by the free token
		case j > 0 && same(i, j) && c == cost[(i-1)*w+j-1]:
			ops = append(ops, op{opSame, t.text})
			i, j = i-1, j-1
		case j > 0 && alike(t.text, word(j)) && c == cost[(i-1)*w+j-1]+alikeCost:
			ops = append(ops, op{opInsert, word(j)}, op{opDelete, t.text})
			i, j = i-1, j-1
		case c == up+deleteCost:
			ops = append(ops, op{opDelete, t.text})
			i--
		default:
			ops = append(ops, op{opInsert, word(j)})
			j--
		}
	}
	slices.Reverse(ops)
	return ops, j, last
}

// alike reports whether two words differ only in case or in punctuation
// around them, like "process," and "Process".
func alike(a, b string) bool {
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
	}
	a, b = trim(a), trim(b)
	return a != "" && strings.EqualFold(a, b)
}

// Change is a difference between a quote and the passage most like it:
// words the quote has where the source has others, or none.
type Change struct {
	Quote, Source string // the quote's words and the source's ("" for none)
	// Context is the source's words around the change, the change
	// included.
	Context string
}

// String says the change in an editor's words.
func (c Change) String() string {
	switch {
	case c.Quote == "":
		return fmt.Sprintf("the source has %q, which the quote leaves out: %q", c.Source, c.Context)
	case c.Source == "":
		return fmt.Sprintf("you wrote %q, which the source does not have: %q", c.Quote, c.Context)
	}
	return fmt.Sprintf("you wrote %q, the source has %q: %q", c.Quote, c.Source, c.Context)
}

// changes lists the changes of ops, each with a few of the source's words
// around it.
func changes(ops []op) []Change {
	var out []Change
	for i := 0; i < len(ops); {
		if k := ops[i].kind; k == opSame || k == opFree {
			i++
			continue
		}
		var del, ins, ctx []string
		for b := i - 1; b >= 0 && len(ctx) < diffContext && ops[b].kind == opSame; b-- {
			ctx = append([]string{ops[b].text}, ctx...)
		}
		j := i
		for ; j < len(ops) && ops[j].kind != opSame && ops[j].kind != opFree; j++ {
			if ops[j].kind == opDelete {
				del = append(del, ops[j].text)
			} else {
				ins = append(ins, ops[j].text)
				ctx = append(ctx, ops[j].text)
			}
		}
		for a := j; a < len(ops) && a < j+diffContext && ops[a].kind == opSame; a++ {
			ctx = append(ctx, ops[a].text)
		}
		out = append(out, Change{joinWords(del), joinWords(ins), joinWords(ctx)})
		i = j
	}
	return out
}
