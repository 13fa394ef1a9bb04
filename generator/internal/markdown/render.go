package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"sync"

	"factcheck/generator/internal/quote"
	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Links tells the renderer where citations, cross-links and quotes point.
type Links interface {
	// Ref returns the href and title of the claim, source or page with
	// this id; ok is false when there is none.
	Ref(id string) (href, title string, ok bool)
	// QuoteHrefs returns the href of a quote's highlight on its source
	// page and of the quote in the original document; either may be "".
	QuoteHrefs(q *Quote) (anchor, original string)
}

// Texts, when the Links of a renderer have it, gives the words it writes
// around quotes ("✓ verified", "(left out: %s)" …) in the page's
// language: message key with args, as plain text (package locale). Without
// it they are English.
type Texts interface {
	Text(key string, args ...any) string
}

// Renderer writes parsed documents as HTML. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	nodes  *nodeRenderer
	unsafe bool
}

// NewRenderer returns a renderer that resolves references with links.
// With unsafe set, raw HTML in Markdown is written as it is; otherwise it is
// shown as text.
func NewRenderer(links Links, unsafe bool) *Renderer {
	var opts []renderer.Option
	if unsafe {
		opts = append(opts, gmhtml.WithUnsafe())
	}
	nodes := &nodeRenderer{links: links, unsafe: unsafe}
	opts = append(opts, renderer.WithNodeRenderers(util.Prioritized(nodes, 100)))
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithRendererOptions(opts...),
	)
	return &Renderer{md: md, nodes: nodes, unsafe: unsafe}
}

// SizeHint is about the size of doc as HTML.
func (doc *Doc) SizeHint() int {
	if doc.pre != nil {
		return len(doc.pre.html) + len(doc.pre.holes)*320 // a citation takes 150–300 bytes
	}
	return len(doc.Source) + len(doc.Source)/4 + 256
}

// prerendered is a document rendered as HTML with holes where its
// citations and cross-links go.
type prerendered struct {
	html   string
	holes  []hole
	unsafe bool
}

// A hole is where a citation or cross-link goes: before html[at:].
type hole struct {
	at   int
	node ast.Node
}

// prerenderers render documents with holes, for unsafe false and true.
var (
	prerenderOnce [2]sync.Once
	prerenderers  [2]*Renderer
)

// prerender renders the tree of d with holes; nil if it fails.
func prerender(d *Doc, unsafe bool) *prerendered {
	i := 0
	if unsafe {
		i = 1
	}
	prerenderOnce[i].Do(func() { prerenderers[i] = NewRenderer(nil, unsafe) })
	w := holeWriters.Get().(*holeWriter)
	defer holeWriters.Put(w)
	w.Reset()
	w.holes = w.holes[:0]
	if err := prerenderers[i].md.Renderer().Render(w, d.Source, d.Root); err != nil {
		return nil
	}
	// Kept until the page is rendered: copied out of the writer, which is
	// used again.
	return &prerendered{html: w.String(), holes: slices.Clone(w.holes), unsafe: unsafe}
}

// holeWriter is what a document is prerendered into: the renderers of
// citations and cross-links leave a hole in it instead of writing. As a
// goldmark util.BufWriter it is written to directly, so its length is
// where the renderer is.
type holeWriter struct {
	bytes.Buffer
	holes []hole
}

func (w *holeWriter) Buffered() int { return 0 }
func (w *holeWriter) Flush() error  { return nil }

var holeWriters = sync.Pool{New: func() any { return new(holeWriter) }}

// bufferWriter is a bytes.Buffer that goldmark writes into directly: as a
// goldmark util.BufWriter, it is not wrapped in a bufio.Writer that would
// copy everything once more.
type bufferWriter struct{ *bytes.Buffer }

func (b bufferWriter) Buffered() int { return 0 }
func (b bufferWriter) Flush() error  { return nil }

// leaveHole records that n goes here, if w is a holeWriter.
func leaveHole(w util.BufWriter, n ast.Node) bool {
	hw, ok := w.(*holeWriter)
	if ok {
		hw.holes = append(hw.holes, hole{at: hw.Len(), node: n})
	}
	return ok
}

// splice writes a prerendered document, rendering its citations and
// cross-links into the holes.
func (r *Renderer) splice(w io.Writer, pre *prerendered) error {
	bw, ok := w.(util.BufWriter)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	at := 0
	for _, h := range pre.holes {
		bw.WriteString(pre.html[at:h.at])
		at = h.at
		switch n := h.node.(type) {
		case *Citation:
			r.nodes.citation(bw, nil, n, true)
		case *CrossLink:
			r.nodes.crossLink(bw, nil, n, true)
		case *EditMark:
			r.nodes.editMark(bw, nil, n, true)
		}
	}
	bw.WriteString(pre.html[at:])
	return bw.Flush()
}

// Render writes doc as HTML.
func (r *Renderer) Render(w io.Writer, doc *Doc) error {
	if b, ok := w.(*bytes.Buffer); ok {
		w = bufferWriter{b}
	}
	if pre := doc.pre; pre != nil {
		if pre.unsafe != r.unsafe {
			return fmt.Errorf("markdown: a document prepared with unsafe HTML %v rendered with %v", pre.unsafe, r.unsafe)
		}
		return r.splice(w, pre)
	}
	root := doc.tree()
	if root == nil {
		return nil
	}
	return r.md.Renderer().Render(w, doc.Source, root)
}

type nodeRenderer struct {
	links  Links
	unsafe bool
}

// text is message key with args in the page's language (see Texts).
func (r *nodeRenderer) text(key string, args ...any) string {
	if t, ok := r.links.(Texts); ok {
		return t.Text(key, args...)
	}
	return fmt.Sprintf(key, args...)
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitation, r.citation)
	reg.Register(KindCrossLink, r.crossLink)
	reg.Register(KindQuoteBlock, r.quoteBlock)
	reg.Register(KindEditMark, r.editMark)
	reg.Register(ast.KindFencedCodeBlock, r.code)
	if !r.unsafe {
		reg.Register(ast.KindRawHTML, r.rawHTML)
		reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	}
}

func (r *nodeRenderer) citation(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	c := n.(*Citation)
	if leaveHole(w, c) {
		return ast.WalkSkipChildren, nil
	}
	href, title, ok := r.links.Ref(c.SourceID)
	if !ok {
		title = c.SourceID
	}
	var anchor, original string
	if c.Quote != nil {
		anchor, original = r.links.QuoteHrefs(c.Quote)
	}
	if anchor != "" {
		href = anchor
	}
	w.WriteString(`<span class="citation">`)
	if c.Quote != nil && !c.Quote.Inline {
		// The attribution line of a block quote names the source in full.
		openLink(w, href, "")
		w.WriteString(`<cite>`)
		WriteEscaped(w, title)
		w.WriteString(`</cite>`)
		closeLink(w, href)
		if c.Locator != "" {
			WriteEscaped(w, r.text(", "))
			WriteEscaped(w, c.Locator)
		}
	} else {
		openLink(w, href, title)
		w.WriteByte('[')
		WriteEscaped(w, title)
		if c.Locator != "" {
			w.WriteString(", ")
			WriteEscaped(w, c.Locator)
		}
		w.WriteByte(']')
		closeLink(w, href)
	}
	if c.Quote != nil {
		r.writeStatus(w, c.Quote, original)
	}
	w.WriteString(`</span>`)
	return ast.WalkSkipChildren, nil
}

// writeStatus writes what verification found, and the link to the quote in
// the original document.
func (r *nodeRenderer) writeStatus(w util.BufWriter, q *Quote, original string) {
	status := func(class, title, text string) {
		w.WriteString(` <span class="qstatus ` + class + `" title="`)
		WriteEscaped(w, title)
		w.WriteString(`">`)
		WriteEscaped(w, text)
		w.WriteString(`</span>`)
	}
	switch q.Check.Status {
	case Verified:
		status("verified", r.text("Found word for word in the stored source"), r.text("✓ verified"))
	case Unverified:
		status("unverified", r.text("The source's text is not stored, so this quote could not be checked"), r.text("unverified"))
	}
	if original != "" {
		w.WriteString(` <a class="original" rel="external noopener" href="`)
		WriteEscaped(w, original)
		w.WriteString(`">`)
		WriteEscaped(w, r.text("original ↗"))
		w.WriteString(`</a>`)
	}
}

// openLink starts a link to href, with a title if not "": closeLink ends
// it. Without an href there is no link, only what is written between.
func openLink(w util.BufWriter, href, title string) {
	if href == "" {
		return
	}
	w.WriteString(`<a href="`)
	WriteEscaped(w, href)
	if title != "" {
		w.WriteString(`" title="`)
		WriteEscaped(w, title)
	}
	w.WriteString(`">`)
}

func closeLink(w util.BufWriter, href string) {
	if href != "" {
		w.WriteString(`</a>`)
	}
}

// WriteEscaped writes s escaped for HTML text or a quoted attribute value,
// as html.EscapeString escapes it.
func WriteEscaped[W interface{ WriteString(string) (int, error) }](w W, s string) {
	w.WriteString(html.EscapeString(s))
}

func (r *nodeRenderer) crossLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	l := n.(*CrossLink)
	if leaveHole(w, l) {
		return ast.WalkSkipChildren, nil
	}
	href, title, ok := r.links.Ref(l.Target)
	label := l.Label
	if label == "" {
		label = title
	}
	if !ok {
		label = l.Target
		if l.Label != "" {
			label = l.Label
		}
	}
	w.WriteString(`<span class="xref">`)
	openLink(w, href, "")
	WriteEscaped(w, label)
	closeLink(w, href)
	w.WriteString(`</span>`)
	return ast.WalkSkipChildren, nil
}

// editMark writes a gap or bracket of a quote, and after it, once the
// quote is verified, the source's words it stands for: what a gap left out,
// what a bracket replaced. A bracket that only inserts words, changes case
// or stands for the same words with others joined to it shows nothing more,
// nor does a gap at either end of a quote.
func (r *nodeRenderer) editMark(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	m := n.(*EditMark)
	if leaveHole(w, m) {
		return ast.WalkSkipChildren, nil
	}
	q := m.Quote
	var e quote.Edit
	if q.Check.Status == Verified && len(q.Check.Edits) == len(q.Marks) && m.Index < len(q.Marks) {
		e = q.Check.Edits[m.Index]
	}
	if e.Words == "" || e.Edge || e.Joined || !e.Gap && strings.EqualFold(e.Words, e.Text) {
		WriteEscaped(w, m.Written)
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<span class="qedit">`)
	WriteEscaped(w, m.Written)
	w.WriteString(` <span class="qedit-src">`)
	words := r.text("“%s”", e.Words)
	if e.Gap {
		WriteEscaped(w, r.text("(left out: %s)", words))
	} else {
		WriteEscaped(w, r.text("(the source has: %s)", words))
	}
	w.WriteString(`</span></span>`)
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) quoteBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	qb := n.(*QuoteBlock)
	if entering {
		w.WriteString(`<figure class="quote">` + "\n<blockquote>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString("</blockquote>\n<figcaption>— ")
	if err := r.renderInline(w, src, qb.Caption); err != nil {
		return ast.WalkStop, err
	}
	w.WriteString("</figcaption>\n</figure>\n")
	return ast.WalkContinue, nil
}

// renderInline renders the children of a node that is not in the tree the
// goldmark renderer walks (the caption of a quote).
func (r *nodeRenderer) renderInline(w util.BufWriter, src []byte, n ast.Node) error {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *Citation:
			r.citation(w, src, c, true)
		case *CrossLink:
			r.crossLink(w, src, c, true)
		case *ast.Text:
			w.WriteString(html.EscapeString(string(c.Segment.Value(src))))
			if c.SoftLineBreak() {
				w.WriteString(" ")
			}
		default:
			w.WriteString(html.EscapeString(PlainText(c, src)))
		}
	}
	return nil
}

func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		w.WriteString(html.EscapeString(string(segValue(segs.At(i), src))))
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) htmlBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	hb := n.(*ast.HTMLBlock)
	var b strings.Builder
	for i := 0; i < hb.Lines().Len(); i++ {
		b.Write(segValue(hb.Lines().At(i), src))
	}
	if hb.HasClosure() {
		b.Write(hb.ClosureLine.Value(src))
	}
	w.WriteString(`<p class="raw-html">` + html.EscapeString(strings.TrimRight(b.String(), "\n")) + "</p>\n")
	return ast.WalkSkipChildren, nil
}

var codeFormatter = chromahtml.New(chromahtml.WithClasses(true))

func (r *nodeRenderer) code(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	fcb := n.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := 0; i < fcb.Lines().Len(); i++ {
		code.Write(segValue(fcb.Lines().At(i), src))
	}
	lang := string(fcb.Language(src))
	lexer := lexers.Get(lang)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err == nil {
		light, _ := codeStyles()
		err = codeFormatter.Format(w, light, it)
		w.WriteString("\n")
	}
	if err != nil {
		w.WriteString(`<pre class="chroma"><code>` + html.EscapeString(code.String()) + "</code></pre>\n")
	}
	return ast.WalkSkipChildren, nil
}

var (
	cssOnce sync.Once
	css     []byte
)

// CodeCSS returns the stylesheet for highlighted code: the light style, and
// the dark one for readers who prefer dark pages.
func CodeCSS() []byte {
	cssOnce.Do(func() {
		var b bytes.Buffer
		light, dark := codeStyles()
		codeFormatter.WriteCSS(&b, light)
		b.WriteString("@media (prefers-color-scheme: dark) {\n")
		codeFormatter.WriteCSS(&b, dark)
		b.WriteString("}\n")
		css = b.Bytes()
	})
	return css
}
