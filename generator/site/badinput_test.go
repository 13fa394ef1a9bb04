package site

import (
	"strings"
	"testing"
	"time"
)

func TestBadInputProbe(t *testing.T) {
	claim := strings.Replace(claimFM, "%s", "accurate", 1)
	cases := map[string]string{
		"utf8":   "---\nclaim: C\xff\n---\n",
		"bom":    "\xef\xbb\xbf" + claim,
		"crlf":   strings.ReplaceAll(claim+"Body [[x]].\n", "\n", "\r\n"),
		"empty":  "",
		"fmonly": claim[:len(claim)-1],
		"nested": claim + strings.Repeat("- ", 10000) + "x\n",
		"bq":     claim + strings.Repeat(">", 10000) + " x\n",
		"huge":   "---\nclaim: " + strings.Repeat("a", 20<<20) + "\n---\n",
		"deep":   "---\nclaim: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n---\n",
		"deepm":  "---\nclaim: " + strings.Repeat("{a: ", 10000) + "1" + strings.Repeat("}", 10000) + "\n---\n",
	}
	for name, c := range cases {
		start := time.Now()
		_, d := Load(site("content/claims/a.md", c), Options{})
		t.Logf("%s (%v): %d diags", name, time.Since(start), len(d))
		for _, x := range d {
			s := x.String()
			if len(s) > 300 {
				s = s[:300]
			}
			t.Logf("  %s", s)
		}
	}
}
