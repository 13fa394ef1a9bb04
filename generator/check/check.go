// Package check holds diagnostics: the problems found in a site's content,
// each with the file, line and column it concerns.
//
// Every phase of a build adds to one List instead of stopping at the first
// problem, so an editor sees every error at once.
package check

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
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

// String formats d as PATH:LINE:COL: error|warning: MESSAGE. A message
// of several lines (a misquote's differences) has the lines after the
// first indented.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos(), d.Severity, strings.ReplaceAll(d.Message, "\n", "\n    "))
}

// Pos formats the position as PATH:LINE:COL (PATH alone for a whole file).
func (d Diagnostic) Pos() string {
	if d.Line == 0 {
		return d.Path
	}
	return fmt.Sprintf("%s:%d:%d", d.Path, d.Line, d.Col)
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
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
		if github {
			b.WriteString(annotation(d))
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
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
// actions/toolkit, so a message cannot end the command early.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
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
