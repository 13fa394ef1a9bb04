package site

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/markdown"

	"go.yaml.in/yaml/v3"
)

// file is one content file, read and split into front matter and body.
type file struct {
	path string // relative to the site root, slash-separated
	yaml []byte
	body []byte
	// bodyLine is the line of the file on which the body starts.
	bodyLine int
}

// cleanText makes raw file bytes into text the rest of the loader can
// trust: it drops a UTF-8 byte order mark, turns Windows and old Mac line
// endings into "\n" (keeping line numbers) and replaces invalid UTF-8 with U+FFFD,
// reporting where.
func cleanText(path string, b []byte, diags *diag.List) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		// A carriage return alone ends a line too, in old Mac files, in
		// CommonMark and in YAML.
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	if !utf8.Valid(b) {
		p := markdown.Position(b, invalidUTF8(b))
		diags.Errorf(path, p.Line, p.Col, "invalid UTF-8; save the file as UTF-8")
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		p := markdown.Position(b, i)
		diags.Errorf(path, p.Line, p.Col, "NUL byte in text; this is not a text file")
		b = bytes.ReplaceAll(b, []byte{0}, []byte("\uFFFD"))
	}
	return b
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// splitFile separates the front matter, between a first line "---" and the
// next line "---", from the body.
func splitFile(path string, b []byte, diags *diag.List) (file, bool) {
	f := file{path: path}
	first, rest, _ := bytes.Cut(b, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "---" {
		diags.Errorf(path, 1, 1, "missing front matter: the file must start with a line \"---\", then YAML keys, then another \"---\"")
		return f, false
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(rest)
		}
		l := string(bytes.TrimRight(rest[off:end], " \t"))
		if l == "---" || l == "..." {
			f.yaml = rest[:off]
			if next <= len(rest) {
				f.body = rest[next:]
			}
			f.bodyLine = line + 1
			return f, true
		}
		off = next
		line++
	}
	diags.Errorf(path, 1, 1, "front matter is not closed: add a line \"---\" after the last key")
	return f, false
}

// Pos is a place in a file.
type Pos struct{ Line, Col int }

// fields reads the keys of one YAML mapping, remembering which were read so
// that the rest can be reported as unknown.
type fields struct {
	path string
	line int // the file line of the YAML's first line, minus one
	// The keys in order, their values, and whether each was read: a
	// front matter has a dozen keys, fewer than a map would be worth.
	keys, values []*yaml.Node
	used         []bool
	pos          Pos // where the mapping starts
	diags        *diag.List
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses front matter (or site.yaml) that starts on file line
// firstLine. It returns nil after reporting a problem.
func parseYAML(path string, src []byte, firstLine int, diags *diag.List) *fields {
	doc, ok := simpleYAML(src)
	if !ok {
		doc = &yaml.Node{}
		if err := yaml.Unmarshal(src, doc); err != nil {
			line, col, msg := explainYAML(src, err)
			diags.Errorf(path, max(firstLine+line-1, firstLine), col, "%s", msg)
			return nil
		}
		if n := anchored(doc, 0); n != nil {
			diags.Errorf(path, firstLine+n.Line-1, n.Column, "YAML aliases are not supported (&name and *name): write the value out in full")
			return nil
		}
	}
	f := &fields{path: path, line: firstLine - 1, diags: diags}
	f.pos = Pos{firstLine, 1}
	if len(doc.Content) == 0 {
		return f // empty front matter
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		diags.Errorf(path, f.line+m.Line, m.Column, "front matter must be YAML keys and values (key: value)")
		return nil
	}
	f.pos = f.at(m)
	f.add(m)
	var seen map[string]bool // for a long mapping, instead of comparing every pair
	if len(f.keys) > 64 {
		seen = make(map[string]bool, len(f.keys))
	}
	for i, k := range f.keys {
		dup := seen[k.Value]
		if seen != nil {
			seen[k.Value] = true
		} else {
			dup = slices.ContainsFunc(f.keys[:i], func(o *yaml.Node) bool { return o.Value == k.Value })
		}
		if dup {
			diags.Errorf(path, f.line+k.Line, k.Column, "key %q is set twice", k.Value)
		}
	}
	return f
}

// explainYAML turns an error of yaml.v3 into the line and column of the
// YAML (from 1) and a message in an editor's words. yaml.v3's own line
// numbers are not always where the problem is (some count from 0, some
// give the line where the value began), so the mistakes editors make are
// looked for first, on every line:
//   - a tab used for indentation, which YAML does not allow;
//   - a plain value holding ": " (title: Trump: a story), which YAML
//     takes for a second key;
//   - an alias (*name) to an anchor that is not there.
func explainYAML(src []byte, err error) (line, col int, msg string) {
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		indent := len(l) - len(strings.TrimLeft(l, " \t"))
		if t := strings.IndexByte(l[:indent], '\t'); t >= 0 && indent < len(l) {
			return i + 1, t + 1, "invalid YAML: a tab is used for indentation; indent with spaces"
		}
	}
	for i, l := range lines {
		if key, at, ok := colonInValue(l); ok {
			return i + 1, at + 1, fmt.Sprintf("invalid YAML: the value of %s holds \": \", which YAML reads as another key; put the value in quotes: %s: \"%s\"", key, key, strings.TrimSpace(strings.ReplaceAll(l[at:], `"`, `\"`)))
		}
	}
	msg = err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "; ")
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if strings.HasPrefix(msg, "did not find expected") {
			line++ // yaml.v3 counts these from 0
		}
		line = min(line, len(lines))
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	upTo := lines // an open quote after where YAML stopped is not the cause
	if line > 0 {
		upTo = lines[:line]
	}
	if i, what, at, q, ok := unclosedQuote(upTo, lines); ok {
		return i + 1, at + 1, fmt.Sprintf("invalid YAML: %s starts with %s but does not end with one; add it at the end of the value", what, q)
	}
	switch msg {
	case "did not find expected ',' or ']'":
		line, col = unclosed(lines, '[', ']', line)
		return line, col, "invalid YAML: a list in [ ] is not closed, or its items are not separated by commas: add the ]"
	case "did not find expected ',' or '}'":
		line, col = unclosed(lines, '{', '}', line)
		return line, col, "invalid YAML: a mapping in { } is not closed, or its items are not separated by commas: add the }"
	case "mapping values are not allowed in this context":
		if key, ok := indentedUnder(lines, line); ok {
			return line, 1, fmt.Sprintf("invalid YAML: this line is indented under %s, which has a value already; remove the indentation", key)
		}
	}
	if strings.HasPrefix(msg, "unknown anchor") {
		for i, l := range lines {
			if j := strings.Index(l, ": *"); j >= 0 {
				return i + 1, j + 3, "YAML aliases are not supported (&name and *name): write the value out in full"
			}
		}
	}
	return line, 1, "invalid YAML: " + msg
}

// colonInValue finds a line "key: value" (or "- key: value") whose value
// is plain text holding ": " or ending in ":", and returns the key and
// where the value starts.
func colonInValue(l string) (key string, at int, ok bool) {
	rest := strings.TrimLeft(l, " ")
	rest = strings.TrimPrefix(rest, "- ")
	start := len(l) - len(rest)
	k, v, found := strings.Cut(rest, ": ")
	if !found || k == "" || strings.ContainsAny(k, "\"'{}[]#,&*!|>%@`") {
		return "", 0, false
	}
	value := strings.TrimLeft(v, " ")
	at = start + len(k) + 2 + len(v) - len(value)
	value = strings.TrimRight(value, " ")
	if value == "" || strings.ContainsRune("\"'[{|>&*!#%@`", rune(value[0])) {
		return "", 0, false
	}
	if i := strings.Index(value, " #"); i >= 0 {
		value = strings.TrimRight(value[:i], " ") // a comment
	}
	if !strings.Contains(value, ": ") && !strings.HasSuffix(value, ":") {
		return "", 0, false
	}
	return k, at, true
}

// unclosed finds the first line that opens more open brackets than it
// closes, outside quotes, and returns it and the column of its first open
// bracket; or line, 1 when there is none. (yaml.v3 gives the line of the
// bracket, counted from 0, except on the first line, where it gives the
// line after.)
func unclosed(lines []string, open, close byte, line int) (int, int) {
	for i, l := range lines {
		depth, first := 0, -1
		var quote byte
		for j := 0; j < len(l); j++ {
			switch c := l[j]; {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == open:
				if first < 0 {
					first = j
				}
				depth++
			case c == close:
				depth--
			}
		}
		if depth > 0 {
			return i + 1, first + 1
		}
	}
	return line, 1
}

// indentedUnder reports whether line n (from 1) is indented more than the
// line before it, a "key: value" whose value is on its line, and returns
// that key.
func indentedUnder(lines []string, n int) (string, bool) {
	if n < 2 || n > len(lines) {
		return "", false
	}
	l, prev := lines[n-1], lines[n-2]
	indent := len(l) - len(strings.TrimLeft(l, " "))
	pIndent := len(prev) - len(strings.TrimLeft(prev, " "))
	key, value, ok := strings.Cut(strings.TrimLeft(prev, " "), ":")
	if !ok || indent <= pIndent || strings.TrimSpace(value) == "" || strings.HasPrefix(key, "-") {
		return "", false
	}
	return key, true
}

// unclosedQuote finds, among the first lines of lines, the first value
// that opens a quote and does not close it before the next key at its
// indentation, or before the end: YAML reads on to the next quote mark,
// keys and all, and reports the mistake further down, or at the end. A
// quoted value may go on over lines, but those are not keys of its own
// level; comments and the lines of block scalars (key: | or >) hold no
// values. It says what the value is: "the value of KEY", or "an item of
// KEY". It looks at most maxQuoteLines lines on for the closing quote,
// so that a long front matter takes linear time.
func unclosedQuote(first, lines []string) (i int, what string, at int, quote string, ok bool) {
	block := -1 // the indentation of the key of the block scalar we are in
	for i, l := range first {
		rest := strings.TrimLeft(l, " ")
		indent := len(l) - len(rest)
		if block >= 0 && (rest == "" || indent > block) {
			continue
		}
		block = -1
		if strings.HasPrefix(rest, "#") {
			continue
		}
		if blockScalar.MatchString(rest) {
			block = indent
			continue
		}
		key, at, q, open := openQuote(l)
		what = "the value of " + key
		if !open {
			if at, q, open = openItem(l); open {
				what = "an item of " + parentKey(lines[:i], indent)
			}
		}
		if !open {
			continue
		}
		if !quoteClosed(lines[i+1:], indent, q) {
			return i, what, at, q, true
		}
	}
	return 0, "", 0, "", false
}

// quoteClosed reports whether a quote q opened on a line indented by
// indent is closed in the lines after it: not if a key at that
// indentation, or the end, comes first. When none of the next
// maxQuoteLines lines tells, it says closed, and YAML's own message
// stands.
func quoteClosed(after []string, indent int, q string) bool {
	for j, next := range after {
		switch {
		case j == maxQuoteLines:
			return true
		case keyAt(next, indent):
			return false
		case closes(next, q):
			return true
		}
	}
	return false
}

// maxQuoteLines is how far unclosedQuote looks for a closing quote.
const maxQuoteLines = 200

// blockScalar matches a line "key: |" or "- key: >-", whose value is the
// more indented lines after it.
var blockScalar = regexp.MustCompile(`^(?:- )?[^\s#"'][^:]*:\s+[|>][-+0-9]*\s*(?:#.*)?$`)

// openItem finds a list item "- "value" whose quotes are not closed on
// its line, and returns where the value starts and its quote.
func openItem(l string) (at int, quote string, ok bool) {
	value, ok := strings.CutPrefix(strings.TrimLeft(l, " "), "- ")
	value = strings.TrimSpace(value)
	if !ok || value == "" || value[0] != '"' && value[0] != '\'' || closes(value[1:], value[:1]) {
		return 0, "", false
	}
	return strings.Index(l, value), value[:1], true
}

// parentKey is the key of the last of lines indented by at most indent
// spaces, or "the list".
func parentKey(lines []string, indent int) string {
	for i := len(lines) - 1; i >= 0; i-- {
		rest := strings.TrimLeft(lines[i], " ")
		if rest == "" || len(lines[i])-len(rest) > indent {
			continue
		}
		if k, _, found := strings.Cut(strings.TrimPrefix(rest, "- "), ":"); found && !strings.HasPrefix(rest, "- ") {
			return k
		}
	}
	return "the list"
}

// keyAt reports whether l is "key:" or "key: value" (or "- key: …")
// indented by indent spaces.
func keyAt(l string, indent int) bool {
	rest := strings.TrimLeft(l, " ")
	if len(l)-len(rest) != indent {
		return false
	}
	rest = strings.TrimPrefix(rest, "- ")
	k, v, found := strings.Cut(rest, ":")
	return found && k != "" && !strings.ContainsAny(k, "\"' \t") && (v == "" || v[0] == ' ')
}

// closes reports whether a line going on with a value quoted with q
// holds its closing quote.
func closes(l, q string) bool {
	if q == `"` {
		l = strings.ReplaceAll(strings.ReplaceAll(l, `\\`, ""), `\"`, "")
	} else {
		l = strings.ReplaceAll(l, "''", "")
	}
	return strings.Contains(l, q)
}

// openQuote finds a line "key: "value" whose quotes are not closed on
// it, and returns the key, where the value starts and its quote.
func openQuote(l string) (key string, at int, quote string, ok bool) {
	rest := strings.TrimPrefix(strings.TrimLeft(l, " "), "- ")
	k, v, found := strings.Cut(rest, ": ")
	value := strings.TrimSpace(v)
	if !found || value == "" || value[0] != '"' && value[0] != '\'' {
		return "", 0, "", false
	}
	q := value[:1]
	inside := value[1:]
	if q == `"` {
		inside = strings.ReplaceAll(strings.ReplaceAll(inside, `\\`, ""), `\"`, "")
	} else {
		inside = strings.ReplaceAll(inside, "''", "")
	}
	if strings.Contains(inside, q) {
		return "", 0, "", false
	}
	return k, strings.Index(l, value), q, true
}

// anchored returns the first node of n, at most depth levels down, that
// is an alias or has an anchor. Front matter has no use for them, and
// each value must be read where it is written.
func anchored(n *yaml.Node, depth int) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	if depth > 10000 { // yaml.v3 nests no deeper
		return nil
	}
	for _, c := range n.Content {
		if a := anchored(c, depth+1); a != nil {
			return a
		}
	}
	return nil
}

// commaValue warns when key holds plain text with a comma, "a, b", which
// YAML reads as one text where the editor may have meant several: one
// says what it is read as (a topic, a name), several what to write
// instead, VALUE standing for the value.
func (f *fields) commaValue(key, one, several string) {
	v := f.get(key, false)
	if v == nil || v.Kind != yaml.ScalarNode || v.Style != 0 || !strings.Contains(v.Value, ",") {
		return
	}
	f.diags.Warnf(f.path, f.line+v.Line, v.Column, "%s: %q is one %s; %s (or put it in quotes if the comma belongs in it)", key, v.Value, one, strings.ReplaceAll(several, "VALUE", v.Value))
}

// add takes the keys and values of mapping n.
func (f *fields) add(n *yaml.Node) {
	pairs := len(n.Content) / 2
	f.keys, f.values, f.used = make([]*yaml.Node, pairs), make([]*yaml.Node, pairs), make([]bool, pairs)
	for i := range pairs {
		f.keys[i], f.values[i] = n.Content[2*i], n.Content[2*i+1]
	}
}

// sub reads a nested mapping, such as a claimant's {name, url}.
func (f *fields) sub(n *yaml.Node) *fields {
	s := &fields{path: f.path, line: f.line, diags: f.diags, pos: f.at(n)}
	s.add(n)
	return s
}

func (f *fields) at(n *yaml.Node) Pos { return Pos{f.line + n.Line, n.Column} }

func (f *fields) errorf(p Pos, format string, args ...any) {
	f.diags.Errorf(f.path, p.Line, p.Col, format, args...)
}

// get returns the value of key, or nil; a null value counts as missing.
func (f *fields) get(key string, required bool) *yaml.Node {
	var v, k *yaml.Node // the last value of key, as a map would keep
	for i, ki := range f.keys {
		if ki.Value == key {
			f.used[i], v, k = true, f.values[i], ki
		}
	}
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		v = nil
	}
	switch {
	case v == nil && k != nil && required:
		f.errorf(f.at(k), "%s must not be empty", key)
	case v == nil && required:
		f.errorf(f.pos, "missing required key %q", key)
	}
	return v
}

// str reads text. Any scalar is read as its text, so "rating: false" is
// the rating "false" and "claimant: 2021" the name "2021".
func (f *fields) str(key string, required bool) string {
	s, _ := f.strPos(key, required)
	return s
}

func (f *fields) strPos(key string, required bool) (string, Pos) {
	v := f.get(key, required)
	if v == nil {
		return "", f.pos
	}
	if v.Kind != yaml.ScalarNode {
		f.errorf(f.at(v), "%s must be text", key)
		return "", f.at(v)
	}
	s := strings.TrimSpace(v.Value)
	if s == "" && required {
		f.errorf(f.at(v), "%s must not be empty", key)
	}
	return s, f.at(v)
}

// strs reads a list of text, or a single text as a list of one.
func (f *fields) strs(key string) []string {
	v := f.get(key, false)
	if v == nil {
		return nil
	}
	if v.Kind == yaml.ScalarNode {
		return []string{strings.TrimSpace(v.Value)}
	}
	if v.Kind != yaml.SequenceNode {
		f.errorf(f.at(v), "%s must be a list", key)
		return nil
	}
	var out []string
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode {
			f.errorf(f.at(e), "each item of %s must be text", key)
			continue
		}
		if s := strings.TrimSpace(e.Value); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// atMost returns the first max items of list, the value of key, with an
// error when there are more.
func (f *fields) atMost(key string, list []string, max int) []string {
	if len(list) <= max {
		return list
	}
	p := f.pos
	for i, k := range f.keys {
		if k.Value == key {
			p = f.at(f.values[i])
		}
	}
	f.errorf(p, "%s: %d items; at most %d are allowed, as each makes pages of its own", key, len(list), max)
	return list[:max]
}

// date reads a YYYY-MM-DD date.
func (f *fields) date(key string, required bool) time.Time {
	v := f.get(key, required)
	if v == nil {
		return time.Time{}
	}
	return f.parseDate(key, v)
}

func (f *fields) parseDate(key string, v *yaml.Node) time.Time {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(v.Value))
	switch {
	case v.Kind == yaml.ScalarNode && err != nil && strings.HasSuffix(err.Error(), ": month out of range"):
		f.errorf(f.at(v), "%s: bad date %q: there is no month %s", key, v.Value, strings.TrimSpace(v.Value)[5:7])
	case v.Kind == yaml.ScalarNode && err != nil && strings.HasSuffix(err.Error(), ": day out of range"):
		if day := strings.TrimSpace(v.Value)[8:10]; day == "00" {
			f.errorf(f.at(v), "%s: bad date %q: there is no day 00", key, v.Value)
		} else {
			f.errorf(f.at(v), "%s: bad date %q: that month has no day %s", key, v.Value, day)
		}
	case v.Kind != yaml.ScalarNode || err != nil:
		f.errorf(f.at(v), "%s: bad date %q: write it as YYYY-MM-DD", key, v.Value)
	default:
		return t
	}
	return time.Time{}
}

// boolean reads true or false.
func (f *fields) boolean(key string) bool {
	v := f.get(key, false)
	if v == nil {
		return false
	}
	switch strings.ToLower(v.Value) {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	}
	f.errorf(f.at(v), "%s must be true or false", key)
	return false
}

// url reads an http(s) URL.
func (f *fields) url(key string, required bool) string {
	s, p := f.strPos(key, required)
	if s != "" && !httpURL(s) {
		f.errorf(p, "%s: %q is not an http(s) URL", key, s)
		return ""
	}
	return s
}

// unknown warns about each key that was never read, naming the nearest
// known key.
func (f *fields) unknown(known []string) {
	for i, k := range f.keys {
		if f.used[i] {
			continue
		}
		msg := fmt.Sprintf("unknown key %q", k.Value)
		if near := nearest(k.Value, known); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		f.diags.Warnf(f.path, f.line+k.Line, k.Column, "%s", msg)
	}
}

// nearest returns the known word closest to w, if it is close enough to be
// a likely typo.
func nearest(w string, known []string) string {
	best, bestD := "", len(w)/2+2
	for _, k := range known {
		if d := editDistance(strings.ToLower(w), k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// httpURL reports whether s is an absolute http or https URL.
func httpURL(s string) bool {
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && len(s) > len("https://") && !strings.ContainsAny(s, " \t\n<>\"")
}
