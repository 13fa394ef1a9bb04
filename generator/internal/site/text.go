package site

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
)

// blockTags end a paragraph of a source's plain text: quotes with a gap
// must stay within one.
var blockTags = map[string]bool{
	"p": true, "li": true, "ul": true, "ol": true, "blockquote": true, "pre": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"table": true, "tr": true, "td": true, "th": true, "div": true, "hr": true,
	"dl": true, "dt": true, "dd": true, "section": true, "br": true,
}

// commonTags are tags without attributes, to share rather than copy.
var commonTags = func() map[string]string {
	m := map[string]string{}
	for _, name := range []string{"p", "em", "strong", "code", "blockquote", "ul", "ol", "li",
		"h1", "h2", "h3", "h4", "h5", "h6", "pre", "del", "sup", "sub", "table", "thead", "tbody", "tr", "td", "th"} {
		for _, tag := range []string{"<" + name + ">", "</" + name + ">"} {
			m[tag] = tag
		}
	}
	for _, tag := range []string{"<br>", "<hr>", "<br />", "<hr />"} {
		m[tag] = tag
	}
	return m
}()

// htmlPieces splits rendered HTML into tags and text and builds its plain
// text, with a blank line between blocks.
func htmlPieces(s []byte) Text { return splitHTML(s, simpleHTML(s)) }

// splitHTML is htmlPieces, with x/net/html's tokenizer unless simple.
func splitHTML(s []byte, simple bool) Text {
	var t Text
	var plain strings.Builder
	plain.Grow(len(s)) // the text is shorter than its HTML
	var ends []int     // where each text piece ends in plain
	text := func(raw []byte) {
		// Its Text is set below, as a part of Plain.
		t.Pieces = append(t.Pieces, Piece{Offset: plain.Len()})
		if bytes.IndexByte(raw, '&') < 0 {
			plain.Write(raw)
		} else {
			plain.WriteString(html.UnescapeString(string(raw)))
		}
		ends = append(ends, plain.Len())
	}
	tag := func(raw, name []byte) {
		tag, ok := commonTags[string(raw)]
		if !ok {
			tag = string(raw)
		}
		if blockTags[string(name)] {
			p := plain.String()
			if p != "" && !strings.HasSuffix(p, "\n\n") {
				plain.WriteString(strings.Repeat("\n", 2-trailingNewlines(p)))
			}
		}
		t.Pieces = append(t.Pieces, Piece{Tag: tag})
	}
	if simple {
		splitSimpleHTML(s, text, tag)
	} else {
		z := xhtml.NewTokenizer(bytes.NewReader(s))
		for {
			switch z.Next() {
			case xhtml.ErrorToken:
				goto done
			case xhtml.TextToken:
				text(z.Raw())
			default:
				name, _ := z.TagName()
				tag(z.Raw(), name)
			}
		}
	}
done:
	// Kept for the whole build: copied to their own size.
	t.Plain = strings.Clone(plain.String())
	t.Pieces = slices.Clone(t.Pieces)
	for i, pc := range t.Pieces {
		if pc.Tag == "" {
			t.Pieces[i].Text, ends = t.Plain[pc.Offset:ends[0]], ends[1:]
		}
	}
	return t
}

// simpleHTML reports whether s is HTML as goldmark writes it when raw
// HTML is not let through, which splitSimpleHTML splits as x/net/html's
// tokenizer does: every "<" starts a tag whose name is lowercase letters
// and digits, and not one whose content the tokenizer reads as raw text;
// the tag ends at the next ">", with no "<" or "'" before it and its double
// quotes paired, so that no ">" is inside an attribute value. Text has no
// "<" (goldmark and chroma escape it), and neither has anything else:
// comments, declarations, processing instructions.
func simpleHTML(s []byte) bool {
	for i := 0; i < len(s); {
		j := bytes.IndexByte(s[i:], '<')
		if j < 0 {
			return true
		}
		i += j
		end := bytes.IndexByte(s[i:], '>')
		if end < 0 {
			return false
		}
		t := s[i : i+end+1]
		name := tagName(t)
		if len(name) == 0 || rawTextTags[string(name)] || bytes.IndexByte(t[1:], '<') >= 0 {
			return false
		}
		for _, c := range name {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
				return false
			}
		}
		after := 1 + len(name)
		if t[1] == '/' {
			after++
		}
		if !simpleAttributes(t[after:]) {
			return false
		}
		i += end + 1
	}
	return true
}

// simpleAttributes reports whether a is the rest of a tag after its name,
// up to its ">", as goldmark and chroma write it: attributes of letters,
// digits and "-", each with a value in double quotes or none, one space
// before each, and "/" at most before the ">" ("<br />"). Then the tag
// ends at that ">", as x/net/html's tokenizer finds it: no quote is open.
func simpleAttributes(a []byte) bool {
	for i := 0; ; {
		switch {
		case a[i] == '>':
			return i == len(a)-1
		case a[i] == '/' && i == len(a)-2:
			return true
		case a[i] != ' ':
			return false
		}
		i++
		n := i
		for i < len(a) && (a[i] >= 'a' && a[i] <= 'z' || a[i] >= '0' && a[i] <= '9' || a[i] == '-') {
			i++
		}
		switch {
		case i == n && a[i] == '/' && i == len(a)-2: // "<br />"
			return true
		case i == n:
			return false
		case a[i] == '=':
			if i+1 >= len(a) || a[i+1] != '"' {
				return false
			}
			q := bytes.IndexByte(a[i+2:], '"')
			if q < 0 {
				return false
			}
			i += 2 + q + 1
		}
	}
}

// tagName is the name of the tag t ("<a href=…>", "</p>"): the letters and
// digits after "<" or "</".
func tagName(t []byte) []byte {
	i := 1
	if i < len(t) && t[i] == '/' {
		i++
	}
	j := i
	for j < len(t) && (t[j] >= 'a' && t[j] <= 'z' || t[j] >= 'A' && t[j] <= 'Z' || t[j] >= '0' && t[j] <= '9') {
		j++
	}
	if j == i || !('a' <= t[i] && t[i] <= 'z' || 'A' <= t[i] && t[i] <= 'Z') {
		return nil
	}
	return t[i:j]
}

// rawTextTags are the elements whose content x/net/html reads as text.
var rawTextTags = map[string]bool{"iframe": true, "noembed": true, "noframes": true, "noscript": true,
	"plaintext": true, "script": true, "style": true, "textarea": true, "title": true, "xmp": true}

// splitSimpleHTML calls text and tag with the text and tags of s, which
// simpleHTML accepts, in order.
func splitSimpleHTML(s []byte, text func(raw []byte), tag func(raw, name []byte)) {
	for len(s) > 0 {
		i := bytes.IndexByte(s, '<')
		if i < 0 {
			text(s)
			return
		}
		if i > 0 {
			text(s[:i])
		}
		end := i + bytes.IndexByte(s[i:], '>') + 1
		tag(s[i:end], tagName(s[i:end]))
		s = s[end:]
	}
}

func trailingNewlines(s string) int {
	if strings.HasSuffix(s, "\n") {
		return 1
	}
	return 0
}

var blankLines = regexp.MustCompile(`\n[ \t]*\n\s*`)

// plainTextPieces makes a text source's body into paragraphs, split at
// blank lines, reading nothing in it as markup.
func plainTextPieces(body string) Text {
	var t Text
	var plain strings.Builder
	newPage, n := false, 1
	for i, page := range strings.Split(strings.TrimSpace(body), "\f") {
		if i > 0 {
			newPage, n = true, n+1
		}
		page = strings.TrimSpace(page)
		if page == "" {
			continue
		}
		for _, para := range blankLines.Split(page, -1) {
			switch {
			case plain.Len() > 0 && newPage:
				// A form feed starts a new page: it stays in the plain
				// text, where quote.NewSource counts pages, and the
				// page's number is shown.
				plain.WriteString("\n\f\n")
				t.Pieces = append(t.Pieces, Piece{Tag: `<p class="page-break" id="page-` + strconv.Itoa(n) + `">Page ` + strconv.Itoa(n) + "</p>\n"})
			case plain.Len() > 0:
				plain.WriteString("\n\n")
			}
			newPage = false
			t.Pieces = append(t.Pieces, Piece{Tag: "<p>"}, Piece{Text: para, Offset: plain.Len()}, Piece{Tag: "</p>\n"})
			plain.WriteString(para)
		}
	}
	t.Plain = plain.String()
	return t
}
