package check

import (
	"bytes"
	"testing"
)

func TestWriteText(t *testing.T) {
	var l List
	l.Warnf("content/claims/b.md", 3, 1, "unknown key %q", "ratng")
	l.Errorf("content/claims/a.md", 12, 3, "quote not found in source %q; closest passage: \"a, b: 100%%\nc\"", "odni")
	l.Errorf("content/claims/a.md", 12, 3, "quote not found in source %q; closest passage: \"a, b: 100%%\nc\"", "odni")
	l.Sort()
	var b bytes.Buffer
	WriteText(&b, l, true)
	// The lines after a message's first are indented.
	want := `content/claims/a.md:12:3: error: quote not found in source "odni"; closest passage: "a, b: 100%
    c"
::error file=content/claims/a.md,line=12,col=3::quote not found in source "odni"; closest passage: "a, b: 100%25%0Ac"
content/claims/b.md:3:1: warning: unknown key "ratng"
::warning file=content/claims/b.md,line=3,col=1::unknown key "ratng"
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if l.Errors() != 1 {
		t.Errorf("Errors() = %d after dropping the duplicate", l.Errors())
	}
}

func TestWriteJSON(t *testing.T) {
	var l List
	l.Errorf("x.md", 1, 2, "bad")
	var b bytes.Buffer
	WriteJSON(&b, l)
	want := "[\n  {\n    \"path\": \"x.md\",\n    \"line\": 1,\n    \"col\": 2,\n    \"severity\": \"error\",\n    \"message\": \"bad\"\n  }\n]\n"
	if b.String() != want {
		t.Errorf("got %q", b.String())
	}
}
