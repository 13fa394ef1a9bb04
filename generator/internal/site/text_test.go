package site

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"factcheck/generator/internal/markdown"
)

func TestHTMLPieces(t *testing.T) {
	for _, tc := range []struct {
		html   string
		plain  string
		pieces []Piece
	}{
		{"", "", nil},
		// A block's tags end a paragraph, before and after it.
		{"<p>One <em>two</em></p>\n<p>AT&amp;T &lt;b&gt;</p>\n", "One two\n\n\nAT&T <b>\n\n\n", []Piece{
			{Tag: "<p>"}, {Text: "One ", Offset: 0}, {Tag: "<em>"}, {Text: "two", Offset: 4}, {Tag: "</em>"}, {Tag: "</p>"},
			{Text: "\n", Offset: 9}, {Tag: "<p>"}, {Text: "AT&T <b>", Offset: 10}, {Tag: "</p>"}, {Text: "\n", Offset: 20},
		}},
		{`<h2 id="a">T</h2><p><a href="https://x.org/?a=1&amp;b">l</a></p>`, "T\n\nl\n\n", []Piece{
			{Tag: `<h2 id="a">`}, {Text: "T"}, {Tag: "</h2>"}, {Tag: "<p>"},
			{Tag: `<a href="https://x.org/?a=1&amp;b">`}, {Text: "l", Offset: 3}, {Tag: "</a>"}, {Tag: "</p>"},
		}},
		{"a<br>\nb<br />c", "a\n\n\nb\n\nc", []Piece{
			{Text: "a"}, {Tag: "<br>"}, {Text: "\nb", Offset: 3}, {Tag: "<br />"}, {Text: "c", Offset: 7},
		}},
	} {
		got := htmlPieces([]byte(tc.html))
		if got.Plain != tc.plain || !reflect.DeepEqual(got.Pieces, tc.pieces) {
			t.Errorf("htmlPieces(%q)\n = %q %+v\nwant %q %+v", tc.html, got.Plain, got.Pieces, tc.plain, tc.pieces)
		}
	}
}

// htmlSamples are HTML for splitHTML: the example site's sources and the
// Markdown test inputs rendered as sources are (safe and unsafe), and
// hand-made HTML on the edges of what simpleHTML accepts.
func htmlSamples(t testing.TB) [][]byte {
	var mds []string
	for _, glob := range []string{"../../../content/sources/*.md", "../markdown/testdata/*.txtar"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			mds = append(mds, strings.Split(string(b), "\n-- ")...)
		}
	}
	mds = append(mds, "<script>a<b</script> <style>x</style> <!-- c --> <?x?>",
		"![a \"b\" > c](/i.png \"t > 'u'\") [l](</a b> 'x > y') <http://x.org/a>b>",
		"```html\n<p class=\"x\">a & b</p>\n```\n\n    <b>indented</b>\n\n| a | <b> |\n|---|---|\n| 1 | 2 |",
		"a[^1] ~~s~~ - [ ] t\n\n[^1]: note <i>x</i>\n\n***\n\n<div>\nblock\n</div>")
	var out [][]byte
	for _, unsafe := range []bool{false, true} {
		p, r := markdown.NewParser(true), markdown.NewRenderer(nil, unsafe)
		for _, md := range mds {
			var b bytes.Buffer
			r.Render(&b, p.Parse([]byte(md)))
			out = append(out, b.Bytes())
		}
	}
	for _, s := range []string{
		`<a title="x>y">t</a>`, `<p>a<b</p>`, `<P>x</P>`, `</p >`, `<br/>x<br />`, "<a\nhref=x>t</a>",
		"a < b", "<1>", `<a title='x'>t</a>`, `<a title="x">`, "<p", "<>", "</>", "<a b=\"1\"c>", "x&amp;y&lt;",
		// Quotes that do not open a value: the tag does not end at the first ">".
		`<p>a<a x=y" z="w>v">b</a></p>`, `<p><a b"=c d="e>f">x</a></p>`, `<div x=y" z="w>v">hello world</div>`,
		`<a x="1"y="2">t</a>`, `<a  x="1">`, `<a x="1" >`, `<a x>`, `<a x="">`, `<input checked="" disabled="" type="checkbox">`,
	} {
		out = append(out, []byte(s))
	}
	return out
}

// TestSplitSimpleHTML checks that what simpleHTML accepts is split as
// x/net/html's tokenizer splits it, and that goldmark's safe HTML is
// accepted.
func TestSplitSimpleHTML(t *testing.T) {
	simple := 0
	samples := htmlSamples(t)
	for _, s := range samples {
		if !simpleHTML(s) {
			continue
		}
		simple++
		if got, want := splitHTML(s, true), splitHTML(s, false); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n split %q %+v\n tokenizer %q %+v", s, got.Plain, got.Pieces, want.Plain, want.Pieces)
		}
	}
	if simple < len(samples)/3 {
		t.Errorf("only %d of %d samples are simple", simple, len(samples))
	}
	p, r := markdown.NewParser(true), markdown.NewRenderer(nil, false)
	for _, md := range []string{"a *b* <i>c</i> & d\n\n```\n<x>\n```\n\n> q\n\n1. [l](http://x.org/?a=1&b=2 \"t\")"} {
		var b bytes.Buffer
		r.Render(&b, p.Parse([]byte(md)))
		if !simpleHTML(b.Bytes()) {
			t.Errorf("goldmark's safe HTML is not simple: %q", b.Bytes())
		}
	}
}

func FuzzSplitSimpleHTML(f *testing.F) {
	for _, s := range htmlSamples(f) {
		f.Add(string(s), false)
	}
	f.Add("a *b* [c](d)", true)
	p, r := markdown.NewParser(true), markdown.NewRenderer(nil, false)
	f.Fuzz(func(t *testing.T, s string, markdown bool) {
		b := []byte(s)
		if markdown { // as a source's Markdown
			var out bytes.Buffer
			r.Render(&out, p.Parse(b))
			b = out.Bytes()
		}
		if !simpleHTML(b) {
			return
		}
		if got, want := splitHTML(b, true), splitHTML(b, false); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n split %q %+v\n tokenizer %q %+v", b, got.Plain, got.Pieces, want.Plain, want.Pieces)
		}
	})
}
