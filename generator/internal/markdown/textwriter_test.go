package markdown

import (
	"bufio"
	"bytes"
	"testing"

	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// writeBoth writes s with textWriter and with goldmark's default writer.
func writeBoth(s string) (got, want string) {
	var a, b bytes.Buffer
	wa, wb := bufio.NewWriter(&a), bufio.NewWriter(&b)
	newTextWriter().Write(wa, []byte(s))
	gmhtml.DefaultWriter.Write(wb, []byte(s))
	wa.Flush()
	wb.Flush()
	return a.String(), b.String()
}

func TestTextWriter(t *testing.T) {
	for _, s := range []string{
		"", "plain text", `a "quote" <b> & c`, "x > y < z",
		`\*not emphasis\*`, `a\`, `\`, `\\`, `\ x`, `\"`, "a\\\nb",
		"&amp; &lt;x&gt; &quot;", "&#x22; &#34; &#X41; &#0; &#99999999;", "&nosuch; & &; &#; &#x;",
		"nul \x00 byte", "\x00", "café – “curly” ‘quotes’", "<script>alert(1)</script>",
		"ends with &", "ends with &#", "a & b \\& c",
	} {
		if got, want := writeBoth(s); got != want {
			t.Errorf("%q: %q, default writer %q", s, got, want)
		}
	}
}

func FuzzTextWriter(f *testing.F) {
	for _, s := range []string{"a <b> \"c\"", `\* &amp; &#35; x`, "\x00&\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := writeBoth(s); got != want {
			t.Fatalf("%q: %q, default writer %q", s, got, want)
		}
	})
}
