package diag

import (
	"bytes"
	"strings"
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

// TestEscape prints diagnostics about files whose names (legal in git)
// carry workflow commands, escape sequences and bidi controls: each
// diagnostic must stay one line of text that GitHub does not take for a
// command, and show the name's odd characters as escapes.
func TestEscape(t *testing.T) {
	var l List
	l.Errorf("content/claims/a\n::error title=X::forged\n::add-mask::secret.md", 1, 1, "cannot read")
	l.Errorf("content/claims/\x1b[2J\x1b]0;title\x07\r.md", 0, 0, "bad\x1b[31m red \u202eevil\u0085")
	l.Errorf("content/claims/\xff\u2028##[error]x.md", 2, 3, "line one\n  ::warning::two\n##[group]three")
	var b bytes.Buffer
	WriteText(&b, l, true)
	want := `content/claims/a\x0a::error title=X::forged\x0a::add-mask::secret.md:1:1: error: cannot read
::error file=content/claims/a%0A%3A%3Aerror title=X%3A%3Aforged%0A%3A%3Aadd-mask%3A%3Asecret.md,line=1,col=1::cannot read
content/claims/\x1b[2J\x1b]0;title\x07\x0d.md: error: bad\x1b[31m red \u202eevil\u0085
::error file=content/claims/%1B[2J%1B]0;title%07%0D.md::bad%1B[31m red ` + "\u202eevil%C2%85" + `
content/claims/\xff\u2028#\x23[error]x.md:2:3: error: line one
      \x3a:warning::two
    #\x23[group]three
::error file=content/claims/` + "\xff\u2028" + `##[error]x.md,line=2,col=3::line one%0A  ::warning::two%0A##[group]three
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if !strings.HasPrefix(line, "content/") && !strings.HasPrefix(line, "::error file=content/") && !strings.HasPrefix(line, "      \\x3a") && !strings.HasPrefix(line, "    #\\x23") {
			t.Errorf("a line of its own: %q", line)
		}
		if strings.ContainsAny(line, "\x1b\r\x07\u202e\u2028") && !strings.HasPrefix(line, "::") {
			t.Errorf("control characters in %q", line)
		}
	}
	for _, s := range []string{"content/claims/é.md", "the source has “x”\nand “y”", "a\tb"} {
		if Escape(s) != s && EscapeMessage(s) != s {
			t.Errorf("%q changed", s)
		}
	}
}

// TestColored checks the colours of a diagnostic on a terminal: the place
// in bold, the severity, and the quote's words against the source's; and
// that escape codes in content stay escaped.
func TestColored(t *testing.T) {
	d := Diagnostic{"content/claims/\x1b[31m.md", 3, 1, Error, "quote not found:\nyou wrote \"Rusian\", the source has \"Russian\": \"persistent Russian cyber\""}
	want := "\x1b[1mcontent/claims/\\x1b[31m.md:3:1:\x1b[0m \x1b[1;31merror:\x1b[0m quote not found:\n" +
		"    you wrote \x1b[1;31m\"Rusian\"\x1b[0m, the source has \x1b[32m\"Russian\"\x1b[0m: \"persistent Russian cyber\""
	if got := colored(d); got != want {
		t.Errorf("colored:\n%q\nwant\n%q", got, want)
	}
	w := Diagnostic{"a.md", 1, 1, Warning, "w"}
	if got := colored(w); !strings.Contains(got, "\x1b[1;33mwarning:") {
		t.Errorf("colored warning: %q", got)
	}
	var b bytes.Buffer
	if Color(&b) {
		t.Error("Color(a buffer) = true")
	}
}
