package site

import (
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// simpleYAML parses front matter written the usual ways into the
// yaml.Node tree yaml.v3 builds for it, without its comments (nothing
// reads them), in a fraction of the time. It returns false for anything
// else, which yaml.v3 then parses (and reports errors in):
//
//   - keys of letters, digits, "_" and "-" (at most 128), each at the
//     start of its line;
//   - values on the key's line: "double quoted" (escapes \" and \\ only),
//     'single quoted', plain text that starts with a letter (true, false
//     and null are read as yaml.v3 reads them), a whole number, a
//     YYYY-MM-DD date, or a flow list of such values on one line
//     ([a, "b c"]; plain items without ":", "#", "," or brackets);
//   - a key with nothing after it, then a list ("- value" lines) of such
//     values or of mappings ("- key: value", then "  key: value" lines),
//     or a mapping ("key: value" lines, indented) of such values, or
//     nothing (null);
//   - a key's folded or literal text (">", ">-", "|", "|-"): lines of
//     the same indentation, more than the key's, without trailing spaces,
//     ended by an empty line or a line indented no more than the key;
//   - comments: lines that start with "#" (after spaces, but not within a
//     block scalar's lines), and "# ..." after a value or a key, after a
//     space;
//   - no tabs, flow mappings ({a: b}), anchors, tags, other escapes, or
//     values running on to the next line.
//
// FuzzSimpleYAML and the other tests in simpleyaml_test.go check that
// both give the same nodes.
func simpleYAML(src []byte) (*yaml.Node, bool) {
	if !simpleText(src) {
		return nil, false
	}
	// The nodes come from one slab, and the values are pieces of one
	// string: a claim's front matter makes some forty nodes.
	doc := string(src)
	slab := nodeSlab(make([]yaml.Node, 0, 2*strings.Count(doc, "\n")+4))
	top := slab.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	top.Content = make([]*yaml.Node, 0, 32)
	var (
		open *yaml.Node // the value of the last key, if it may take a list or mapping
		coll *yaml.Node // that list or mapping, once it has a line
		ind  int        // its lines' indentation
		item *yaml.Node // the last item of that list, if it is a mapping
		iind int        // the indentation of that mapping's next keys
		// block is the value of the last key, if it is a block scalar
		// (">", ">-", "|", "|-") still taking lines, indented bind; its
		// key is indented bkey.
		block *yaml.Node
		lines []string
		bind  int
		bkey  int
	)
	endBlock := func() bool {
		if len(lines) == 0 {
			return false
		}
		sep := " "
		if block.Style == yaml.LiteralStyle {
			sep = "\n"
		}
		block.Value += strings.Join(lines, sep)
		if block.Value[0] == '\n' { // the mark of clipping, put at the end
			block.Value = block.Value[1:] + "\n"
		}
		block, lines = nil, nil
		return true
	}
	ln := 0
	for rest := doc; len(rest) > 0; {
		ln++
		var line string
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else if block != nil {
			return nil, false // a block scalar without its last line break
		} else {
			line, rest = rest, ""
		}
		text := strings.TrimLeft(line, " ")
		if len(strings.TrimRight(text, " ")) == 0 {
			if len(line) > 0 {
				return nil, false // spaces
			}
			// An empty line ends a block scalar here: one of its lines
			// after it is left to yaml.v3.
			if block != nil && !endBlock() {
				return nil, false
			}
			continue
		}
		n := len(line) - len(text)
		if text[0] == '#' && (block == nil || n < bind || bind == 0) {
			// A comment line. One indented no more than a block scalar's
			// key ends the block scalar; one indented more but less than
			// its lines, or before them, is left to yaml.v3.
			if block != nil && (n > bkey || !endBlock()) {
				return nil, false
			}
			continue
		}
		if block != nil {
			if n > bkey && (bind == 0 || n == bind) && text[len(text)-1] != ' ' {
				bind = n
				lines = append(lines, text)
				continue
			}
			if n > bkey || !endBlock() {
				return nil, false
			}
		}
		if n == 0 && text[0] != '-' {
			// A key of the top mapping.
			open, coll, item = nil, nil, nil
			k, v, ok := keyValue(&slab, text, ln, 1, true)
			if !ok {
				return nil, false
			}
			if len(top.Content) == 0 {
				top.Line, top.Column = ln, 1
			}
			switch {
			case v == nil: // nothing after the colon
				v = slab.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: ln, Column: len(k.Value) + 2})
				open = v
			case isBlock(v):
				block, bind, bkey = v, 0, 0
			}
			top.Content = append(top.Content, k, v)
			continue
		}
		if open == nil {
			return nil, false
		}
		rest, isItem := strings.CutPrefix(text, "- ")
		kind := yaml.MappingNode
		if isItem {
			kind = yaml.SequenceNode
		}
		if coll == nil {
			if !isItem && n == 0 {
				return nil, false
			}
			// The key's value is this list or mapping, not null.
			*open = yaml.Node{Kind: kind, Tag: "!!map", Line: ln, Column: n + 1}
			if isItem {
				open.Tag = "!!seq"
			}
			coll, ind = open, n
		}
		switch {
		case isItem && coll.Kind == yaml.SequenceNode && n == ind:
			s := strings.TrimLeft(rest, " ")
			col := n + 3 + len(rest) - len(s)
			s = strings.TrimRight(s, " ")
			if k, v, ok := keyValue(&slab, s, ln, col, true); ok && v != nil {
				// An item that is a mapping: "- key: value", then
				// "  key: value" lines.
				item = slab.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: ln, Column: col, Content: []*yaml.Node{k, v}})
				iind = col - 1
				coll.Content = append(coll.Content, item)
				if isBlock(v) {
					block, bind, bkey = v, 0, iind
				}
				continue
			}
			v, ok := value(&slab, s, ln, col, false)
			if !ok {
				return nil, false
			}
			item = nil
			coll.Content = append(coll.Content, v)
		case !isItem && item != nil && n == iind:
			k, v, ok := keyValue(&slab, text, ln, n+1, true)
			if !ok || v == nil {
				return nil, false
			}
			item.Content = append(item.Content, k, v)
			if isBlock(v) {
				block, bind, bkey = v, 0, n
			}
		case !isItem && coll.Kind == yaml.MappingNode && n == ind:
			k, v, ok := keyValue(&slab, text, ln, n+1, true)
			if !ok || v == nil {
				return nil, false
			}
			coll.Content = append(coll.Content, k, v)
			if isBlock(v) {
				block, bind, bkey = v, 0, n
			}
		default:
			return nil, false
		}
	}
	if len(top.Content) == 0 || block != nil && !endBlock() {
		return nil, false
	}
	return slab.node(yaml.Node{Kind: yaml.DocumentNode, Line: top.Line, Column: top.Column, Content: []*yaml.Node{top}}), true
}

// isBlock reports a block scalar (">", "|").
func isBlock(v *yaml.Node) bool { return v.Style&(yaml.FoldedStyle|yaml.LiteralStyle) != 0 }

// nodeSlab hands out nodes from a slice, a new one when it is full (the
// nodes handed out stay where they are).
type nodeSlab []yaml.Node

func (s *nodeSlab) node(n yaml.Node) *yaml.Node {
	if len(*s) == cap(*s) {
		*s = make([]yaml.Node, 0, 16)
	}
	*s = append(*s, n)
	return &(*s)[len(*s)-1]
}

// keyValue reads "key: value" or "key:" (v nil), the key at column col of
// line ln; with blocks, the value may start a block scalar.
func keyValue(slab *nodeSlab, text string, ln, col int, blocks bool) (k, v *yaml.Node, ok bool) {
	i := 0
	for i < len(text) && (isLetter(text[i]) || i > 0 && (text[i] >= '0' && text[i] <= '9' || text[i] == '_' || text[i] == '-')) {
		i++
	}
	if i == 0 || i > 128 || i == len(text) || text[i] != ':' {
		return nil, nil, false // YAML allows keys of up to 1024 characters on their line
	}
	k, ok = scalar(slab, text[:i], ln, col, false)
	if !ok || k.Tag != "!!str" {
		return nil, nil, false
	}
	after := text[i+1:]
	if after == "" {
		return k, nil, true
	}
	s := strings.TrimLeft(after, " ")
	if s == after || s == "" {
		return nil, nil, false // "key:value" or trailing spaces
	}
	if s[0] == '#' {
		return k, nil, true // a comment after the key
	}
	v, ok = value(slab, strings.TrimRight(s, " "), ln, col+i+1+len(after)-len(s), blocks)
	return k, v, ok
}

// value reads a scalar or a flow list, with a comment after it or not,
// that starts at column col of line ln and ends at the end of the line
// (see scalar).
func value(slab *nodeSlab, s string, ln, col int, blocks bool) (*yaml.Node, bool) {
	if s != "" && s[0] == '[' {
		return flowList(slab, s, ln, col)
	}
	v := s
	switch end := quoteEnd(s); {
	case end > 0:
		v = s[:end]
	case end < 0:
		return nil, false
	default: // plain text, which a comment ends
		if i := strings.Index(s, " #"); i >= 0 {
			v = strings.TrimRight(s[:i], " ")
		}
	}
	if v != s && !isComment(s[len(v):]) {
		return nil, false
	}
	if v != s && blocks && (v == ">" || v == ">-" || v == "|" || v == "|-") {
		return nil, false // a block scalar's indicator with a comment
	}
	return scalar(slab, v, ln, col, blocks)
}

// quoteEnd returns the length of the quoted text s starts with, -1 if
// it is not closed, or 0 if s does not start with a quote.
func quoteEnd(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '"':
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++ // the escaped character
			case '"':
				return i + 1
			}
		}
		return -1
	case '\'':
		for i := 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return -1
	}
	return 0
}

// isComment reports whether s, what follows a value, is spaces and a
// comment.
func isComment(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t != s && t != "" && t[0] == '#'
}

// flowList reads a flow list on one line, "[a, 'b', c d]" with a comment
// after it or not, at column col of line ln: its items are plain text
// without ":", "#", ",", brackets or braces, or quoted text.
func flowList(slab *nodeSlab, s string, ln, col int) (*yaml.Node, bool) {
	var items []*yaml.Node
	i := 1
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return nil, false
		}
		if s[i] == ']' && items == nil {
			i++
			break
		}
		start, end := i, i
		switch q := quoteEnd(s[i:]); {
		case q < 0:
			return nil, false
		case q > 0:
			end = i + q
		default:
			j := strings.IndexAny(s[i:], ",]")
			if j < 0 {
				return nil, false
			}
			end = i + j
			for end > start && s[end-1] == ' ' {
				end--
			}
			if strings.ContainsAny(s[start:end], ":#[]{}") {
				return nil, false
			}
		}
		v, ok := scalar(slab, s[start:end], ln, col+start, false)
		if !ok {
			return nil, false
		}
		items = append(items, v)
		for i = end; i < len(s) && s[i] == ' '; i++ {
		}
		if i == len(s) {
			return nil, false
		}
		i++
		if s[i-1] == ']' {
			break
		}
		if s[i-1] != ',' {
			return nil, false
		}
	}
	if i < len(s) && !isComment(s[i:]) {
		return nil, false
	}
	return slab.node(yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: ln, Column: col, Content: items}), true
}

// scalar reads a value that starts at column col of line ln and ends at
// the end of the line. With blocks, it may be the indicator of a block
// scalar, whose Value is then "\n" if it keeps its last line break, until
// simpleYAML adds its lines.
func scalar(slab *nodeSlab, s string, ln, col int, blocks bool) (*yaml.Node, bool) {
	if s == "" {
		return nil, false
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Line: ln, Column: col}
	switch c := s[0]; {
	case blocks && (s == ">" || s == ">-" || s == "|" || s == "|-"):
		n.Style = yaml.FoldedStyle
		if c == '|' {
			n.Style = yaml.LiteralStyle
		}
		if len(s) == 1 {
			n.Value = "\n"
		}
	case c == '"':
		if quoteEnd(s) != len(s) {
			return nil, false
		}
		v, ok := unescape(s[1 : len(s)-1])
		if !ok {
			return nil, false
		}
		n.Style, n.Value = yaml.DoubleQuotedStyle, v
	case c == '\'':
		if len(s) < 2 || s[len(s)-1] != '\'' {
			return nil, false
		}
		in := s[1 : len(s)-1]
		if strings.Contains(strings.ReplaceAll(in, "''", ""), "'") {
			return nil, false
		}
		n.Style, n.Value = yaml.SingleQuotedStyle, strings.ReplaceAll(in, "''", "'")
	case isLetter(c) || c >= 0x80:
		if strings.Contains(s, ": ") || s[len(s)-1] == ':' {
			return nil, false
		}
		n.Value = s
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			n.Tag = "!!bool"
		case "null", "Null", "NULL":
			n.Tag = "!!null"
		}
	case s == "0" || '1' <= c && c <= '9' && len(s) < 10 && strings.Trim(s, "0123456789") == "":
		n.Tag, n.Value = "!!int", s
	case len(s) == len("2006-01-02") && s[4] == '-' && s[7] == '-':
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return nil, false
		}
		n.Tag, n.Value = "!!timestamp", s
	default:
		return nil, false
	}
	return slab.node(n), true
}

// unescape returns the text inside double quotes with its escapes \" and
// \\ replaced by the character they stand for; false for any other
// escape, which yaml.v3 is left to read.
func unescape(s string) (string, bool) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			if i == len(s) || s[i] != '"' && s[i] != '\\' {
				return "", false
			}
		}
		b = append(b, s[i])
	}
	return string(b), true
}

// simpleText reports text with no tab or carriage return, and only characters that YAML allows and does not take
// for a line break (it does U+0085, U+2028 and U+2029).
func simpleText(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff {
			return false
		}
		i += size
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
