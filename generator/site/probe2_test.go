package site

import (
	"strings"
	"testing"
	"time"
)

func TestProbe2(t *testing.T) {
	claim := strings.Replace(claimFM, "%s", "accurate", 1)
	var b strings.Builder
	b.WriteString("---\ntitle: Big\npublisher: P\n---\n")
	para := "The committee found no indications that any foreign actor attempted to interfere in the elections. "
	i := 0
	for b.Len() < 50<<20 {
		b.WriteString(para)
		i++
		if i%10 == 0 {
			b.WriteString("\n\n")
		}
	}
	b.WriteString("\n\nThe very last sentence of the big source is here.\n")
	for _, format := range []string{"markdown", "text"} {
		src := b.String()
		if format == "text" {
			src = strings.Replace(src, "publisher: P\n", "publisher: P\nformat: text\n", 1)
		}
		start := time.Now()
		s, d := Load(site("content/sources/big.md", src, "content/claims/a.md", claim+"> The very last sentence of the big source is here.\n>\n> — [@big]\n"), Options{})
		t.Logf("%s %v %v %d", format, time.Since(start), d, len(s.Source["big"].Highlights))
	}
	for _, n := range []int{100000} {
		start := time.Now()
		_, d := Load(site("content/claims/a.md", "---\nclaim: "+strings.Repeat("[", n)+strings.Repeat("]", n)+"\n---\n"), Options{})
		t.Logf("%v %v", time.Since(start), d)
		start = time.Now()
		_, d = Load(site("content/claims/a.md", claim+strings.Repeat("- ", n)+"x\n"), Options{})
		t.Logf("%v %v", time.Since(start), d)
		start = time.Now()
		_, d = Load(site("content/claims/a.md", claim+strings.Repeat("> ", n)+"x\n"), Options{})
		t.Logf("%v %v", time.Since(start), d)
	}
}
