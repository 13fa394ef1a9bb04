package quote

import (
	"strings"
	"testing"
	"time"
)

func TestDbgSlow(t *testing.T) {
	cases := []struct{ text, quote string }{
		{strings.Repeat("a", 10000), strings.Repeat("a[x]", 50) + "b"},
		{strings.Repeat("a ", 5000), strings.Repeat("a [x] ", 50) + "b"},
		{strings.Repeat("a ", 5000), strings.Repeat("a … ", 50) + "b"},
		{strings.Repeat("a[", 5000), strings.Repeat("a[", 50) + "b"},
		{strings.Repeat("ab ", 5000), strings.Repeat("a[x]b ", 50) + "c"},
	}
	for _, c := range cases {
		s := NewSource(c.text)
		t0 := time.Now()
		s.Find(c.quote)
		t.Log(time.Since(t0))
		t0 = time.Now()
		s.Closest(c.quote)
		t.Log(" closest", time.Since(t0))
	}
}
