package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTMLNodes bounds the elements of a page readability scores: a saved
// news page has a few thousand; a million is a file made to be slow.
const maxHTMLNodes = 200_000

// minArticleWords is the fewest words an article is expected to have;
// fewer is a warning.
const minArticleWords = 50

// HTML extracts the article of a saved web page: its text without
// navigation, banners, asides, related links and footers (readability's
// scoring decides what the article is), and its metadata. pageURL, when
// known, resolves relative links such as the canonical URL.
func HTML(data []byte, pageURL string) (*Document, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot read the page: %v", err)
	}
	base, _ := url.Parse(pageURL)
	if pageURL == "" {
		base = nil
	}
	meta := pageMeta(doc)
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLNodes
	art, err := p.ParseDocument(doc, base)
	if err != nil {
		return nil, fmt.Errorf("cannot find the article in the page: %v", err)
	}
	if art.Node == nil {
		return nil, fmt.Errorf("cannot find the article in the page: %w", ErrEmpty)
	}
	d := &Document{Kind: "news", Language: art.Language()}
	d.Title = oneLine(art.Title())
	if meta.title != "" && (d.Title == "" || len(meta.title) < len(d.Title)) && strings.Contains(d.Title, meta.title) {
		d.Title = meta.title
	}
	d.Publisher = oneLine(art.SiteName())
	if d.Publisher == "" {
		d.Publisher = meta.publisher
	}
	if t, err := art.PublishedTime(); err == nil {
		d.Published = t
	} else if !meta.published.IsZero() {
		d.Published = meta.published
	}
	if base == nil && meta.ogURL != "" {
		// A saved page's relative canonical link resolves against og:url.
		base, _ = url.Parse(resolve(nil, meta.ogURL))
	}
	d.URL = resolve(base, meta.canonical)
	if d.URL == "" {
		d.URL = pageURL
	}
	d.Authors = meta.authors
	if len(d.Authors) == 0 {
		if by := oneLine(art.Byline()); by != "" {
			d.Authors = []string{strings.TrimPrefix(strings.TrimPrefix(by, "By "), "by ")}
		}
	}
	var w blockWriter
	w.walk(art.Node)
	d.Text = w.String()
	if d.Title != "" {
		d.Text = dropLeadingTitle(d.Text, d.Title)
	}
	if n := len(strings.Fields(d.Text)); n < minArticleWords {
		d.Warnings = append(d.Warnings, fmt.Sprintf("the article found has only %d words: check that the file is the article (a page that shows its text with JavaScript is saved without it; save it from the browser's reader view, or as PDF)", n))
	}
	return d, nil
}

// dropLeadingTitle removes a first paragraph that repeats the title: it
// is in the front matter.
func dropLeadingTitle(text, title string) string {
	first, rest, ok := strings.Cut(text, "\n\n")
	if ok && strings.TrimSpace(first) == title {
		return rest
	}
	return text
}

func resolve(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// meta is what a page's head says about it beyond what readability
// returns: the canonical URL, and authors and publisher from JSON-LD.
type meta struct {
	title, canonical, publisher string
	ogURL                       string
	published                   time.Time
	authors                     []string
	linkCanonical               bool // canonical is from <link rel=canonical>, which og:url does not replace
}

func pageMeta(doc *html.Node) meta {
	var m meta
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
					m.canonical, m.linkCanonical = attr(n, "href"), true
				}
			case atom.Meta:
				prop := strings.ToLower(attr(n, "property") + attr(n, "name"))
				switch prop {
				case "og:url":
					m.ogURL = attr(n, "content")
					if !m.linkCanonical {
						m.canonical = m.ogURL
					}
				case "og:title":
					m.title = oneLine(attr(n, "content"))
				case "og:site_name":
					m.publisher = oneLine(attr(n, "content"))
				}
			case atom.Script:
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					m.jsonLD(n.FirstChild.Data)
				}
				return
			case atom.Body:
				// Metadata lives in the head, JSON-LD sometimes in the body.
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// jsonLD reads the authors, publisher and date of the first article-like
// object of a JSON-LD script (a single object, a list or an @graph).
func (m *meta) jsonLD(text string) {
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return
	}
	var objs []map[string]any
	var collect func(v any)
	collect = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				collect(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				collect(g)
			}
			objs = append(objs, x)
		}
	}
	collect(v)
	for _, o := range objs {
		if _, ok := o["author"]; !ok {
			if _, ok := o["datePublished"]; !ok {
				continue
			}
		}
		if len(m.authors) == 0 {
			m.authors = names(o["author"])
		}
		if m.publisher == "" {
			if p := names(o["publisher"]); len(p) > 0 {
				m.publisher = p[0]
			}
		}
		if s, ok := o["datePublished"].(string); ok && m.published.IsZero() {
			for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04", "2006-01-02"} {
				if t, err := time.Parse(layout, s); err == nil {
					m.published = t
					break
				}
			}
		}
	}
}

// names reads a JSON-LD person or organization, or a list of them: each
// a name or an object with a "name".
func names(v any) []string {
	switch x := v.(type) {
	case string:
		if s := oneLine(x); s != "" {
			return []string{s}
		}
	case map[string]any:
		if s, ok := x["name"].(string); ok && oneLine(s) != "" {
			return []string{oneLine(s)}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, names(e)...)
		}
		return out
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// oneLine collapses white space runs to one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// blockWriter turns an article's HTML into stored text: one paragraph per
// block (p, headings, list items, table rows, block quotes, figure
// captions, pre), inline text joined with its white space collapsed, a
// line break for <br>. Images, their alt text, scripts, forms and embedded
// media are left out: alt text and image files are not the article's
// words; a figure's caption, printed under it, is kept as a paragraph.
type blockWriter struct {
	out  strings.Builder
	para strings.Builder
	pre  int
}

func (w *blockWriter) String() string {
	w.flush()
	return strings.TrimSpace(w.out.String())
}

// flush ends the paragraph being written.
func (w *blockWriter) flush() {
	p := w.para.String()
	w.para.Reset()
	var lines []string
	for _, l := range strings.Split(p, "\n") {
		if w.pre == 0 {
			l = oneLine(l)
		} else {
			l = strings.TrimRight(l, " \t")
		}
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return
	}
	if w.out.Len() > 0 {
		w.out.WriteString("\n\n")
	}
	w.out.WriteString(strings.Join(lines, "\n"))
}

var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Figure: true, atom.Figcaption: true,
	atom.Table: true, atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Pre: true, atom.Hr: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Main: true, atom.Aside: true, atom.Caption: true,
}

var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Img: true,
	atom.Picture: true, atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Form: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Head: true,
}

func (w *blockWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if w.pre > 0 {
			w.para.WriteString(n.Data)
		} else {
			w.para.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		}
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br {
			w.para.WriteByte('\n')
			return
		}
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			w.para.WriteByte(' ')
		}
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		w.flush()
	}
	if n.DataAtom == atom.Pre {
		w.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	}
	if n.DataAtom == atom.Pre {
		w.pre--
	}
}
