package render

import (
	"bytes"
	"html/template"
	"strings"
	"time"
)

// Some markup is written in Go rather than by templates: what the built-in
// templates would print with many actions each, on every claim page (see
// ClaimView). html/template spends far more time per action (reflection,
// escaper calls) than the text it writes, so these pieces are built with
// the functions below, which escape exactly as html/template does, byte
// for byte (escape_test.go checks them against it).

// htmlEscapes are the escapes html/template writes for bytes of a plain
// string in HTML text or a quoted attribute value; "" for a byte it keeps.
var htmlEscapes = newEscapes(map[byte]string{
	0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
})

// escapes maps bytes to their escapes; escaped marks the bytes that
// have one, in one byte each (faster to test than the strings).
type escapes struct {
	escaped [256]bool
	to      [256]string
}

func newEscapes(m map[byte]string) *escapes {
	e := new(escapes)
	for c, s := range m {
		e.escaped[c], e.to[c] = true, s
	}
	return e
}

// escapeText escapes s for HTML text or a quoted attribute value.
func escapeText(s string) string {
	for i := 0; i < len(s); i++ {
		if htmlEscapes.escaped[s[i]] {
			var b strings.Builder
			b.Grow(len(s) + 16)
			writeEscaped(&b, s)
			return b.String()
		}
	}
	return s
}

// writeEscaped writes s escaped for HTML text or a quoted attribute value.
func writeEscaped[W interface{ WriteString(string) (int, error) }](w W, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if htmlEscapes.escaped[s[i]] {
			w.WriteString(s[last:i])
			w.WriteString(htmlEscapes.to[s[i]])
			last = i + 1
		}
	}
	w.WriteString(s[last:])
}

// escapeURL escapes s for a quoted URL attribute (href): html/template
// replaces a URL with a scheme other than http, https and mailto by
// "#ZgotmplZ", percent-encodes what a URL cannot hold, then escapes it
// for the attribute.
func escapeURL(s string) string {
	if !isSafeURL(s) {
		return "#ZgotmplZ"
	}
	return escapeText(normalizeURL(s))
}

func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// escapeFragment escapes s for the fragment of a quoted URL attribute,
// after a literal "#": html/template percent-encodes every byte but
// letters, digits and "-._~".
func escapeFragment(s string) string {
	return escapeText(processURL(s, false))
}

// normalizeURL percent-encodes the bytes of s that are neither unreserved
// nor reserved in URLs, keeping valid escapes, as html/template does.
func normalizeURL(s string) string { return processURL(s, true) }

// processURL percent-encodes the bytes of s that are not unreserved in
// URLs; when norm is set, it keeps reserved bytes and valid escapes.
func processURL(s string, norm bool) string {
	var b strings.Builder
	keep := &urlUnreserved
	if norm {
		keep = &urlKept
	}
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case keep[c]:
			continue
		case norm && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// urlUnreserved has the bytes processURL keeps as they are: letters,
// digits and "-._~"; urlKept those it keeps when normalizing, the
// reserved "!#$&*+,/:;=?@[]" too.
var urlUnreserved, urlKept = func() (unreserved, kept [256]bool) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		unreserved[c] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || strings.IndexByte("-._~", b) >= 0
		kept[c] = unreserved[c] || strings.IndexByte("!#$&*+,/:;=?@[]", b) >= 0
	}
	return
}()

const lowerHex = "0123456789abcdef"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// markup writes HTML into a buffer: a page's, or one that makes a piece
// of markup for a view (see field).
type markup struct{ *bytes.Buffer }

// field is the markup that write writes, for a field of a view.
func field(write func(m markup)) template.HTML {
	var b bytes.Buffer
	write(markup{&b})
	return template.HTML(b.String())
}

// raw writes markup as it is.
func (m markup) raw(s ...string) {
	for _, x := range s {
		m.WriteString(x)
	}
}

// text writes escaped text.
func (m markup) text(s string) { writeEscaped(m.Buffer, s) }

// url writes an escaped URL, for a quoted href (see escapeURL).
func (m markup) url(s string) {
	if !isSafeURL(s) {
		m.WriteString("#ZgotmplZ")
		return
	}
	writeEscaped(m.Buffer, normalizeURL(s))
}

// pathURL writes, for a quoted href, the link to the page dir+id+"/"
// ("claims/" and an id): what m.url(r.urls.Rel(dir+id+"/")) writes, without
// making that string when the id is letters, digits and "-._~", which no
// escaping changes. dir is one of the paths of claimPath, sourcePath ….
func (r *Renderer) pathURL(m markup, dir, id string) {
	for i := 0; i < len(id); i++ {
		if !urlUnreserved[id[i]] {
			m.url(r.urls.Rel(dir + id + "/"))
			return
		}
	}
	// The base path ends in "/", so it is escaped on its own as it is
	// in the whole URL.
	m.WriteString(r.baseHref)
	m.WriteString(dir)
	m.WriteString(id)
	m.WriteByte('/')
}

// pathLink writes <a href="…">text</a> to the page dir+id+"/".
func (r *Renderer) pathLink(m markup, dir, id, text string) {
	m.WriteString(`<a href="`)
	r.pathURL(m, dir, id)
	m.WriteString(`">`)
	m.text(text)
	m.WriteString("</a>")
}

// time writes <time datetime="2021-03-16">16 March 2021</time>.
func (m markup) time(t time.Time) {
	m.WriteString(`<time datetime="`)
	if !t.IsZero() {
		m.Write(appendDate(m.AvailableBuffer(), t, "2006-01-02"))
	}
	m.WriteString(`">`)
	if !t.IsZero() {
		m.Write(appendDate(m.AvailableBuffer(), t, "2 January 2006"))
	}
	m.WriteString("</time>")
}

// appendDate appends t as t.AppendFormat(b, layout) does for the layouts
// "2006-01-02" and "2 January 2006", faster, for years 0 to 9999.
func appendDate(b []byte, t time.Time, layout string) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, layout)
	}
	year := [4]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)}
	switch layout {
	case "2006-01-02":
		b = append(b, year[:]...)
		return append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	case "2 January 2006":
		if d >= 10 {
			b = append(b, byte('0'+d/10))
		}
		b = append(b, byte('0'+d%10), ' ')
		b = append(b, m.String()...)
		b = append(b, ' ')
		return append(b, year[:]...)
	}
	return t.AppendFormat(b, layout)
}

// longDate formats a date for readers: "16 March 2021" (the date
// function of templates).
func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return string(appendDate(nil, t, "2 January 2006"))
}
