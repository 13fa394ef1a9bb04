// Package markdown parses and renders the Markdown of claims, sources and
// pages: CommonMark with GitHub tables, strikethrough, autolinks, task lists
// and footnotes, plus three additions of this project.
//
// A quote is a block quote whose last line is an attribution line: a dash
// (—, ―, --, – or -) followed by a citation. The rest of the block quote is
// the quoted text. The attribution line may follow the quoted words
// directly or after a blank ">" line; after "–" or "-" the citation must
// come first.
//
//	> no indications that any foreign actor attempted to alter any
//	> technical aspect of the voting process
//	>
//	> — [@odni-report, p. 4]
//
// A block quote that cites a source anywhere but on an attribution line is
// an error: its words would not be checked.
//
// The gaps ("…") and brackets ("[US intelligence]") of a quote become
// EditMark nodes; once the quote is checked, the renderer writes after each
// the source's words it stands for, where it leaves out or replaces any:
// "… (left out: “false or inflated”)", "[US intelligence] (the source has:
// “we”)".
//
// A citation is [@SOURCE-ID] or [@SOURCE-ID, LOCATOR]; it links to the
// source. A quotation in double quotes (straight or curly) immediately
// followed by a citation is an inline quote and is checked like a block
// quote: "did not deploy" [@odni-report].
//
// A cross-link is [[ID]] or [[ID|label]]: a link to a claim, source or page.
//
// Links whose scheme is not http, https or mailto (package urlscheme) are
// rendered as plain text and reported, and raw HTML is shown as text unless a site allows it.
package markdown

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"factcheck/generator/internal/quote"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Doc is a parsed Markdown body with what it refers to, in the order they
// appear.
type Doc struct {
	// Root is the syntax tree, and Source the Markdown; nil once dropped
	// (see DropTree).
	Root      ast.Node
	Source    []byte
	Quotes    []*Quote
	Citations []*Citation
	Links     []*CrossLink
	// Problems found while parsing, at byte offsets of Source.
	Problems []Problem
	// pre is the document as HTML, kept by DropTree.
	pre *prerendered

	parser *Parser
}

// DropTree lets go of the syntax tree, which takes several times the
// memory of the Markdown itself, and of the Markdown, keeping what was
// read from it: quotes, citations and cross-links (detached from the tree,
// with their positions), problems, and the document rendered as HTML by
// a Renderer with the unsafe setting that html names, with holes where
// its citations and cross-links go: those are rendered when the page is,
// once it is known what they point to and what checking the quotes found.
// Only a Renderer with that unsafe setting can render it. With NoHTML it
// keeps the Markdown instead, for a document that may never be rendered,
// and Render parses it again.
// A site of many thousand claims is loaded and checked, then rendered one
// page at a time, without every tree in memory at once and without
// parsing any of them twice.
func (d *Doc) DropTree(html HTML) {
	if d.Root == nil {
		return
	}
	var pre *prerendered
	if html != NoHTML {
		pre = prerender(d, html == UnsafeHTML)
	}
	detached := make(map[ast.Node]ast.Node, len(d.Citations)+len(d.Links))
	for i, c := range d.Citations {
		dc := &Citation{SourceID: c.SourceID, Locator: c.Locator, Offset: c.Offset, LineCol: c.LineCol, Quote: c.Quote}
		detached[c] = dc
		d.Citations[i] = dc
	}
	for _, q := range d.Quotes {
		if dc := detached[q.Citation]; dc != nil {
			q.Citation = dc.(*Citation)
		}
	}
	for _, q := range d.Quotes {
		for i, m := range q.Marks {
			dm := &EditMark{Quote: q, Index: m.Index, Written: m.Written, Offset: m.Offset, LineCol: m.LineCol}
			detached[m] = dm
			q.Marks[i] = dm
		}
	}
	for i, l := range d.Links {
		dl := &CrossLink{Target: l.Target, Label: l.Label, Offset: l.Offset, LineCol: l.LineCol}
		detached[l] = dl
		d.Links[i] = dl
	}
	if pre != nil {
		for i, h := range pre.holes {
			pre.holes[i].node = detached[h.node]
			if pre.holes[i].node == nil {
				pre = nil // a reference the lists do not hold: parse again at render
				break
			}
		}
	}
	d.pre = pre
	d.Root = nil
	if pre != nil {
		d.Source = nil
	}
}

// HTML is what DropTree keeps of a document to render it.
type HTML int

const (
	SafeHTML   HTML = iota // its HTML, raw HTML in it shown as text
	UnsafeHTML             // its HTML, raw HTML in it kept
	NoHTML                 // its Markdown
)

// AppendPlainText appends the document as plain text to dst. Once
// DropTree has let go of the tree, only a document that keeps its Markdown
// (NoHTML) has any: take what is needed of the text before.
func (d *Doc) AppendPlainText(dst []byte) []byte {
	if d.Root == nil && d.pre != nil {
		return dst
	}
	b := bytes.NewBuffer(dst)
	writePlain(b, d.tree(), d.Source, false, true)
	all := b.Bytes()
	n := copy(all[len(dst):], bytes.TrimSpace(all[len(dst):]))
	return all[:len(dst)+n]
}

// FirstParagraph returns the plain text of the document's first
// paragraph (not a heading, list or quote), "" if it has none or its tree
// was dropped.
func (d *Doc) FirstParagraph() string {
	if d.Root == nil {
		return ""
	}
	for n := d.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			return PlainText(n, d.Source)
		}
	}
	return ""
}

// tree returns the document's syntax tree, parsing the Markdown again if
// it was dropped; the quotes of a new tree carry the checks of d's.
func (d *Doc) tree() ast.Node {
	if d.Root != nil || d.parser == nil {
		return d.Root
	}
	again := d.parser.Parse(d.Source)
	for i, q := range again.Quotes {
		if i < len(d.Quotes) {
			q.Check = d.Quotes[i].Check
		}
	}
	return again.Root
}

// Problem is something wrong in the Markdown, at byte offset Offset.
type Problem struct {
	Offset  int
	Warning bool
	Message string
	// LineCol is the line and column of Offset (the zero Pos for none).
	LineCol Pos
}

// Quote is a quotation that must be found in its cited source.
type Quote struct {
	// Text is the quoted text as plain text, paragraphs separated by a
	// blank line.
	Text     string
	Citation *Citation
	// Offset is where the quoted text starts in the Markdown, and LineCol
	// its line and column.
	Offset  int
	LineCol Pos
	Inline  bool
	// Marks are the quote's gaps and brackets as they stand in the
	// Markdown, in order; nil when they could not all be told apart there
	// (a bracket across emphasis), so Check.Edits cannot be shown.
	Marks []*EditMark
	// Check is filled in by the loader once the quote has been looked for
	// in its source; the renderer reads it.
	Check QuoteCheck
}

// QuoteCheck is what verification found for a quote.
type QuoteCheck struct {
	// Status is Verified, Unverified (the source has no stored text) or
	// Failed.
	Status Status
	// Anchor is the id of the quote's first highlight on the source page.
	Anchor string
	// Fragment is a text fragment (":~:text=…", without the '#') that
	// finds the quote in the original document.
	Fragment string
	// Edits are the quote's gaps and brackets, each resolved to the
	// source's words it stands for; the renderer shows those words.
	Edits []quote.Edit
}

// Status is the outcome of checking a quote against its source.
type Status int

const (
	Failed Status = iota
	Verified
	Unverified
)

// Citation is a [@SOURCE-ID, LOCATOR] reference.
type Citation struct {
	ast.BaseInline
	SourceID string
	Locator  string
	Offset   int
	LineCol  Pos
	// Quote is the quote this citation attributes, if any.
	Quote *Quote
}

// EditMark is a gap ("…") or bracket ("[US intelligence]") of a quote, as
// written: the renderer shows after it the source's words it stands for.
type EditMark struct {
	ast.BaseInline
	Quote   *Quote
	Index   int    // its place among the quote's edits
	Written string // the mark as written
	// Offset is where it starts in the Markdown, LineCol its line and
	// column.
	Offset  int
	LineCol Pos
}

// Pages reads a locator that names pages: "p. 4", "p 4", "page 4", or
// "pp. 4-5", "pages 4–5" (any dash). ok is false for any other locator.
func (c *Citation) Pages() (first, last int, ok bool) {
	l := strings.ToLower(strings.TrimSpace(c.Locator))
	for _, p := range []string{"pp.", "p.", "pages", "page", "pp", "p"} {
		rest, found := strings.CutPrefix(l, p)
		if !found {
			continue
		}
		rest = strings.TrimSpace(rest)
		first, rest = leadingNumber(rest)
		if first == 0 {
			return 0, 0, false
		}
		last = first
		if r, n := utf8.DecodeRuneInString(strings.TrimSpace(rest)); r == '-' || r == '–' || r == '—' {
			if l, _ := leadingNumber(strings.TrimSpace(strings.TrimSpace(rest)[n:])); l >= first {
				last = l
			}
		}
		return first, last, true
	}
	return 0, 0, false
}

// leadingNumber reads the whole number s starts with (0 if none, or too
// large) and returns the rest.
func leadingNumber(s string) (int, string) {
	n, i := 0, 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9' && n < 1_000_000; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n, s[i:]
}

// CrossLink is a [[ID|label]] reference.
type CrossLink struct {
	ast.BaseInline
	Target  string
	Label   string
	Offset  int
	LineCol Pos
}

// Pos is where an offset of the Markdown is: its line and its column in
// characters, both from 1. They are kept when the Markdown is dropped
// (see DropTree); the zero Pos stands for no place in the text.
type Pos struct{ Line, Col int }

// Position returns the line and column, both from 1 and the column in
// characters, of byte offset off of b.
func Position(b []byte, off int) Pos {
	off = min(off, len(b))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return Pos{bytes.Count(b[:off], []byte("\n")) + 1, utf8.RuneCount(b[start:off]) + 1}
}

// locate sets the LineCol of what d refers to and of its problems.
func (d *Doc) locate() {
	n := len(d.Quotes) + len(d.Citations) + len(d.Links) + len(d.Problems)
	if n == 0 {
		return
	}
	offs := make([]int, 0, n)
	for _, q := range d.Quotes {
		offs = append(offs, q.Offset)
	}
	for _, c := range d.Citations {
		offs = append(offs, c.Offset)
	}
	for _, l := range d.Links {
		offs = append(offs, l.Offset)
	}
	for _, p := range d.Problems {
		offs = append(offs, p.Offset)
	}
	for _, q := range d.Quotes {
		for _, m := range q.Marks {
			offs = append(offs, m.Offset)
		}
	}
	pos := Positions(d.Source, offs)
	for _, q := range d.Quotes {
		q.LineCol, pos = pos[0], pos[1:]
	}
	for _, c := range d.Citations {
		c.LineCol, pos = pos[0], pos[1:]
	}
	for _, l := range d.Links {
		l.LineCol, pos = pos[0], pos[1:]
	}
	for i := range d.Problems {
		d.Problems[i].LineCol, pos = pos[0], pos[1:]
	}
	for _, q := range d.Quotes {
		for _, m := range q.Marks {
			m.LineCol, pos = pos[0], pos[1:]
		}
	}
}

// Positions returns Position(b, off) for each of offs, and the zero Pos
// for a negative one, in one pass over b: counting from the start of
// the line for each offset would take time quadratic in the length of a
// line holding many of them (160,000 citations on one line took minutes).
func Positions(b []byte, offs []int) []Pos {
	order := make([]int, len(offs)) // indexes of offs, by offset
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return offs[i] - offs[j] })
	out := make([]Pos, len(offs))
	line, col, at := 1, 1, 0 // the position of byte at
	for _, i := range order {
		off := min(offs[i], len(b))
		if off < 0 {
			continue
		}
		for at < off {
			nl := bytes.IndexByte(b[at:off], '\n')
			if nl < 0 {
				col += utf8.RuneCount(b[at:off])
				at = off
				break
			}
			line, col, at = line+1, 1, at+nl+1
		}
		out[i] = Pos{line, col}
	}
	return out
}

// QuoteBlock is an attributed block quote. Its children are the quoted
// blocks; Caption is the attribution paragraph without its dash.
type QuoteBlock struct {
	ast.BaseBlock
	Quote   *Quote
	Caption ast.Node
}

var (
	KindCitation   = ast.NewNodeKind("Citation")
	KindCrossLink  = ast.NewNodeKind("CrossLink")
	KindQuoteBlock = ast.NewNodeKind("QuoteBlock")
	KindEditMark   = ast.NewNodeKind("EditMark")
)

func (n *EditMark) Kind() ast.NodeKind { return KindEditMark }
func (n *EditMark) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Written": n.Written}, nil)
}

func (n *Citation) Kind() ast.NodeKind   { return KindCitation }
func (n *CrossLink) Kind() ast.NodeKind  { return KindCrossLink }
func (n *QuoteBlock) Kind() ast.NodeKind { return KindQuoteBlock }

func (n *Citation) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"SourceID": n.SourceID, "Locator": n.Locator}, nil)
}
func (n *CrossLink) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Target": n.Target, "Label": n.Label}, nil)
}
func (n *QuoteBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Parser parses Markdown with this project's additions. It is safe for
// concurrent use.
type Parser struct {
	// gfm parses GitHub Flavored Markdown with footnotes.
	gfm   parser.Parser
	plain bool
}

var docKey = parser.NewContextKey()

// NewParser returns a parser. Sources use plain=true: their text is stored
// as written, so citations and cross-links are not read in it.
func NewParser(plain bool) *Parser {
	opts := []parser.Option{}
	if !plain {
		opts = append(opts,
			parser.WithInlineParsers(util.Prioritized(refParser{}, 102)),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 100)))
	} else {
		opts = append(opts, parser.WithASTTransformers(util.Prioritized(transformer{plain: true}, 100)))
	}
	return &Parser{gfm: goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithParserOptions(opts...)).Parser(), plain: plain}
}

// Parse parses src.
//
// Markdown that would take goldmark too long (see tooSlow) is not parsed:
// the Doc is empty but for an error among its Problems.
func (p *Parser) Parse(src []byte) *Doc {
	if off, msg := tooSlow(src); msg != "" {
		doc := p.parse(nil)
		doc.Source = src
		doc.Problems = []Problem{{Offset: off, LineCol: Position(src, off), Message: msg}}
		return doc
	}
	return p.parse(src)
}

func (p *Parser) parse(src []byte) *Doc {
	doc := &Doc{Source: src, parser: p}
	ctx := parser.NewContext()
	ctx.Set(docKey, doc)
	doc.Root = p.gfm.Parse(text.NewReader(src), parser.WithContext(ctx))
	doc.locate()
	return doc
}

// maxRef is the longest citation or cross-link, label or locator
// included, in bytes.
const maxRef = 1000

// refParser reads citations and cross-links; it runs before goldmark's
// link parser, which would otherwise leave them as text.
type refParser struct{}

func (refParser) Trigger() []byte { return []byte{'['} }

func (refParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	// A reference is looked for only so far: "[[[[…" 100,000 long would
	// otherwise be searched (and copied) to its end from each bracket.
	line = line[:min(len(line), maxRef)]
	switch {
	case bytes.HasPrefix(line, []byte("[[")):
		end := bytes.Index(line, []byte("]]"))
		if end < 0 {
			return nil
		}
		inner := string(line[2:end])
		target, label, _ := strings.Cut(inner, "|")
		target = strings.TrimSpace(target)
		if target == "" || strings.ContainsAny(target, " \t[]") {
			return nil
		}
		block.Advance(end + 2)
		n := &CrossLink{Target: target, Label: strings.TrimSpace(label), Offset: seg.Start}
		addLink(pc, n)
		return n
	case bytes.HasPrefix(line, []byte("[@")):
		end := bytes.IndexByte(line, ']')
		if end < 0 {
			return nil
		}
		inner := string(line[2:end])
		id, locator, _ := strings.Cut(inner, ",")
		id = strings.TrimRight(id, " \t")
		if id == "" || strings.ContainsAny(id, " \t[") {
			return nil
		}
		block.Advance(end + 1)
		n := &Citation{SourceID: id, Locator: strings.TrimSpace(locator), Offset: seg.Start}
		d := pc.Get(docKey).(*Doc)
		d.Citations = append(d.Citations, n)
		return n
	}
	return nil
}

func addLink(pc parser.Context, n *CrossLink) {
	d := pc.Get(docKey).(*Doc)
	d.Links = append(d.Links, n)
}
