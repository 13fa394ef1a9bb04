package markdown

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestTooSlow: each construct made to be slow, at a size that took
// goldmark from 20 seconds to minutes, is reported at once instead of
// parsed; what an editor writes, even a lot of it, is parsed.
func TestTooSlow(t *testing.T) {
	many := func(n int, f func(i int) string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(f(i))
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, in string
		want     string // "LINE:COL: message" or part of it, or "" to be parsed
	}{
		{"quotes", strings.Repeat(">", 100000) + " x\n", "1:1: block quotes or lists nested 100000 deep: at most 500 levels are allowed"},
		{"quotes at the limit", strings.Repeat(">", 500) + " x\n", ""},
		{"indented lists", many(3000, func(i int) string { return strings.Repeat("  ", i) + "- x\n" }), "501:1: block quotes or lists nested 501 deep: at most 500 levels are allowed"},
		{"brackets", strings.Repeat("[", 1000000) + "x" + strings.Repeat("]", 1000000), "1:10001: square brackets nested 10001 deep: at most 10000 are allowed"},
		{"brackets in paragraphs", strings.Repeat(strings.Repeat("[", 9000)+"\n\n", 20), ""},
		{"footnotes", many(100000, func(i int) string { return fmt.Sprintf("[^%d] ", i) }) + "\n\n" + many(100000, func(i int) string { return fmt.Sprintf("[^%d]: n\n", i) }),
			"1:14891: more than 2000 footnote references and notes ([^…]): at most 2000 are allowed"},
		{"some footnotes", many(500, func(i int) string { return fmt.Sprintf("[^%d] ", i) }) + "\n\n" + many(500, func(i int) string { return fmt.Sprintf("[^%d]: n\n", i) }), ""},
		{"definitions", "x\n\n" + many(200000, func(i int) string { return fmt.Sprintf("[l%d]: http://x/%d\n", i, i) }),
			"1003:1: more than 1000 link reference definitions ([x]: URL) in one paragraph: at most 1000 are allowed; put blank lines between them"},
		{"definitions in paragraphs", many(5000, func(i int) string { return fmt.Sprintf("[l%d]: http://x/%d\n\n", i, i) }), ""},
		{"open addresses", strings.Repeat("[a](", 100000), `1:3: links whose address has no end ("](" with no ")" or space after it) from here on make this text too slow to read: close them with ")"`},
		{"closed addresses", strings.Repeat("[a](http://example.org/a) ", 100000), ""},
		{"table", "|" + strings.Repeat("a|", 50000) + "\n|" + strings.Repeat("-|", 50000) + "\n" + strings.Repeat("|"+strings.Repeat("x|", 50000)+"\n", 100),
			"1:1: a table of more than 200000 cells: at most 200000 are allowed"},
		{"big table", strings.Repeat("|a|b|c|d|\n", 1) + "|-|-|-|-|\n" + strings.Repeat("|1|2|3|4|\n", 10000), ""},
		{"pipes in text", strings.Repeat("a | b - c ", 300000), ""},
		{"open code spans", many(6000, func(i int) string { return strings.Repeat("`", i+1) + " x " }), "runs of backticks (`) that no run of the same length closes make this text too slow to read"},
		{"closed code spans", strings.Repeat("`x` ``y`` ", 100000), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			doc := NewParser(false).Parse([]byte(tc.in))
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			got := ""
			for _, p := range doc.Problems {
				if !p.Warning {
					got = fmt.Sprintf("%d:%d: %s", p.LineCol.Line, p.LineCol.Col, p.Message)
				}
			}
			if !strings.Contains(got, tc.want) || (tc.want == "") != (got == "") {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}
