// Package diag holds diagnostics: the problems found in a site's content,
// each with the file, line and column it concerns.
//
// Every phase of a build adds to one List instead of stopping at the first
// problem, so an editor sees every error at once.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Severity says whether a diagnostic stops a build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem. Path is slash-separated and relative to the
// site's root (the --src folder); Line and Col count from 1, and 0 means
// "the whole file".
type Diagnostic struct {
	Path     string
	Line     int
	Col      int
	Severity Severity
	Message  string
}

// String formats d as PATH:LINE:COL: error|warning: MESSAGE, with the
// path and message escaped by Escape and EscapeMessage. A message of
// several lines (a misquote's differences) has the lines after the first
// indented.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos(), d.Severity, strings.ReplaceAll(EscapeMessage(d.Message), "\n", "\n    "))
}

// Pos formats the position as PATH:LINE:COL (PATH alone for a whole file),
// the path escaped by Escape.
func (d Diagnostic) Pos() string {
	if d.Line == 0 {
		return Escape(d.Path)
	}
	return fmt.Sprintf("%s:%d:%d", Escape(d.Path), d.Line, d.Col)
}

// Escape makes text that comes from content, such as a file name, safe to
// print on one line of a terminal or a CI log. File names may hold any
// byte but "/" and NUL: a name with a line break could print lines of its
// own, such as a GitHub workflow command ("::add-mask::…", "::error …"),
// and one with an escape sequence could drive the terminal. Escape writes
// control characters (C0, DEL, C1) and bytes that are not UTF-8 as \xHH
// or \uHHHH, as Go does; also line and paragraph separators and the bidi
// controls, which reorder what a terminal shows; and "##[", which GitHub
// takes for an older form of workflow command anywhere in a line. Other
// text is unchanged.
func Escape(s string) string { return escape(s, false) }

// EscapeMessage is Escape for a message, which may be several lines: its
// line breaks are kept. Both escape the first colon of a line that would
// start a workflow command ("::" after any spaces).
func EscapeMessage(s string) string { return escape(s, true) }

func escape(s string, lines bool) string {
	if !needsEscape(s, lines) {
		return s
	}
	var b strings.Builder
	lineStart := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r == '\n' && lines:
			b.WriteByte('\n')
			lineStart = true
			i += n
			continue
		case r == '\t', r == ' ':
			b.WriteRune(r)
			i += n
			continue // spaces before "::" still start a command
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		case r == ':' && lineStart && strings.HasPrefix(s[i:], "::"):
			b.WriteString("\\x3a")
		case r == '#' && strings.HasPrefix(s[i:], "##["):
			b.WriteString("#\\x23")
			n = 2
		default:
			b.WriteString(s[i : i+n])
		}
		lineStart = false
		i += n
	}
	return b.String()
}

// needsEscape reports whether escape would change s.
func needsEscape(s string, lines bool) bool {
	if strings.Contains(s, "##[") || strings.Contains(s, "::") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && (c != '\n' || !lines) || c >= 0x7f {
			return !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
				return r < 0x20 && r != '\t' && (r != '\n' || !lines) || r == 0x7f || unsafeRune(r)
			})
		}
	}
	return false
}

// unsafeRune tells the characters above ASCII that Escape escapes: C1
// controls (0x9b starts an escape sequence on some terminals), line and
// paragraph separators, and the bidi controls.
func unsafeRune(r rune) bool {
	switch {
	case 0x80 <= r && r <= 0x9f, r == 0x2028, r == 0x2029, r == 0x061c, r == 0x200e, r == 0x200f,
		0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// List collects diagnostics. The zero value is ready to use; it is not safe
// for concurrent use (give each goroutine its own and Append them).
type List []Diagnostic

// Errorf adds an error.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{path, line, col, Error, fmt.Sprintf(format, args...)})
}

// Warnf adds a warning.
func (l *List) Warnf(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{path, line, col, Warning, fmt.Sprintf(format, args...)})
}

// Errors counts the errors in l.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders l by file, line and column, errors before warnings at one
// place, and drops exact duplicates.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Severity < b.Severity
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d == s[i-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// WriteText writes one line per diagnostic. With github set it also writes
// each as a GitHub Actions workflow command, which GitHub shows as an
// annotation on the file.
func WriteText(w io.Writer, l List, github bool) error {
	color := Color(w)
	var b strings.Builder
	for _, d := range l {
		if color {
			b.WriteString(colored(d))
		} else {
			b.WriteString(d.String())
		}
		b.WriteByte('\n')
		if github {
			b.WriteString(annotation(d))
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Color reports whether text for w may be coloured: w is a terminal, and
// neither NO_COLOR is set (https://no-color.org) nor TERM is "dumb".
func Color(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ANSI colours of a diagnostic on a terminal.
const (
	bold   = "\x1b[1m"
	red    = "\x1b[1;31m"
	yellow = "\x1b[1;33m"
	green  = "\x1b[32m"
	reset  = "\x1b[0m"
)

// quoted finds, in a misquote's lines, the words the quote has and the
// words the source has.
var quoted = regexp.MustCompile(`(you wrote |the source has )("(?:[^"\\]|\\.)*")`)

// colored is d.String() with colours: the place in bold, the severity in
// red or yellow, and what a quote has against what the source has in red
// and green. Escaping comes first, so content adds no escape codes.
func colored(d Diagnostic) string {
	sev := red
	if d.Severity == Warning {
		sev = yellow
	}
	msg := quoted.ReplaceAllStringFunc(strings.ReplaceAll(EscapeMessage(d.Message), "\n", "\n    "), func(m string) string {
		p := quoted.FindStringSubmatch(m)
		c := red
		if p[1] == "the source has " {
			c = green
		}
		return p[1] + c + p[2] + reset
	})
	return bold + d.Pos() + ":" + reset + " " + sev + d.Severity.String() + ":" + reset + " " + msg
}

// annotation formats d as a GitHub Actions workflow command.
func annotation(d Diagnostic) string {
	props := "file=" + escapeProperty(d.Path)
	if d.Line > 0 {
		props += fmt.Sprintf(",line=%d,col=%d", d.Line, d.Col)
	}
	return fmt.Sprintf("::%s %s::%s", d.Severity, props, escapeData(d.Message))
}

// escapeData and escapeProperty follow the escaping of GitHub's
// actions/toolkit (%, CR and LF, and in a property also ":" and ","), so
// a message or file name cannot end the command early. Other control
// characters are written as %XX too: GitHub does not decode those, so they
// show as written instead of reaching the log as escape sequences.
func escapeData(s string) string {
	return escapeControls(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s))
}

func escapeProperty(s string) string {
	return escapeControls(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s))
}

func escapeControls(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || 0x80 <= r && r <= 0x9f }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		case 0x80 <= r && r <= 0x9f:
			fmt.Fprintf(&b, "%%C2%%%02X", r) // its UTF-8 bytes
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WriteJSON writes l as a JSON array of objects with the keys path, line,
// col, severity and message.
func WriteJSON(w io.Writer, l List) error {
	type item struct {
		Path     string `json:"path"`
		Line     int    `json:"line"`
		Col      int    `json:"col"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	items := make([]item, 0, len(l))
	for _, d := range l {
		items = append(items, item{d.Path, d.Line, d.Col, d.Severity.String(), d.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(items)
}
