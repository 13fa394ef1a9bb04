package markdown

import (
	"bufio"
	"bytes"
	"factcheck/generator/internal/quote"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata")

// fakeLinks knows the ids "src" (a source), "claim-a" (a claim) and
// "page" (a page).
type fakeLinks struct{}

func (fakeLinks) Ref(id string) (string, string, bool) {
	switch id {
	case "src":
		return "/sources/src/", "The Source", true
	case "claim-a":
		return "/claims/claim-a/", "Claim <A>", true
	case "page":
		return "/page/", "A Page", true
	}
	return "", "", false
}

func (fakeLinks) QuoteHrefs(q *Quote) (string, string) {
	return "/sources/src/#q", "https://example.org/#:~:text=x"
}

// TestRender runs testdata/*.txtar: "in.md" is parsed and rendered, and
// compared with "out.html"; "refs.txt" lists the quotes, citations,
// cross-links and problems found. go test -update rewrites both.
func TestRender(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]string{}
			for _, f := range a.Files {
				sections[f.Name] = string(f.Data)
			}
			unsafe := sections["unsafe"] != ""
			doc := NewParser(false).Parse([]byte(sections["in.md"]))
			for _, q := range doc.Quotes {
				q.Check.Status = Verified
				q.Check.Edits = fakeEdits(q)
			}
			var out bytes.Buffer
			if err := NewRenderer(fakeLinks{}, unsafe).Render(&out, doc); err != nil {
				t.Fatal(err)
			}
			refs := describe(doc)
			// The plain text, as the search index and descriptions take it.
			plain := string(doc.AppendPlainText(nil)) + "\n"
			if *update {
				if _, ok := sections["plain.txt"]; !ok {
					a.Files = append(a.Files, txtar.File{Name: "plain.txt"})
				}
				for i, f := range a.Files {
					switch f.Name {
					case "out.html":
						a.Files[i].Data = out.Bytes()
					case "refs.txt":
						a.Files[i].Data = []byte(refs)
					case "plain.txt":
						a.Files[i].Data = []byte(plain)
					}
				}
				os.WriteFile(file, txtar.Format(a), 0o644)
				return
			}
			if plain != sections["plain.txt"] {
				t.Errorf("plain.txt:\n%q\nwant:\n%q", plain, sections["plain.txt"])
			}
			if out.String() != sections["out.html"] {
				t.Errorf("out.html:\n%q\nwant:\n%q", out.String(), sections["out.html"])
			}
			if refs != sections["refs.txt"] {
				t.Errorf("refs.txt:\n%s\nwant:\n%s", refs, sections["refs.txt"])
			}
			checkDropTree(t, []byte(sections["in.md"]), unsafe)
		})
	}
}

// fakeEdits stands each gap and bracket of q for words of a source that
// say which it is.
func fakeEdits(q *Quote) []quote.Edit {
	var edits []quote.Edit
	for k, m := range quote.Marks(q.Text) {
		edits = append(edits, quote.Edit{Gap: m.Gap, Text: q.Text[m.Start:m.End], Words: fmt.Sprint("source words ", k+1)})
	}
	return edits
}

// checkDropTree checks that a document whose tree was dropped renders as
// it did with its tree, each quote with its own check, and keeps its
// references and plain text, detached from the tree.
func checkDropTree(t *testing.T, in []byte, unsafe bool) {
	t.Helper()
	p := NewParser(false)
	full, dropped := p.Parse(in), p.Parse(in)
	for i := range full.Quotes {
		full.Quotes[i].Check = QuoteCheck{Status: Status(i % 3), Anchor: fmt.Sprint("q", i), Edits: fakeEdits(full.Quotes[i])}
		dropped.Quotes[i].Check = full.Quotes[i].Check
	}
	for _, q := range full.Quotes {
		if want := Position(in, q.Offset); q.Offset >= 0 && q.LineCol != want {
			t.Errorf("quote at %d: LineCol %v, want %v", q.Offset, q.LineCol, want)
		}
	}
	for _, c := range full.Citations {
		if want := Position(in, c.Offset); c.LineCol != want {
			t.Errorf("citation at %d: LineCol %v, want %v", c.Offset, c.LineCol, want)
		}
	}
	for _, q := range full.Quotes {
		for _, m := range q.Marks {
			if want := Position(in, m.Offset); m.LineCol != want {
				t.Errorf("mark %q at %d: LineCol %v, want %v", m.Written, m.Offset, m.LineCol, want)
			}
		}
	}
	for _, l := range full.Links {
		if want := Position(in, l.Offset); l.LineCol != want {
			t.Errorf("cross-link at %d: LineCol %v, want %v", l.Offset, l.LineCol, want)
		}
	}
	for _, p := range full.Problems {
		if want := Position(in, p.Offset); p.Offset >= 0 && p.LineCol != want {
			t.Errorf("problem at %d: LineCol %v, want %v", p.Offset, p.LineCol, want)
		}
	}
	html := SafeHTML
	if unsafe {
		html = UnsafeHTML
	}
	// Each rendering of the tree is of a new parse: goldmark's renderer of
	// table cells adds to a cell's style attribute each time it renders
	// it, and a build renders each tree once.
	parse := func() *Doc {
		d := p.Parse(in)
		for i := range d.Quotes {
			d.Quotes[i].Check = full.Quotes[i].Check
		}
		return d
	}
	checkDropped(t, full, parse, dropped, html, unsafe)
	// Without HTML, the Markdown is kept and parsed again, for either
	// unsafe setting.
	checkDropped(t, full, parse, parse(), NoHTML, unsafe)
}

// checkDropped checks dropped, a copy of full whose tree DropTree(html)
// lets go of; parse makes another copy of full, for each rendering.
func checkDropped(t *testing.T, full *Doc, parse func() *Doc, dropped *Doc, html HTML, unsafe bool) {
	t.Helper()
	text := string(full.AppendPlainText(nil))
	dropped.DropTree(html)
	if dropped.Root != nil {
		t.Fatal("DropTree kept the tree")
	}
	if (dropped.pre != nil) != (html != NoHTML) {
		t.Fatalf("DropTree(%v): kept HTML %v", html, dropped.pre != nil)
	}
	for _, c := range dropped.Citations {
		if c.Parent() != nil {
			t.Errorf("citation of %s is still in the tree", c.SourceID)
		}
	}
	for _, l := range dropped.Links {
		if l.Parent() != nil {
			t.Errorf("cross-link to %s is still in the tree", l.Target)
		}
	}
	if got, want := describe(dropped), describe(full); got != want {
		t.Errorf("references after DropTree:\n%s\nwant:\n%s", got, want)
	}
	if got, want := string(dropped.AppendPlainText(nil)), text; html != NoHTML && got != "" || html == NoHTML && got != want {
		t.Errorf("plain text after DropTree(%v):\n%q\nwant:\n%q (the Markdown kept), or nothing (the HTML kept)", html, got, want)
	}
	// The kept HTML, with its holes filled in, is what the tree renders
	// as; a renderer of the other unsafe setting cannot render it. The
	// kept Markdown renders with either.
	for _, u := range []bool{unsafe, !unsafe} {
		r := NewRenderer(fakeLinks{}, u)
		var a, b bytes.Buffer
		if err := r.Render(&a, parse()); err != nil {
			t.Fatal(err)
		}
		err := r.Render(&b, dropped)
		switch {
		case u != unsafe && html != NoHTML:
			if err == nil {
				t.Errorf("DropTree(%v), rendered with unsafe %v: no error", html, u)
			}
		case err != nil:
			t.Fatal(err)
		case a.String() != b.String():
			t.Errorf("rendered with unsafe %v after DropTree(%v):\n%s\nwant:\n%s", u, html, b.String(), a.String())
		}
	}
	if (dropped.Source == nil) != (html != NoHTML) {
		t.Errorf("DropTree(%v) kept the Markdown: %v", html, dropped.Source != nil)
	}
}

// describe lists what a document refers to, one per line.
func describe(doc *Doc) string {
	var b strings.Builder
	for _, q := range doc.Quotes {
		fmt.Fprintf(&b, "quote @%d inline=%v source=%s locator=%q text=%q\n", q.Offset, q.Inline, q.Citation.SourceID, q.Citation.Locator, q.Text)
		for _, m := range q.Marks {
			fmt.Fprintf(&b, "  mark @%d %q\n", m.Offset, m.Written)
		}
	}
	for _, c := range doc.Citations {
		fmt.Fprintf(&b, "citation @%d %s %q\n", c.Offset, c.SourceID, c.Locator)
	}
	for _, l := range doc.Links {
		fmt.Fprintf(&b, "link @%d %s %q\n", l.Offset, l.Target, l.Label)
	}
	for _, p := range doc.Problems {
		fmt.Fprintf(&b, "problem @%d warning=%v %s\n", p.Offset, p.Warning, p.Message)
	}
	return b.String()
}

// fuzzSeeds put citations and cross-links where the parser and DropTree
// must handle them: captions, footnotes, link labels, image text, tables,
// headings, nested quotes, raw HTML, lists.
var fuzzSeeds = []string{
	"> quoted\n>\n> — [@src, p. 4]\n",
	`He said "words" [@src] and [[claim-a|label]].`,
	"[@]\n[[]]\n[[x|]]\n[@a,]\n> [@src]\n",
	"> a\n> — [@src]\n",
	"*\"emph\"* [@src]",
	"<script>alert(1)</script>\n[x](javascript:alert(1))",
	"a[^1]\n\n[^1]: \"fn\" [@src] [[claim-a]]\n",
	"| a | b |\n|---|---|\n| \"q\" [@src] | [[page]] |\n",
	"# [[claim-a]] head [@src]\n",
	"[see [@src] and [[page]]](https://x.org)\n",
	"![alt [@src] [[page]]](https://x.org/a.png)\n",
	"> > \"inner\" [@src]\n> >\n> > — [@src]\n>\n> — [@src, p. 2]\n",
	"> a\n>\n> — *see* [@src] and [[claim-a|x]]\n",
	"<div>[@src]</div>\n\n<span>[@src]</span>",
	"- \"item\" [@src]\n  - [[page]]\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	p := NewParser(false)
	r := NewRenderer(fakeLinks{}, false)
	f.Fuzz(func(t *testing.T, s string) {
		doc := p.Parse([]byte(s))
		for _, q := range doc.Quotes {
			if q.Offset < 0 || q.Offset > len(s) || q.Citation == nil {
				t.Fatalf("bad quote %+v", q)
			}
		}
		var out bytes.Buffer
		if err := r.Render(&out, doc); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(out.String()), "<script") {
			t.Fatalf("raw HTML got through: %s", out.String())
		}
	})
}

// FuzzDropTree checks DropTree (see checkDropTree) on any Markdown, with
// raw HTML shown as text and kept.
func FuzzDropTree(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, unsafe := range []bool{false, true} {
			checkDropTree(t, []byte(s), unsafe)
		}
	})
}

func TestWriteEscaped(t *testing.T) {
	var all strings.Builder
	for c := range 128 {
		all.WriteByte(byte(c))
	}
	for _, s := range []string{"", "plain", `<a href="x">'&'</a>`, "é<ü>&amp;\"", all.String(), "\xff<\xfe"} {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		WriteEscaped(w, s)
		w.Flush()
		if got, want := b.String(), html.EscapeString(s); got != want {
			t.Errorf("writeEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestManyOnOneLine parses 160,000 citations and as many cross-links and
// refused links on one line: finding their columns took minutes when
// each was counted from the start of the line.
func TestManyOnOneLine(t *testing.T) {
	const n = 160000
	line := strings.Repeat("é [@s] [[x]] [a](javascript:x) ", n)
	in := []byte("Title\n\n" + line + "\n")
	start := time.Now()
	doc := NewParser(false).Parse(in)
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("parsing took %v", took)
	}
	if len(doc.Citations) != n || len(doc.Links) != n || len(doc.Problems) != n {
		t.Fatalf("got %d citations, %d cross-links, %d problems, want %d each", len(doc.Citations), len(doc.Links), len(doc.Problems), n)
	}
	const each = len("é [@s] [[x]] [a](javascript:x) ") - 1 // in characters
	last := n - 1
	for what, got := range map[string]Pos{
		"first citation":   doc.Citations[0].LineCol,
		"last citation":    doc.Citations[last].LineCol,
		"last cross-link":  doc.Links[last].LineCol,
		"last problem":     doc.Problems[last].LineCol,
		"first cross-link": doc.Links[0].LineCol,
	} {
		want := map[string]Pos{
			"first citation":   {3, 3},
			"last citation":    {3, 3 + last*each},
			"last cross-link":  {3, 8 + last*each},
			"last problem":     {3, 14 + last*each},
			"first cross-link": {3, 8},
		}[what]
		if got != want {
			t.Errorf("%s at %v, want %v", what, got, want)
		}
	}
}

func TestPositions(t *testing.T) {
	b := []byte("ab\néé x\n\nlast")
	offs := []int{len(b), 0, -1, 3, 7, 5, 3, 100, 10}
	got := Positions(b, offs)
	for i, off := range offs {
		want := Pos{}
		if off >= 0 {
			want = Position(b, off)
		}
		if got[i] != want {
			t.Errorf("offset %d: %v, want %v", off, got[i], want)
		}
	}
}

// TestLongRefs: cross-links and citations that never close, or close far
// away, 200,000 times in a line: each was searched for (and copied) to the
// end of the line, which took seconds and gigabytes.
func TestLongRefs(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("[[a|", 200000) + "]]",
		strings.Repeat("[@a, ", 200000) + "]",
		strings.Repeat("[[", 200000) + "]]",
	} {
		start := time.Now()
		doc := NewParser(false).Parse([]byte(in))
		if took := time.Since(start); took > 20*time.Second {
			t.Errorf("%.10s…: %v", in, took)
		}
		if len(doc.Links)+len(doc.Citations) > 1 {
			t.Errorf("%.10s…: %d links, %d citations", in, len(doc.Links), len(doc.Citations))
		}
	}
	// A long label is fine up to maxRef.
	label := strings.Repeat("x", maxRef-10)
	if doc := NewParser(false).Parse([]byte("[[a|" + label + "]]")); len(doc.Links) != 1 || doc.Links[0].Label != label {
		t.Errorf("a long label is not read")
	}
}

func TestCitationPages(t *testing.T) {
	for _, tt := range []struct {
		loc         string
		first, last int
		ok          bool
	}{
		{"p. 4", 4, 4, true}, {"p 4", 4, 4, true}, {"page 12", 12, 12, true}, {"P. 3", 3, 3, true},
		{"pp. 4-5", 4, 5, true}, {"pp. 4–6", 4, 6, true}, {"pages 7 - 9", 7, 9, true}, {"pp. 5-4", 5, 5, true},
		{"para. 2", 0, 0, false}, {"p.", 0, 0, false}, {"section 4", 0, 0, false}, {"", 0, 0, false},
	} {
		first, last, ok := (&Citation{Locator: tt.loc}).Pages()
		if first != tt.first || last != tt.last || ok != tt.ok {
			t.Errorf("Pages(%q) = %d, %d, %v; want %d, %d, %v", tt.loc, first, last, ok, tt.first, tt.last, tt.ok)
		}
	}
}

// TestCitationSpace: the document's plain text (for search) drops a
// citation with the space before it when punctuation follows; a quote's
// words, checked against the source, keep the space.
func TestCitationSpace(t *testing.T) {
	d := NewParser(false).Parse([]byte("> Il a dit [@x]: non.\n>\n> — [@x]\n\nThe text \"a b\" [@x]. End.\n"))
	if len(d.Quotes) != 2 || d.Quotes[0].Text != "Il a dit : non." {
		t.Errorf("quotes %+v, want the first to be %q", d.Quotes, "Il a dit : non.")
	}
	if got, want := string(d.AppendPlainText(nil)), "Il a dit: non.\n\nThe text \"a b\". End."; got != want {
		t.Errorf("plain text %q, want %q", got, want)
	}
}
