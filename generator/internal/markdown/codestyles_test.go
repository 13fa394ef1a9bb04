package markdown

import (
	"bytes"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestCodeStyles checks that the copied styles are chroma's own: the same
// stylesheet, and the same classes on highlighted code (a style that lacks
// a token type gives it its category's class).
func TestCodeStyles(t *testing.T) {
	light, dark := codeStyles()
	for _, tc := range []struct {
		ours *chroma.Style
		name string
	}{{light, "github"}, {dark, "github-dark"}} {
		theirs, ok := styles.Registry[tc.name]
		if !ok {
			t.Fatalf("chroma has no style %q", tc.name)
		}
		if tc.ours.Name != theirs.Name {
			t.Errorf("style name %q, chroma's %q", tc.ours.Name, theirs.Name)
		}
		var a, b bytes.Buffer
		if err := codeFormatter.WriteCSS(&a, tc.ours); err != nil {
			t.Fatal(err)
		}
		if err := codeFormatter.WriteCSS(&b, theirs); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s: the copied style's CSS differs from chroma's:\n%s\nchroma's:\n%s", tc.name, a.String(), b.String())
		}
		for _, lang := range []string{"go", "python", "javascript", "html", "yaml", "diff", "sql", "bash", "markdown"} {
			code := sampleCode
			it1, err1 := chroma.Coalesce(lexers.Get(lang)).Tokenise(nil, code)
			it2, err2 := chroma.Coalesce(lexers.Get(lang)).Tokenise(nil, code)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			a.Reset()
			b.Reset()
			codeFormatter.Format(&a, tc.ours, it1)
			codeFormatter.Format(&b, theirs, it2)
			if a.String() != b.String() {
				t.Errorf("%s, %s: the copied style highlights differently from chroma's:\n%s\nchroma's:\n%s", tc.name, lang, a.String(), b.String())
			}
		}
	}
}

const sampleCode = `// A comment, "a string", 'c', 42, 3.14, 0x1F
package main
import "fmt"
func main() { x := []int{1, 2}; if len(x) > 1 && true { fmt.Println(x) } }
def f(a, b=None): return a or b  # python
<div class="x">&amp;</div>
key: value
- item
+ added
SELECT * FROM t WHERE a = 'b';
echo "$HOME" | grep -v x
# Heading
*emphasis* **strong** [link](http://example.org)
`
