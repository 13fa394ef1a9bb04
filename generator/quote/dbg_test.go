package quote

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestDbg(t *testing.T) {
	s := " \u0301"
	t.Logf("%q qs=%d nb=%d", norm.NFC.String(s), norm.NFC.QuickSpanString(s), norm.NFC.NextBoundaryInString(s, true))
	src := NewSource(s)
	t.Logf("%+v %q", src.segs, src.norm)
}
