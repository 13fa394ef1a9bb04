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
func htmlPieces(s []byte) Text {
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
	z := xhtml.NewTokenizer(bytes.NewReader(s))
tokens:
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			break tokens
		case xhtml.TextToken:
			text(z.Raw())
		default:
			name, _ := z.TagName()
			tag(z.Raw(), name)
		}
	}
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
