package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"factcheck/generator/internal/quote"
	"factcheck/generator/internal/urlscheme"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// transformer turns attributed block quotes into QuoteBlocks, finds inline
// quotes, and unlinks URLs with schemes other than http(s) and mailto.
type transformer struct{ plain bool }

func (t transformer) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	doc := pc.Get(docKey).(*Doc)
	var quotes, unlinks []ast.Node
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindText:
			joinCJKLines(n.(*ast.Text), doc.Source)
		case ast.KindBlockquote:
			if !t.plain {
				quotes = append(quotes, n)
			}
		case ast.KindLink, ast.KindImage, ast.KindAutoLink:
			if !urlscheme.Allowed(destination(n, doc.Source)) {
				unlinks = append(unlinks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unlinks {
		doc.Problems = append(doc.Problems, Problem{Offset: n.Pos(), Warning: true,
			Message: fmt.Sprintf("link to %q is shown as plain text: only http, https and mailto links are allowed", destination(n, doc.Source))})
		unlink(n, doc.Source)
	}
	// Inner block quotes first, so an outer one sees its children settled.
	for i := len(quotes) - 1; i >= 0; i-- {
		t.blockQuote(doc, quotes[i])
	}
	for _, c := range doc.Citations {
		if c.Quote == nil {
			inlineQuote(doc, c)
		}
	}
	sort.SliceStable(doc.Quotes, func(i, j int) bool { return doc.Quotes[i].Offset < doc.Quotes[j].Offset })
}

// joinCJKLines drops the line break after t when Chinese or Japanese
// characters meet across it: those languages put no space between words,
// and a browser would show one.
func joinCJKLines(t *ast.Text, src []byte) {
	if !t.SoftLineBreak() || t.Segment.Len() == 0 {
		return
	}
	next := t.NextSibling()
	for next != nil && next.Kind() != ast.KindText {
		next = next.FirstChild()
	}
	if next == nil || next.(*ast.Text).Segment.Len() == 0 {
		return
	}
	last, _ := utf8.DecodeLastRune(t.Segment.Value(src))
	first, _ := utf8.DecodeRune(next.(*ast.Text).Segment.Value(src))
	if quote.NoSpaceBetween(last, first) {
		t.SetSoftLineBreak(false)
	}
}

// destination is where a link leads, with backslash escapes and character
// references resolved as the renderer resolves them, so that
// "javascript&#58;" or "java&#9;script:" is seen for what it is.
func destination(n ast.Node, src []byte) string {
	switch n := n.(type) {
	case *ast.Link:
		return resolve(n.Destination)
	case *ast.Image:
		return resolve(n.Destination)
	case *ast.AutoLink:
		if n.AutoLinkType == ast.AutoLinkEmail {
			return "mailto:" + string(n.URL(src))
		}
		return string(n.URL(src))
	}
	return ""
}

func resolve(dest []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
}

// unlink replaces a link by its text.
func unlink(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if al, ok := n.(*ast.AutoLink); ok {
		parent.ReplaceChild(parent, n, ast.NewString(al.Label(src)))
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// blockQuote replaces a block quote that ends with an attribution line by a
// QuoteBlock. The attribution line may follow the quoted words without a
// blank ">" line between (it then ends their paragraph), and "- [@id]" is
// one too, though Markdown reads it as a list.
func (t transformer) blockQuote(doc *Doc, bq ast.Node) {
	caption, cite := splitAttribution(bq, doc.Source)
	if caption == nil {
		if c := findCitation(bq); c != nil && c.Quote == nil {
			msg := "block quote cites source \"" + c.SourceID + "\" but has no attribution line, so its words are not checked: end it with a line \"— [@" + c.SourceID + "]\" to quote the source, or move the citation out of the block quote"
			doc.Problems = append(doc.Problems, Problem{Offset: c.Offset, Message: msg})
		}
		return
	}
	qb := &QuoteBlock{Caption: caption}
	for c := bq.FirstChild(); c != nil; {
		next := c.NextSibling()
		qb.AppendChild(qb, c)
		c = next
	}
	q := &Quote{Text: quoteText(qb, doc.Source), Citation: cite, Offset: firstOffset(qb)}
	cite.Quote = q
	qb.Quote = q
	trimDash(caption, doc.Source)
	bq.Parent().ReplaceChild(bq.Parent(), bq, qb)
	doc.Quotes = append(doc.Quotes, q)
	markEdits(doc, q, qb, 0, len(doc.Source))
}

// splitAttribution takes the attribution line off the end of block quote
// bq and returns it with its citation; nil if bq has none, or nothing
// besides it.
func splitAttribution(bq ast.Node, src []byte) (ast.Node, *Citation) {
	switch last := bq.LastChild().(type) {
	case *ast.Paragraph:
		lines := last.Lines()
		if lines.Len() == 0 || !isAttribution(lines.At(lines.Len()-1), last, src) {
			return nil, nil
		}
		at := lines.At(lines.Len() - 1).Start
		if !hasQuotedText(bq, at, src) {
			return nil, nil // nothing quoted
		}
		if lines.Len() == 1 {
			bq.RemoveChild(bq, last)
			return last, findCitation(last)
		}
		// The last line of a paragraph: it becomes a paragraph of its own.
		caption := ast.NewParagraph()
		caption.Lines().Append(lines.At(lines.Len() - 1))
		for c := last.FirstChild(); c != nil; {
			next := c.NextSibling()
			if nodeStart(c) >= at {
				caption.AppendChild(caption, c)
			}
			c = next
		}
		lines.SetSliced(0, lines.Len()-1)
		if t, ok := last.LastChild().(*ast.Text); ok {
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(false)
		}
		return caption, findCitation(caption)
	case *ast.List:
		// "- [@id]" after the quoted words: a list of one item that is a
		// citation.
		item := last.FirstChild()
		if last.IsOrdered() || last.Marker != '-' || last == bq.FirstChild() || item == nil || item.NextSibling() != nil {
			return nil, nil
		}
		tb := item.FirstChild()
		if tb == nil || tb.NextSibling() != nil || tb.Lines().Len() != 1 {
			return nil, nil
		}
		c, ok := tb.FirstChild().(*Citation)
		if !ok || !hasQuotedText(bq, c.Offset, src) {
			return nil, nil
		}
		bq.RemoveChild(bq, last)
		return tb, findCitation(tb)
	}
	return nil, nil
}

// hasQuotedText reports whether n holds text before offset at of the
// Markdown: words for the quote besides its attribution line.
func hasQuotedText(n ast.Node, at int, src []byte) bool {
	found := false
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && t.Segment.Start < at && len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// isAttribution reports whether line of p is an attribution line: a dash,
// then a citation. After a single hyphen or an en dash the citation must
// come first.
func isAttribution(line text.Segment, p ast.Node, src []byte) bool {
	s := strings.TrimSpace(string(segValue(line, src)))
	d := dashLen(s)
	if d == 0 {
		return false
	}
	if d < len("—") && !strings.HasPrefix(strings.TrimLeft(s[d:], " \t"), "[@") {
		return false
	}
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*Citation); ok && nodeStart(c) >= line.Start && nodeStart(c) < line.Stop {
			return true
		}
	}
	return false
}

// dashLen returns the length of the dash s starts with: "—", "―", "--",
// "–" or "-"; 0 if none.
func dashLen(s string) int {
	for _, d := range []string{"—", "―", "--", "–", "-"} {
		if strings.HasPrefix(s, d) {
			return len(d)
		}
	}
	return 0
}

// nodeStart is where an inline node starts in the Markdown, or -1.
func nodeStart(n ast.Node) int {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start
	case *Citation:
		return n.Offset
	case *CrossLink:
		return n.Offset
	}
	return firstOffset(n)
}

// trimDash removes the leading dash from an attribution paragraph.
func trimDash(p ast.Node, src []byte) {
	t, ok := p.FirstChild().(*ast.Text)
	if !ok {
		return
	}
	v := string(t.Segment.Value(src))
	trimmed := strings.TrimLeft(v, " \t")
	if d := dashLen(trimmed); d > 0 {
		rest := strings.TrimLeft(trimmed[d:], " \t-")
		t.Segment = t.Segment.WithStart(t.Segment.Stop - len(rest))
	}
}

// markEdits finds the gaps and brackets of quote q in the text under n
// that lies in the Markdown's [lo, hi), and puts an EditMark in place of
// each. It changes nothing unless it finds as many as the quote's text
// has: a bracket across emphasis cannot be shown.
func markEdits(doc *Doc, q *Quote, n ast.Node, lo, hi int) {
	want := len(quote.Marks(q.Text))
	if want == 0 {
		return
	}
	type found struct {
		run        []*ast.Text
		start, end int // of the mark, in the Markdown
	}
	var marks []found
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; {
			t, ok := c.(*ast.Text)
			if !ok {
				if c.Kind() != KindCitation && c.Kind() != ast.KindCodeSpan {
					visit(c)
				}
				c = c.NextSibling()
				continue
			}
			// A run of text nodes that follow each other in the Markdown
			// on one line, as "[", "did" and "]" do.
			run := []*ast.Text{t}
			for !t.SoftLineBreak() && !t.HardLineBreak() {
				next, ok := t.NextSibling().(*ast.Text)
				if !ok || next.Segment.Start != t.Segment.Stop {
					break
				}
				run, t = append(run, next), next
			}
			start := run[0].Segment.Start
			for _, m := range quote.Marks(string(doc.Source[start:t.Segment.Stop])) {
				a := start + m.Start
				if a > start && doc.Source[a-1] == '\\' {
					a-- // an escaped bracket, "\\[", is one too
				}
				if a >= lo && a < hi {
					marks = append(marks, found{run, a, start + m.End})
				}
			}
			c = t.NextSibling()
		}
	}
	visit(n)
	if len(marks) != want {
		return
	}
	// Each run is rebuilt once, with all its marks.
	for i := 0; i < len(marks); {
		run := marks[i].run
		j := i
		for j < len(marks) && marks[j].run[0] == run[0] {
			j++
		}
		first, last := run[0], run[len(run)-1]
		parent := first.Parent()
		at := first.Segment.Start
		var nodes []ast.Node
		for _, m := range marks[i:j] {
			if m.start > at {
				nodes = append(nodes, ast.NewTextSegment(text.NewSegment(at, m.start)))
			}
			em := &EditMark{Quote: q, Index: len(q.Marks), Written: string(unescape(doc.Source[m.start:m.end])), Offset: m.start}
			q.Marks = append(q.Marks, em)
			nodes = append(nodes, em)
			at = m.end
		}
		tail := ast.NewTextSegment(text.NewSegment(at, last.Segment.Stop))
		tail.SetSoftLineBreak(last.SoftLineBreak())
		tail.SetHardLineBreak(last.HardLineBreak())
		if at < last.Segment.Stop || last.SoftLineBreak() || last.HardLineBreak() {
			nodes = append(nodes, tail)
		}
		for _, nd := range nodes {
			parent.InsertBefore(parent, first, nd)
		}
		for _, t := range run {
			parent.RemoveChild(parent, t)
		}
		i = j
	}
}

func findCitation(n ast.Node) *Citation {
	var found *Citation
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*Citation); ok && entering {
			found = c
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// firstOffset is the offset of the first text inside n.
func firstOffset(n ast.Node) int {
	off := -1
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off
}

// inlineQuote makes c the attribution of the quotation that ends right
// before it, if there is one: "quoted words" [@source].
func inlineQuote(doc *Doc, c *Citation) {
	// Gather the text before the citation within its paragraph, back to
	// the previous citation or cross-link. Text inside other inline nodes
	// (emphasis, links) counts, but has no offset of its own: an opening
	// quotation mark must be in plain text.
	prev, ok := c.PreviousSibling().(*ast.Text)
	if !ok || prev == nil {
		if c.PreviousSibling() == nil {
			return
		}
	} else if v := prev.Segment.Value(doc.Source); len(v)+lineBreak(prev) >= 4 && closingQuote(endOf(prev, v)) == 0 {
		return // the text right before the citation ends without a quotation mark
	}
	var nodes []ast.Node
	for n := c.PreviousSibling(); n != nil; n = n.PreviousSibling() {
		if n.Kind() == KindCitation || n.Kind() == KindCrossLink {
			break
		}
		nodes = append(nodes, n)
	}
	slices.Reverse(nodes)
	// spans[i] says where the text of nodes[i] starts in b, and for text
	// nodes where it starts in the Markdown.
	type span struct{ at, src int }
	spans := make([]span, 0, len(nodes))
	var b strings.Builder
	for _, n := range nodes {
		t, ok := n.(*ast.Text)
		if !ok {
			v := PlainText(n, doc.Source)
			if n.Kind() == ast.KindString {
				v = string(n.(*ast.String).Value)
			}
			spans = append(spans, span{b.Len(), -1})
			b.WriteString(v)
			continue
		}
		spans = append(spans, span{b.Len(), t.Segment.Start})
		b.Write(t.Segment.Value(doc.Source))
		if lineBreak(t) == 1 {
			b.WriteByte('\n')
		}
	}
	// offset is the Markdown offset of b's byte i, or -1: a byte of text
	// is at its place in the segment, the line break after it at the
	// segment's end.
	offset := func(i int) int {
		k, _ := slices.BinarySearchFunc(spans, i, func(sp span, i int) int { return cmp.Compare(sp.at, i+1) })
		sp, n := spans[k-1], nodes[k-1]
		if sp.src < 0 {
			return -1
		}
		t := n.(*ast.Text)
		return min(sp.src+i-sp.at, t.Segment.Stop)
	}
	s := b.String()
	body := trimOneSpace(s)
	closeLen := closingQuote(body)
	if closeLen == 0 {
		return
	}
	closer := body[len(body)-closeLen:]
	body = body[:len(body)-closeLen]
	open, openLen := -1, 0
	for _, o := range quoteMarks[closer] {
		if i := strings.LastIndex(body, o); i > open {
			open, openLen = i, len(o)
		}
	}
	if open < 0 || offset(open) < 0 {
		return
	}
	inner := body[open+openLen:]
	if strings.TrimSpace(inner) == "" {
		return
	}
	q := &Quote{Text: string(unescape([]byte(inner))), Citation: c, Offset: offset(open), Inline: true}
	c.Quote = q
	doc.Quotes = append(doc.Quotes, q)
	markEdits(doc, q, c.Parent(), q.Offset, c.Offset)
}

// lineBreak is 1 if t ends with a line break, else 0: inlineQuote reads a
// text node as its Markdown, then "\n" when a line break follows.
func lineBreak(t *ast.Text) int {
	if t.SoftLineBreak() || t.HardLineBreak() {
		return 1
	}
	return 0
}

// endOf is v, the text of t, without the space or line break it ends
// with, as trimOneSpace drops it from the text and its line break.
func endOf(t *ast.Text, v []byte) []byte {
	if lineBreak(t) == 1 {
		return v
	}
	if n := len(v); n > 0 && (v[n-1] == ' ' || v[n-1] == '\n') {
		return v[:n-1]
	}
	return v
}

// trimOneSpace drops one space or line break from the end of s.
func trimOneSpace(s string) string {
	if n := len(s); n > 0 && (s[n-1] == ' ' || s[n-1] == '\n') {
		return s[:n-1]
	}
	return s
}

// quoteMarks maps each quotation mark that may close an inline quote to
// those that may open it: "…", “…”, „…“ and „…”, «…» (also « … » with
// spaces inside, as French writes it), »…« and »…», 「…」 and 『…』.
var quoteMarks = map[string][]string{
	`"`: {`"`},
	"”": {"“", "„", "”"},
	"“": {"„"},
	"»": {"«", "»"},
	"«": {"»"},
	"」": {"「"},
	"』": {"『"},
}

// closingQuote returns the byte length of the closing quotation mark that s
// ends with, or 0.
func closingQuote[T string | []byte](s T) int {
	var r rune
	var n int
	switch s := any(s).(type) {
	case string:
		r, n = utf8.DecodeLastRuneInString(s)
	case []byte:
		r, n = utf8.DecodeLastRune(s)
	}
	if _, ok := quoteMarks[string(r)]; ok && r != utf8.RuneError {
		return n
	}
	return 0
}

// PlainText returns the text of n without markup: paragraphs and other
// blocks separated by a blank line, line breaks inside them kept.
func PlainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	writePlain(&b, n, src, false, false)
	return string(bytes.TrimSpace(b.Bytes()))
}

// quoteText is the plain text of a quote. Raw HTML in it counts: it is
// shown as text unless a site allows raw HTML, and the editor typed it as
// part of the quote.
func quoteText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	writePlain(&b, n, src, true, false)
	return string(bytes.TrimSpace(b.Bytes()))
}

// writePlain writes the plain text of n's children to b: raw HTML only
// if rawHTML; with text (the document's text, AppendPlainText), a
// citation left out takes the space before it when punctuation follows,
// "systems” [@x]." reading "systems”.". Quotes keep the space: their
// words are checked as written.
func writePlain(b *bytes.Buffer, n ast.Node, src []byte, rawHTML, text bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if !c.IsRaw() {
				v = unescape(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML:
			for i := 0; rawHTML && i < c.Segments.Len(); i++ {
				b.Write(segValue(c.Segments.At(i), src))
			}
		case *EditMark:
			b.WriteString(c.Written)
		case *CrossLink:
			// Its label, as the page shows it; without one the page
			// shows the title of what it links to, unknown here.
			b.WriteString(c.Label)
		case *Citation:
			// Not part of the text.
			if next, ok := c.NextSibling().(*ast.Text); ok && text && b.Len() > 0 && b.Bytes()[b.Len()-1] == ' ' {
				if v := next.Segment.Value(src); len(v) > 0 && strings.IndexByte(".,;:!?)", v[0]) >= 0 {
					b.Truncate(b.Len() - 1)
				}
			}
		default:
			if c.Type() == ast.TypeBlock && b.Len() > 0 {
				b.WriteString("\n\n")
			}
			if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 && c.FirstChild() == nil {
				for i := 0; i < c.Lines().Len(); i++ {
					b.Write(segValue(c.Lines().At(i), src))
				}
				continue
			}
			writePlain(b, c, src, rawHTML, text)
		}
	}
}

func segValue(s text.Segment, src []byte) []byte { return s.Value(src) }

// unescape reads text as Markdown shows it: backslash escapes and
// character references resolved.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}
