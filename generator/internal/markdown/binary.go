package markdown

import (
	"errors"
	"sync"

	"factcheck/generator/internal/quote"
	"factcheck/generator/internal/wire"
)

// Encode writes a document whose tree was dropped (see DropTree) for
// DecodeDoc: what it holds, its quotes with their checks, and its kept
// HTML or Markdown. It returns false, having written something DecodeDoc
// refuses, for a document it cannot write: one that still has its tree,
// or whose references point outside its lists.
func (d *Doc) Encode(w *wire.Writer) bool {
	if d.Root != nil {
		w.Uint(0)
		return false
	}
	w.Uint(docVersion)
	quotes := indexOf(d.Quotes)
	cites := indexOf(d.Citations)
	links := indexOf(d.Links)
	ok := true
	ref := func(i int, found bool) {
		if !found {
			ok = false
		}
		w.Uint(uint64(i + 1))
	}
	w.Bytes0(d.Source)
	w.Len(d.Quotes == nil, len(d.Quotes))
	for _, q := range d.Quotes {
		w.String(q.Text)
		if q.Citation == nil {
			w.Uint(0)
		} else {
			i, found := cites[q.Citation]
			ref(i, found)
		}
		w.Int(q.Offset)
		writePos(w, q.LineCol)
		w.Bool(q.Inline)
		w.Len(q.Marks == nil, len(q.Marks))
		for _, m := range q.Marks {
			if m.Quote != q {
				ok = false
			}
			w.Int(m.Index)
			w.String(m.Written)
			w.Int(m.Offset)
			writePos(w, m.LineCol)
		}
		w.Int(int(q.Check.Status))
		w.String(q.Check.Anchor)
		w.String(q.Check.Fragment)
		w.Len(q.Check.Edits == nil, len(q.Check.Edits))
		for _, e := range q.Check.Edits {
			w.Bool(e.Gap)
			w.String(e.Text)
			w.Int(e.Source.Start)
			w.Int(e.Source.End)
			w.String(e.Words)
			w.Bool(e.Edge)
			w.Bool(e.Joined)
		}
	}
	w.Len(d.Citations == nil, len(d.Citations))
	for _, c := range d.Citations {
		w.String(c.SourceID)
		w.String(c.Locator)
		w.Int(c.Offset)
		writePos(w, c.LineCol)
		if c.Quote == nil {
			w.Uint(0)
		} else {
			i, found := quotes[c.Quote]
			ref(i, found)
		}
	}
	w.Len(d.Links == nil, len(d.Links))
	for _, l := range d.Links {
		w.String(l.Target)
		w.String(l.Label)
		w.Int(l.Offset)
		writePos(w, l.LineCol)
	}
	w.Len(d.Problems == nil, len(d.Problems))
	for _, p := range d.Problems {
		w.Int(p.Offset)
		w.Bool(p.Warning)
		w.String(p.Message)
		writePos(w, p.LineCol)
	}
	w.Bool(d.pre != nil)
	if d.pre != nil {
		w.String(d.pre.html)
		w.Bool(d.pre.unsafe)
		w.Uint(uint64(len(d.pre.holes)))
		for _, h := range d.pre.holes {
			w.Int(h.at)
			// A hole is a citation, a cross-link or an edit mark: its
			// kind, then its place in its list.
			switch n := h.node.(type) {
			case *Citation:
				w.Uint(0)
				i, found := cites[n]
				ref(i, found)
			case *CrossLink:
				w.Uint(1)
				i, found := links[n]
				ref(i, found)
			case *EditMark:
				w.Uint(2)
				q, found := quotes[n.Quote]
				ref(q, found)
				m := -1
				if found {
					for j, x := range d.Quotes[q].Marks {
						if x == n {
							m = j
						}
					}
				}
				ref(m, m >= 0)
			default:
				w.Uint(3)
				ok = false
			}
		}
	}
	w.Int(parserKind(d.parser))
	return ok
}

// docVersion changes when what Encode writes does.
const docVersion = 1

// errDoc is DecodeDoc's error for input that is not a document Encode
// wrote, or that makes no sense.
var errDoc = errors.New("markdown: not an encoded document")

// DecodeDoc reads a document that Encode wrote. Its strings share the
// Reader's input. Input that does not hold one is an error of r (see
// wire.Reader.Err), and the result is then nil.
func DecodeDoc(r *wire.Reader) *Doc {
	if r.Uint() != docVersion {
		r.Fail(errDoc)
		return nil
	}
	d := &Doc{}
	fail := func() *Doc { r.Fail(errDoc); return nil }
	d.Source = r.Bytes0()
	n, isNil := r.Len(8)
	if !isNil {
		d.Quotes = make([]*Quote, n)
	}
	citeOf := make([]int, n) // each quote's citation, +1
	for i := range d.Quotes {
		q := &Quote{Text: r.String()}
		citeOf[i] = int(min(r.Uint(), 1<<31))
		q.Offset = r.Int()
		q.LineCol = readPos(r)
		q.Inline = r.Bool()
		m, isNil := r.Len(4)
		if !isNil {
			q.Marks = make([]*EditMark, m)
		}
		for j := range q.Marks {
			q.Marks[j] = &EditMark{Quote: q, Index: r.Int(), Written: r.String(), Offset: r.Int(), LineCol: readPos(r)}
		}
		q.Check.Status = Status(r.Int())
		q.Check.Anchor = r.String()
		q.Check.Fragment = r.String()
		e, isNil := r.Len(8)
		if !isNil {
			q.Check.Edits = make([]quote.Edit, e)
		}
		for j := range q.Check.Edits {
			ed := &q.Check.Edits[j]
			ed.Gap = r.Bool()
			ed.Text = r.String()
			ed.Source.Start = r.Int()
			ed.Source.End = r.Int()
			ed.Words = r.String()
			ed.Edge = r.Bool()
			ed.Joined = r.Bool()
		}
		d.Quotes[i] = q
	}
	n, isNil = r.Len(6)
	if !isNil {
		d.Citations = make([]*Citation, n)
	}
	for i := range d.Citations {
		c := &Citation{SourceID: r.String(), Locator: r.String(), Offset: r.Int(), LineCol: readPos(r)}
		if q := r.Uint(); q > 0 {
			if q > uint64(len(d.Quotes)) {
				return fail()
			}
			c.Quote = d.Quotes[q-1]
		}
		d.Citations[i] = c
	}
	for i, c := range citeOf {
		if c > len(d.Citations) {
			return fail()
		}
		if c == 0 {
			return fail() // the parser gives every quote its citation
		}
		d.Quotes[i].Citation = d.Citations[c-1]
	}
	n, isNil = r.Len(5)
	if !isNil {
		d.Links = make([]*CrossLink, n)
	}
	for i := range d.Links {
		d.Links[i] = &CrossLink{Target: r.String(), Label: r.String(), Offset: r.Int(), LineCol: readPos(r)}
	}
	n, isNil = r.Len(5)
	if !isNil {
		d.Problems = make([]Problem, n)
	}
	for i := range d.Problems {
		d.Problems[i] = Problem{Offset: r.Int(), Warning: r.Bool(), Message: r.String(), LineCol: readPos(r)}
	}
	if r.Bool() {
		pre := &prerendered{html: r.String(), unsafe: r.Bool()}
		n := r.Uint()
		if n > uint64(r.Rest()/3) {
			return fail()
		}
		pre.holes = make([]hole, n)
		at := 0
		for i := range pre.holes {
			h := &pre.holes[i]
			h.at = r.Int()
			if h.at < at || h.at > len(pre.html) {
				return fail() // splice would slice out of the HTML
			}
			at = h.at
			kind, k := r.Uint(), r.Uint()
			switch {
			case kind == 0 && k >= 1 && k <= uint64(len(d.Citations)):
				h.node = d.Citations[k-1]
			case kind == 1 && k >= 1 && k <= uint64(len(d.Links)):
				h.node = d.Links[k-1]
			case kind == 2 && k >= 1 && k <= uint64(len(d.Quotes)):
				marks := d.Quotes[k-1].Marks
				if m := r.Uint(); m >= 1 && m <= uint64(len(marks)) {
					h.node = marks[m-1]
				}
			}
			if h.node == nil {
				return fail()
			}
		}
		d.pre = pre
	}
	switch r.Int() {
	case 1:
		d.parser = sharedParser(false)
	case 2:
		d.parser = sharedParser(true)
	}
	if r.Err() != nil {
		return nil
	}
	return d
}

func writePos(w *wire.Writer, p Pos) {
	w.Int(p.Line)
	w.Int(p.Col)
}

func readPos(r *wire.Reader) Pos { return Pos{r.Int(), r.Int()} }

// indexOf maps each item of a list to its place.
func indexOf[T comparable](l []T) map[T]int {
	m := make(map[T]int, len(l))
	for i, x := range l {
		m[x] = i
	}
	return m
}

// parserKind is 0 for no parser, 1 for a parser of claims and 2 for one
// of plain text.
func parserKind(p *Parser) int {
	switch {
	case p == nil:
		return 0
	case p.plain:
		return 2
	}
	return 1
}

// sharedParsers parse the Markdown of decoded documents again when it is
// rendered; a Parser may be used by many goroutines at once.
var sharedParsers = [2]func() *Parser{
	sync.OnceValue(func() *Parser { return NewParser(false) }),
	sync.OnceValue(func() *Parser { return NewParser(true) }),
}

func sharedParser(plain bool) *Parser {
	if plain {
		return sharedParsers[1]()
	}
	return sharedParsers[0]()
}
