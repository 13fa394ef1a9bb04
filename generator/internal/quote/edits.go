package quote

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Edit is a gap or a bracket of a quote, resolved to the source text it
// stands for.
type Edit struct {
	// Gap is true for an ellipsis, false for a bracket.
	Gap bool
	// Text is the bracket's words without the brackets, or the ellipsis
	// as written.
	Text string
	// Source is the source text the edit stands for, in the text given to
	// NewSource; Start == End where it stands for none (an insertion).
	Source Span
	// Words is that text, normalized.
	Words string
	// Edge is set on a gap at the start or end of a quote, which stands
	// for the rest of the sentence there.
	Edge bool
	// Joined is set on a bracket that stands for Source together with the
	// bracket after it, as "[a] [b]" does.
	Joined bool
}

// Finding is what a rule says of an edit.
type Finding struct {
	Edit    int // the index of the edit in Match.Edits; -1 for the whole quote
	Warning bool
	Message string
}

func (m Match) hasErrors() bool {
	for _, f := range m.Findings {
		if !f.Warning {
			return true
		}
	}
	return false
}

// resolve fills in what each edit of pq stands for in the occurrence
// found, and judges the edits.
func (s *Source) resolve(pq parsedQuote, found []nspan, r *Rules) Match {
	m := Match{Spans: make([]Span, len(found)), Page: s.pageOf(found[0].start)}
	for k, f := range found {
		m.Spans[k] = s.span(f.start, f.end)
	}
	j := judge{s: s, r: r, m: &m}
	j.wholeWords(pq, found)
	if len(pq.edits) == 0 {
		return m
	}
	m.Edits = slices.Clone(pq.edits)
	for k, p := range pq.parts {
		f := found[k]
		// Before the part: the gaps since the part before.
		if gaps := pq.gaps[k]; len(gaps) > 0 {
			if k == 0 {
				lo := s.sentenceStart(f.start)
				j.gap(gaps, lo, f.start, true, f.start, f.end)
			} else {
				j.gap(gaps, found[k-1].end, f.start, false, f.start, f.end)
			}
		}
		starts := s.place(p, f.start, f.end)
		for h, hl := range p.holes {
			a := starts[h] + len(p.lits[h])
			z := starts[h+1]
			j.bracket(hl, a, z, starts[h], starts[h+1]+len(p.lits[h+1]))
		}
		if len(p.lead.edits) > 0 {
			j.lead(p.lead, f.start, f.end)
		}
		if len(p.trail.edits) > 0 {
			j.trail(p.trail, f.start, f.end)
		}
	}
	if gaps := pq.gaps[len(pq.parts)]; len(gaps) > 0 && len(found) > 0 {
		last := found[len(found)-1]
		j.gap(gaps, last.end, s.sentenceEnd(last.end), true, last.start, last.end)
	}
	for _, e := range pq.orphans {
		j.insertion(e, m.Edits[e].Text)
	}
	return m
}

// negativePrefixes are the starts of words that negate the rest ("un" of
// "unlikely"): a quote that starts after one says the opposite.
var negativePrefixes = []string{"un", "in", "im", "il", "ir", "non", "dis", "non-"}

// wholeWords judges a quote found at found that starts or ends inside a
// word of the source, without brackets there that say so: a quote that
// starts after a negative prefix ("likely" of "unlikely") is an error, and
// any other cut word a warning. Chinese and Japanese have no spaces to
// tell words by.
func (j judge) wholeWords(pq parsedQuote, found []nspan) {
	norm := j.s.norm
	a, z := found[0].start, found[len(found)-1].end
	p0, pn := pq.parts[0], pq.parts[len(pq.parts)-1]
	if ws := wordStart(norm, a); ws < a && (len(p0.lead.edits) == 0 || p0.lead.spaceAfter) && !j.cjkAt(a) {
		cut := norm[ws:a]
		word := norm[ws:wordEnd(norm, a)]
		if slices.Contains(negativePrefixes, strings.ToLower(cut)) {
			j.find(-1, false, "the quote starts inside the word %q: it leaves out %q, which negates the word", word, cut)
		} else {
			j.find(-1, true, "the quote starts inside the word %q: it leaves out %q", word, cut)
		}
	}
	if we := wordEnd(norm, z); we > z && (len(pn.trail.edits) == 0 || pn.trail.spaceBefore) && !j.cjkBefore(z) {
		j.find(-1, true, "the quote ends inside the word %q: it leaves out %q", norm[wordStart(norm, z):we], norm[z:we])
	}
}

// cjkAt reports whether the character at normalized offset n is Chinese
// or Japanese; cjkBefore whether the one that ends at n is.
func (j judge) cjkAt(n int) bool {
	r, _ := utf8.DecodeRuneInString(j.s.norm[n:])
	return isCJK(r)
}

func (j judge) cjkBefore(n int) bool {
	r, _ := utf8.DecodeLastRuneInString(j.s.norm[:n])
	return isCJK(r)
}

// place returns where each literal of p starts in a match found at
// norm[start:end]: the first at start, the last ending at end, each hole
// taking as little text as it can, the earlier holes first.
func (s *Source) place(p part, start, end int) []int {
	starts := make([]int, len(p.lits))
	starts[0] = start
	if len(p.lits) == 1 {
		return starts
	}
	failed := map[[2]int]bool{}
	var fit func(k, at int) bool // literal k at offset at leads to end
	fit = func(k, at int) bool {
		e := at + len(p.lits[k])
		if k == len(p.lits)-1 {
			return e == end
		}
		if failed[[2]int{k, at}] {
			return false
		}
		h, next := p.holes[k], p.lits[k+1]
		if !h.spaceBefore || e < len(s.norm) && s.norm[e] == ' ' {
			lo, hi := e, s.holeLimit(e, h.maxRunes)
			if h.spaceBefore || h.spaceAfter {
				lo++
			}
			for t := lo; t <= hi && t <= end; t++ {
				i := strings.Index(s.norm[t:min(len(s.norm), hi+len(next))], next)
				if i < 0 {
					break
				}
				t += i
				if t > hi {
					break
				}
				if h.spaceAfter && s.norm[t-1] != ' ' {
					continue
				}
				starts[k+1] = t
				if fit(k+1, t) {
					return true
				}
			}
		}
		failed[[2]int{k, at}] = true
		return false
	}
	fit(0, start)
	return starts
}

// sentenceStart returns the start of the sentence holding offset n,
// within its paragraph.
func (s *Source) sentenceStart(n int) int {
	lo := s.paragraphStart(n)
	for i := n; i > lo; i-- {
		if i < n && s.norm[i] == ' ' && endsSentence(s.norm[lo:i]) {
			return i + 1
		}
		if s.breaksWithoutSpace(lo, i) {
			return i
		}
	}
	return lo
}

// sentenceEnd returns the end of the sentence that goes on at offset n,
// within its paragraph.
func (s *Source) sentenceEnd(n int) int {
	hi := s.paragraphEnd(n)
	for i := n; i < hi; i++ {
		if s.norm[i] == ' ' && i > n && endsSentence(s.norm[n:i]) {
			return i
		}
		if i > n && s.breaksWithoutSpace(n, i) {
			return i
		}
	}
	return hi
}

// breaksWithoutSpace reports whether one sentence ends and the next
// starts at offset i of the normalized text, lo the start of the stretch
// looked at, in Chinese or Japanese, which put no space between
// sentences: after "。", or after "!" or "?" (the full-width marks
// normalized) when a CJK character follows.
func (s *Source) breaksWithoutSpace(lo, i int) bool {
	if i <= lo || i >= len(s.norm) || !utf8.RuneStart(s.norm[i]) {
		return false
	}
	before := strings.TrimRight(s.norm[lo:i], "」』\"')]")
	if strings.HasSuffix(before, "。") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s.norm[i:])
	return isCJK(r) && (strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?"))
}

// paragraphStart returns the normalized offset where the paragraph holding
// offset n starts.
func (s *Source) paragraphStart(n int) int {
	start := 0
	for _, p := range s.paras {
		if p >= n {
			break
		}
		start = p + 1
	}
	return start
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"')]`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "。")
}

// clausePunct reports whether r ends or starts a clause: a comma,
// semicolon, colon, sentence end, dash or parenthesis.
func clausePunct(r rune) bool {
	return strings.ContainsRune(",;:.!?-()。、；：！？", r)
}

// judge resolves the edits of one match and applies the rules to them.
type judge struct {
	s *Source
	r *Rules
	m *Match
}

func (j judge) set(edits []int, a, z int) {
	sp := j.s.spanOrEmpty(a, z)
	for i, e := range edits {
		ed := &j.m.Edits[e]
		ed.Source, ed.Words = sp, strings.Trim(j.s.norm[a:z], " ")
		ed.Joined = i < len(edits)-1
	}
}

func (j judge) find(edit int, warning bool, format string, args ...any) {
	j.m.Findings = append(j.m.Findings, Finding{Edit: edit, Warning: warning, Message: fmt.Sprintf(format, args...)})
}

// gap resolves the gaps edits, which stand for norm[a:z], and judges them.
// The quote's words beside them are norm[keptStart:keptEnd] (the part
// after an inner gap or a leading one, before a trailing one).
func (j judge) gap(edits []int, a, z int, edge bool, keptStart, keptEnd int) {
	j.set(edits, a, z)
	e := edits[len(edits)-1]
	for _, k := range edits {
		j.m.Edits[k].Edge = edge
	}
	omitted := strings.Trim(j.s.norm[a:z], " ")
	if omitted == "" {
		return
	}
	text := j.m.Edits[e].Text
	if edge {
		// The words next to the quote's, in their clause and back to a
		// conjunction, may negate them: "There is no evidence that ...",
		// "... are false".
		var near []string
		if a < keptStart { // before the quote
			tail := clauseTail(omitted)
			near = j.r.lastWords(tail[max(0, len(tail)-400):])
		} else {
			head := clauseHead(omitted)
			near = j.r.firstWords(head[:min(len(head), 400)])
		}
		// A word such as "without" negates what follows it: it counts
		// only right after the quote ("at scale ... without detection").
		neg := j.r.negationIn(near, strings.Join(near, " "), true)
		if neg == "" && a >= keptStart && len(near) > 0 && j.r.weak[near[0]] {
			neg = near[0]
		}
		if neg != "" {
			j.find(e, false, "the gap %q leaves out %q, which negates the quoted words: the source has %q", text, neg, strings.Join(near, " "))
		}
		return
	}
	if slices.Contains(negativePrefixes, strings.ToLower(omitted)) && wordStart(j.s.norm, z) < z+1 && wordEnd(j.s.norm, z) > z {
		if next, _ := utf8.DecodeRuneInString(j.s.norm[z:]); isWordRune(next) {
			j.find(e, false, "the gap %q leaves out %q of the word %q, which negates it", text, omitted, j.context(a, z))
			return
		}
	}
	if j.joinsSentences(a, z) {
		j.find(e, false, "the gap %q joins words of different sentences: it leaves out %q", text, shorten(omitted))
		return
	}
	if j.wholeClauses(a, z) {
		if strings.Count(omitted, " ") < 4 && j.hedge(strings.Fields(omitted)) != "" {
			j.find(e, true, "the gap %q leaves out %q, which qualifies the words kept", text, omitted)
		}
		return
	}
	// A negation counts unless a conjunction or the end of a clause ends
	// its reach inside the words left out ("did not deploy X and").
	if neg := j.r.negations(j.lastReach(omitted)); neg != "" {
		j.find(e, false, "the gap %q leaves out %q, which negates the words kept: the source has %q", text, neg, j.context(a, z))
		return
	}
	j.find(e, true, "the gap %q cuts mid-phrase: it leaves out %q (a gap should leave out whole clauses or sentences)", text, shorten(omitted))
}

// lastReach returns the end of s that a negation in it may reach past: the
// words after its last conjunction, semicolon, colon or full stop, at
// most 40 of them.
func (j judge) lastReach(s string) string {
	start, words := len(s), 0
	for start > 0 && words < 40 {
		i := strings.LastIndexByte(s[:start], ' ')
		w := s[i+1 : start]
		if j.r.coord[strings.ToLower(w)] || strings.ContainsAny(w, ";:.") {
			break
		}
		start, words = max(i, 0), words+1
	}
	return s[start:]
}

// shorten returns s, or its start and end with "…" between when it is
// longer than a message should quote.
func shorten(s string) string {
	const most = 200
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	r := []rune(s)
	return string(r[:most/2]) + " … " + string(r[len(r)-most/2:])
}

// hedge returns the first word of words that qualifies a claim, or "".
func (j judge) hedge(words []string) string {
	for _, w := range words {
		if t := tokens(w); len(t) == 1 && j.r.hedges[t[0]] {
			return t[0]
		}
	}
	return ""
}

// joinsSentences reports whether norm[a:z], text a gap leaves out, holds
// the end of a sentence but does not itself start and end with one: the
// quote then joins the start of one sentence to the end of another.
func (j judge) joinsSentences(a, z int) bool {
	norm := j.s.norm
	omitted := strings.Trim(norm[a:z], " ")
	inner := false
	for i := 1; i < len(omitted) && !inner; i++ {
		if omitted[i] != ' ' {
			continue
		}
		k := i - 1
		for k > 0 && strings.IndexByte(`"')]`, omitted[k]) >= 0 {
			k--
		}
		inner = strings.IndexByte(".!?", omitted[k]) >= 0
	}
	if !inner {
		return false
	}
	before := strings.TrimRight(norm[:a], " ")
	startsSentence := before == "" || endsSentence(before)
	return !startsSentence || !endsSentence(omitted)
}

// wholeClauses reports whether norm[a:z], text a gap leaves out, starts
// and ends at a clause or sentence boundary: punctuation, a conjunction,
// or a list of examples ("such as ...").
func (j judge) wholeClauses(a, z int) bool {
	norm := j.s.norm
	omitted := strings.Trim(norm[a:z], " ")
	before := strings.TrimRight(norm[:a], " ")
	after := strings.TrimLeft(norm[z:], " ")
	first, _ := utf8.DecodeRuneInString(omitted)
	last, _ := utf8.DecodeLastRuneInString(omitted)
	prev, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	head, tail := firstWord(omitted), lastWord(omitted)
	startsClause := clausePunct(first) || clausePunct(prev) || before == "" ||
		j.r.clause[lastWord(before)] || j.r.coord[head] || j.r.examples[head]
	// A list of examples needs no punctuation after it.
	endsClause := clausePunct(last) || clausePunct(next) || j.r.coord[firstWord(after)] || j.r.coord[tail] || j.r.examples[head]
	return startsClause && endsClause
}

// lastWord and firstWord return the last and the first word of s,
// lowercased.
func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	return strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(s)
}

// context returns the source text around norm[a:z] to the ends of the
// words beside it, for a message.
func (j judge) context(a, z int) string {
	norm := j.s.norm
	lo := strings.LastIndexByte(strings.TrimRight(norm[:a], " "), ' ') + 1
	hi := len(norm)
	rest := strings.TrimLeft(norm[z:], " ")
	if i := strings.IndexByte(rest, ' '); i >= 0 {
		hi = len(norm) - len(rest) + i
	}
	return norm[lo:hi]
}

// bracket resolves a bracket between two literals, which stands for
// norm[a:z]; the literals around it are norm[litStart:litEnd].
func (j judge) bracket(h hole, a, z, litStart, litEnd int) {
	j.set(h.edits, a, z)
	words := strings.Trim(j.s.norm[a:z], " ")
	quoted, source, before := h.text, words, ""
	// A bracket written against a word, as in "[W]e" or "the [P]resident",
	// changes that word: compare the words whole.
	if !h.spaceBefore && !j.cjkBefore(a) {
		w := wordBefore(j.s.norm[litStart:a])
		quoted, source = w+quoted, w+source
	} else {
		before = lastWord(j.s.norm[litStart:a]) // "the" in "the [FBI]"
	}
	if !h.spaceAfter && !j.cjkAt(z) {
		w := wordAfter(j.s.norm[z:litEnd])
		quoted, source = quoted+w, source+w
	}
	j.judgeBracket(h, quoted, source, before, false)
}

// lead resolves brackets before the first literal of a part found at
// norm[start:end].
func (j judge) lead(h hole, start, end int) {
	if !h.spaceAfter && !j.cjkAt(start) {
		// "[W]e": the brackets stand for the start of the source's word.
		a := wordStart(j.s.norm, start)
		w := wordAfter(j.s.norm[start:end])
		j.set(h.edits, a, start)
		j.judgeBracket(h, h.text+w, j.s.norm[a:start]+w, "", false)
		return
	}
	// "[US intelligence] did not see": the brackets stand for the words
	// before the quote's in their clause, from where a clause may begin.
	a := j.s.phraseStart(start, j.r)
	if words := strings.Trim(j.s.norm[a:start], " "); words != "" || strings.HasSuffix(h.text, ",") {
		j.set(h.edits, a, start)
		j.judgeBracket(h, h.text, words, "", false)
		return
	}
	// Right after a comma in mid-sentence ("Some foreign actors, such as
	// Iran and Russia, spread"), the brackets stand for the sentence's
	// subject, the words from the start of the sentence.
	a = j.s.sentenceStart(start)
	j.set(h.edits, a, start)
	subject := strings.Trim(j.s.norm[a:start], " ")
	if j.r.preps[firstWord(subject)] {
		// "In an interview, [Sánchez] said": the sentence starts with an
		// adverbial phrase, and the brackets add the subject it lacks.
		j.insertion(h.edits[len(h.edits)-1], h.text)
		return
	}
	j.judgeBracket(h, h.text, subject, "", true)
}

// trail resolves brackets after the last literal of a part found at
// norm[start:end]. Brackets that end a quote after a space add words; ones
// written against the last word change its end.
func (j judge) trail(h hole, start, end int) {
	if h.spaceBefore || j.cjkBefore(end) {
		j.set(h.edits, end, end)
		j.insertion(h.edits[len(h.edits)-1], h.text)
		return
	}
	z := wordEnd(j.s.norm, end)
	w := wordBefore(j.s.norm[start:end])
	j.set(h.edits, end, z)
	j.judgeBracket(h, w+h.text, w+j.s.norm[end:z], "", false)
}

// insertion judges brackets that stand for no source text.
func (j judge) insertion(edit int, text string) {
	if neg := j.r.negations(text); neg != "" {
		j.find(edit, false, "the bracket %q adds the negation %q, which the source does not have", "["+text+"]", neg)
	}
}

// judgeBracket applies the rules to brackets h that make the quote read
// quoted where the source reads source. before is the quote's word before
// the brackets ("the" in "the [FBI]"); subject says the brackets stand for
// the subject of the sentence, from its start.
func (j judge) judgeBracket(h hole, quoted, source, before string, subject bool) {
	e := h.edits[len(h.edits)-1]
	b := "[" + h.text + "]"
	if strings.Trim(source, " ") == "" {
		j.insertion(e, h.text)
		return
	}
	qn, sn := j.r.negations(quoted), j.r.negations(source)
	switch {
	case sn != "" && qn == "":
		j.find(e, false, "the bracket %q stands for %q in the source: it removes the negation %q", b, source, sn)
		return
	case qn != "" && sn == "":
		j.find(e, false, "the bracket %q stands for %q in the source: it adds the negation %q", b, source, qn)
		return
	}
	if n := missingNumber(source, quoted); n != "" {
		j.find(e, false, "the bracket %q replaces the number %q: the source has %q", b, n, source)
		return
	}
	if strings.EqualFold(quoted, source) || sameForm(quoted, source) || acronym(quoted, source) ||
		j.r.relativeTime(source) || orderedSubset(quoted, source) || j.r.adds(quoted, source) {
		return
	}
	if p := j.r.referPhrase(source, before, subject); p != "" && j.r.referent(quoted, p) {
		return
	}
	j.find(e, false, "the bracket %q replaces the source's words %q with other words", b, source)
}

// phraseStart returns where the words before offset n begin that a
// bracket at the start of a quote stands for: back to clause punctuation
// or a word that begins a clause, within 40 characters.
func (s *Source) phraseStart(n int, r *Rules) int {
	lo := s.paragraphStart(n)
	a := n
	for {
		end := a
		for end > lo && s.norm[end-1] == ' ' {
			end--
		}
		if end == lo {
			return a
		}
		ws := lo + strings.LastIndexByte(s.norm[lo:end], ' ') + 1
		w := s.norm[ws:end]
		last, _ := utf8.DecodeLastRuneInString(w)
		if clausePunct(last) || r.clauseWord(w) || utf8.RuneCountInString(s.norm[ws:n]) > maxInsertion {
			return a
		}
		a = ws
		if first, _ := utf8.DecodeRuneInString(w); clausePunct(first) {
			return a
		}
	}
}

// wordBefore returns the letters that end s; wordAfter those that start s.
func wordBefore(s string) string { return s[wordStart(s, len(s)):] }
func wordAfter(s string) string  { return s[:wordEnd(s, 0)] }

// wordStart returns where the run of letters and digits ending at n
// starts; wordEnd where the one starting at n ends.
func wordStart(s string, n int) int {
	for n > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:n])
		if !isWordRune(r) {
			break
		}
		n -= size
	}
	return n
}

func wordEnd(s string, n int) int {
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !isWordRune(r) {
			break
		}
		n += size
	}
	return n
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// clauseTail returns the end of s after its last clause punctuation;
// clauseHead the start of s before its first.
func clauseTail(s string) string {
	if i := strings.LastIndexAny(s, ",;:.!?()"); i >= 0 {
		return s[i+1:]
	}
	return s
}

func clauseHead(s string) string {
	if i := strings.IndexAny(s, ",;:.!?()"); i >= 0 {
		return s[:i]
	}
	return s
}

// firstWords returns the words of s from its start to the first
// conjunction; lastWords those from its end back to the last, lowercased
// and without punctuation.
func (r *Rules) firstWords(s string) []string {
	t := tokens(s)
	for i, w := range t {
		if r.coord[w] {
			return t[:i]
		}
	}
	return t
}

func (r *Rules) lastWords(s string) []string {
	t := tokens(s)
	for i := len(t) - 1; i >= 0; i-- {
		if r.coord[t[i]] {
			return t[i+1:]
		}
	}
	return t
}

// spanOrEmpty maps norm[a:z] to the original text; an empty range maps
// to an empty span where its text would be.
func (s *Source) spanOrEmpty(a, z int) Span {
	for a < z && s.norm[a] == ' ' {
		a++
	}
	for z > a && s.norm[z-1] == ' ' {
		z--
	}
	if a < z {
		return s.span(a, z)
	}
	if a < len(s.norm) {
		o := s.origStart(a)
		return Span{o, o}
	}
	if len(s.norm) == 0 {
		return Span{}
	}
	o := s.origEnd(len(s.norm))
	return Span{o, o}
}
