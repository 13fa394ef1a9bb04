package markdown

import (
	"bytes"
	"fmt"
	"testing"
)

// FuzzDropTree: a document rendered after DropTree (prerendered with holes,
// or parsed again when it falls back) must render as its full tree does.
func FuzzDropTree(f *testing.F) {
	for _, s := range []string{
		"> quoted\n>\n> — [@src, p. 4]\n",
		`He said "words" [@src] and [[claim-a|label]].`,
		"[@]\n[[]]\n[[x|]]\n[@a,]\n> [@src]\n",
		"> a\n> — [@src]\n",
		"*\"emph\"* [@src]",
		"a[^1]\n\n[^1]: \"fn\" [@src] [[claim-a]]\n",
		"| a | b |\n|---|---|\n| \"q\" [@src] | [[page]] |\n",
		"# [[claim-a]] head [@src]\n",
		"[see [@src] and [[page]]](https://x.org)\n",
		"![alt [@src] [[page]]](https://x.org/a.png)\n",
		"> > \"inner\" [@src]\n> >\n> > — [@src]\n>\n> — [@src, p. 2]\n",
		"> a\n>\n> — *see* [@src] and [[claim-a|x]]\n",
		"<div>[@src]</div>\n\n<span>[@src]</span>",
		"- \"item\" [@src]\n  - [[page]]\n",
	} {
		f.Add(s)
	}
	p := NewParser(false)
	f.Fuzz(func(t *testing.T, s string) {
		for _, unsafe := range []bool{false, true} {
			full, dropped := p.Parse([]byte(s)), p.Parse([]byte(s))
			for i := range full.Quotes {
				full.Quotes[i].Check = QuoteCheck{Status: Status(i % 3), Anchor: fmt.Sprint("q", i)}
				dropped.Quotes[i].Check = full.Quotes[i].Check
			}
			html := SafeHTML
			if unsafe {
				html = UnsafeHTML
			}
			dropped.DropTree(html)
			r := NewRenderer(fakeLinks{}, unsafe)
			var a, b bytes.Buffer
			if err := r.Render(&a, full); err != nil {
				t.Fatal(err)
			}
			if err := r.Render(&b, dropped); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Fatalf("unsafe %v, pre %v: after DropTree:\n%q\nwant:\n%q", unsafe, dropped.pre != nil, b.String(), a.String())
			}
			if dropped.pre == nil {
				t.Logf("fallback for %q", s)
			}
		}
	})
}
