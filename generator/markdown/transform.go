package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

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
		case ast.KindBlockquote:
			if !t.plain {
				quotes = append(quotes, n)
			}
		case ast.KindLink, ast.KindImage, ast.KindAutoLink:
			if !allowedURL(destination(n, doc.Source)) {
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

// allowedURL reports whether u may be linked: relative, or http(s) or
// mailto. Browsers ignore tabs and line breaks inside a scheme, so they
// are dropped before looking at it.
func allowedURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, u)
	colon := strings.IndexByte(u, ':')
	if colon < 0 || strings.ContainsAny(u[:colon], "/?#") {
		return true // no scheme: a relative URL
	}
	switch strings.ToLower(u[:colon]) {
	case "http", "https", "mailto":
		return true
	}
	return false
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
// QuoteBlock.
func (t transformer) blockQuote(doc *Doc, bq ast.Node) {
	last, ok := bq.LastChild().(*ast.Paragraph)
	cite, attributed := attribution(last, doc.Source)
	if !ok || !attributed || last == bq.FirstChild() {
		if c := findCitation(bq); c != nil && c.Quote == nil {
			msg := "block quote cites a source but has no attribution line; put a blank \">\" line before the \"— [@" + c.SourceID + "]\" line to quote the source"
			doc.Problems = append(doc.Problems, Problem{Offset: c.Offset, Warning: true, Message: msg})
		}
		return
	}
	qb := &QuoteBlock{Caption: last}
	bq.RemoveChild(bq, last)
	if text := PlainText(bq, doc.Source); text == "" || firstOffset(bq) < 0 {
		bq.AppendChild(bq, last) // nothing quoted: an ordinary block quote
		return
	}
	for c := bq.FirstChild(); c != nil; {
		next := c.NextSibling()
		qb.AppendChild(qb, c)
		c = next
	}
	q := &Quote{Text: quoteText(qb, doc.Source), Citation: cite, Offset: firstOffset(qb)}
	cite.Quote = q
	qb.Quote = q
	trimDash(last, doc.Source)
	bq.Parent().ReplaceChild(bq.Parent(), bq, qb)
	doc.Quotes = append(doc.Quotes, q)
}

// attribution reports whether p is an attribution line: a dash, then a
// citation.
func attribution(p *ast.Paragraph, src []byte) (*Citation, bool) {
	if p == nil || p.Lines().Len() != 1 {
		return nil, false
	}
	line := strings.TrimSpace(string(segValue(p.Lines().At(0), src)))
	if !hasDash(line) {
		return nil, false
	}
	c := findCitation(p)
	return c, c != nil
}

func hasDash(s string) bool {
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "―") || strings.HasPrefix(s, "--")
}

// trimDash removes the leading dash from an attribution paragraph.
func trimDash(p ast.Node, src []byte) {
	t, ok := p.FirstChild().(*ast.Text)
	if !ok {
		return
	}
	v := string(t.Segment.Value(src))
	trimmed := strings.TrimLeft(v, " \t")
	for _, d := range []string{"—", "―", "--"} {
		if strings.HasPrefix(trimmed, d) {
			rest := strings.TrimLeft(trimmed[len(d):], " \t-")
			t.Segment = t.Segment.WithStart(t.Segment.Stop - len(rest))
			return
		}
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
	body = body[:len(body)-closeLen]
	open := max(strings.LastIndex(body, "\""), strings.LastIndex(body, "“"))
	if open < 0 || offset(open) < 0 {
		return
	}
	openLen := 1
	if body[open] != '"' {
		openLen = len("“")
	}
	inner := body[open+openLen:]
	if strings.TrimSpace(inner) == "" {
		return
	}
	q := &Quote{Text: string(unescape([]byte(inner))), Citation: c, Offset: offset(open), Inline: true}
	c.Quote = q
	doc.Quotes = append(doc.Quotes, q)
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
	if r == '"' || r == '”' {
		return n
	}
	return 0
}

// PlainText returns the text of n without markup: paragraphs and other
// blocks separated by a blank line, line breaks inside them kept.
func PlainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	writePlain(&b, n, src, false)
	return string(bytes.TrimSpace(b.Bytes()))
}

// quoteText is the plain text of a quote. Raw HTML in it counts: it is
// shown as text unless a site allows raw HTML, and the editor typed it as
// part of the quote.
func quoteText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	writePlain(&b, n, src, true)
	return string(bytes.TrimSpace(b.Bytes()))
}

func writePlain(b *bytes.Buffer, n ast.Node, src []byte, rawHTML bool) {
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
		case *Citation:
			// not part of the quoted words
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
			writePlain(b, c, src, rawHTML)
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
