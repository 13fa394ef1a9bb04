package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/quote"

	"go.yaml.in/yaml/v3"
)

var claimKeys = []string{"claim", "short", "claimant", "claim_date", "appearances", "rating", "summary", "published", "updated", "authors", "topics", "corrections", "draft", "aliases"}

// maxPerClaim is how many topics, and how many aliases, a claim may have.
// Each makes pages (a topic's listing has a page per page_size claims):
// one claim with 200,000 topics made 200,000 pages, 2.4 GB from 4.6 MB of
// content, in two minutes. Real claims have a handful.
const maxPerClaim = 100

// maxShort is the length a claim's short form stays under: Google's
// advice for ClaimReview's claimReviewed.
const maxShort = 75

func parseClaim(id string, f file, fm *fields, p *markdown.Parser, html markdown.HTML, keepText bool, diags *diag.List) *Claim {
	c := &Claim{ID: id, Path: f.path, bodyLine: f.bodyLine}
	c.Claim = fm.str("claim", true)
	var shortPos Pos
	c.Short, shortPos = fm.strPos("short", false)
	if n := utf8.RuneCountInString(c.Short); n >= maxShort {
		fm.diags.Warnf(fm.path, shortPos.Line, shortPos.Col, "short is %d characters: ClaimReview's claimReviewed, which it becomes, should be under %d", n, maxShort)
	}
	c.Claimant = readClaimant(fm)
	c.ClaimDate = fm.date("claim_date", true)
	c.Appearances = readURLs(fm, "appearances")
	rating, rp := fm.strPos("rating", true)
	c.Rating = Rating{ID: rating} // the rest is filled in by link
	c.ratingPos = rp
	c.Summary = fm.str("summary", true)
	if v := fm.get("published", true); v != nil {
		c.Published = fm.parseDate("published", v)
		c.publishedPos = fm.at(v)
	}
	c.Updated = fm.date("updated", false)
	c.Authors = fm.strs("authors")
	fm.commaValue("topics", "topic", "for several, write a list: [VALUE]")
	for _, t := range fm.atMost("topics", fm.strs("topics"), maxPerClaim) {
		c.Topics = append(c.Topics, Name{Name: t, ID: Slug(t)})
	}
	c.Corrections = readCorrections(fm)
	c.Draft = fm.boolean("draft")
	c.Aliases = fm.atMost("aliases", fm.strs("aliases"), maxPerClaim)
	fm.unknown(claimKeys)
	c.Doc = p.Parse(f.body)
	c.refs = refsOf(c.Doc)
	reportProblems(f, c.Doc, diags)
	if keepText {
		c.Text = string(c.Doc.AppendPlainText(nil))
	}
	c.Doc.DropTree(html)
	return c
}

// htmlBufs hold the HTML of a source while it is split into pieces.
var htmlBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func readClaimant(fm *fields) Name {
	v := fm.get("claimant", true)
	if v == nil {
		return Name{}
	}
	var n Name
	switch v.Kind {
	case yaml.ScalarNode:
		fm.commaValue("claimant", "name", "write one name: who made the claim")
		n.Name = strings.TrimSpace(v.Value)
	case yaml.MappingNode:
		s := fm.sub(v)
		n.Name = s.str("name", true)
		n.URL = s.url("url", false)
		switch t, p := s.strPos("type", false); t {
		case "", "organization":
		case "person":
			n.Person = true
		default:
			s.errorf(p, "claimant type %q must be person or organization", t)
		}
		s.unknown([]string{"name", "url", "type"})
	default:
		fm.errorf(fm.at(v), "claimant must be a name, or {name, url, type}")
	}
	if n.Name == "" && v.Kind == yaml.ScalarNode {
		fm.errorf(fm.at(v), "claimant must not be empty")
	}
	n.ID = Slug(n.Name)
	return n
}

func readURLs(fm *fields, key string) []string {
	v := fm.get(key, false)
	list := fm.strs(key)
	var out []string
	for i, u := range list {
		if !httpURL(u) {
			p := fm.at(v)
			if v.Kind == yaml.SequenceNode && i < len(v.Content) {
				p = fm.at(v.Content[i])
			}
			fm.errorf(p, "%s: %q is not an http(s) URL", key, u)
			continue
		}
		out = append(out, u)
	}
	return out
}

func readCorrections(fm *fields) []Correction {
	v := fm.get("corrections", false)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		fm.errorf(fm.at(v), "corrections must be a list of {date, note}")
		return nil
	}
	var out []Correction
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			fm.errorf(fm.at(e), "each correction must be {date, note}")
			continue
		}
		s := fm.sub(e)
		out = append(out, Correction{Date: s.date("date", true), Note: s.str("note", true)})
		s.unknown([]string{"date", "note"})
	}
	return out
}

var sourceKeys = []string{"title", "publisher", "url", "published", "accessed", "archive_url", "kind", "format", "note", "language", "original"}

// Original is what a source's stored text was taken from, as import
// records it under the key original.
type Original struct {
	From       string // the file name or URL imported
	MediaType  string
	Size       int64 // bytes
	Pages      int   // of a PDF
	SHA256     string
	Taken      string // RFC 3339
	TextSHA256 string // of the stored text as imported
	// Duration is how long the recording of captions lasts, from the
	// end of their last cue (duration: "1:02:03").
	Duration time.Duration
	// Edited is set when the stored text is no longer the text whose
	// hash is TextSHA256: it was changed by hand since its import.
	Edited bool
}

var originalKeys = []string{"from", "media_type", "size", "pages", "duration", "sha256", "taken", "text_sha256"}

// parseOriginal reads original, and warns when the stored text is no
// longer the text imported: its hash is made as importer.TextHash makes
// it (line ends made "\n", white space at the ends trimmed).
func parseOriginal(fm *fields, body []byte) *Original {
	v := fm.get("original", false)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		fm.errorf(fm.at(v), "original must be a mapping of from, media_type, size, pages, duration, sha256, taken and text_sha256, as import writes it")
		return nil
	}
	o := fm.sub(v)
	num := func(key string) int64 {
		s, p := o.strPos(key, false)
		if s == "" {
			return 0
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			o.errorf(p, "original: %s must be a whole number", key)
		}
		return n
	}
	orig := &Original{From: o.str("from", false), MediaType: o.str("media_type", false), Size: num("size"),
		Pages: int(num("pages")), SHA256: o.str("sha256", false), Taken: o.str("taken", false)}
	if d, p := o.strPos("duration", false); d != "" {
		var ok bool
		if orig.Duration, ok = parseClock(d); !ok {
			o.errorf(p, "original: duration must be a time, m:ss or h:mm:ss (\"1:02:03\")")
		}
	}
	var p Pos
	orig.TextSHA256, p = o.strPos("text_sha256", false)
	o.unknown(originalKeys)
	if orig.TextSHA256 != "" {
		text := strings.ReplaceAll(string(body), "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
		sum := sha256.Sum256([]byte(strings.TrimSpace(text)))
		if hex.EncodeToString(sum[:]) != orig.TextSHA256 {
			orig.Edited = true
			fm.diags.Warnf(fm.path, p.Line, p.Col, "the stored text was changed since it was imported from %s: quotes are checked against the changed text; import the original again, or delete text_sha256 if the change is deliberate (and say why in note)", orig.From)
		}
	}
	return orig
}

var sourceKinds = []string{"primary", "report", "news", "statement", "dataset", "social", "other"}

func parseSource(id string, f file, fm *fields, p *markdown.Parser, r *markdown.Renderer, diags *diag.List) *Source {
	s := &Source{ID: id, Path: f.path}
	s.Title = fm.str("title", true)
	s.Publisher = fm.str("publisher", true)
	s.URL = fm.url("url", false)
	if v := fm.get("published", false); v != nil {
		s.Published = fm.parseDate("published", v)
		s.publishedPos = fm.at(v)
	}
	s.Accessed = fm.date("accessed", false)
	s.ArchiveURL = fm.url("archive_url", false)
	kind, kp := fm.strPos("kind", false)
	if kind != "" && !contains(sourceKinds, kind) {
		fm.errorf(kp, "kind %q is not one of %s", kind, strings.Join(sourceKinds, ", "))
	}
	s.Kind = kind
	format, fp := fm.strPos("format", false)
	switch format {
	case "", "markdown":
		format = "markdown"
	case "text":
	default:
		fm.errorf(fp, "format %q must be markdown or text", format)
		format = "markdown"
	}
	s.Format = format
	s.Note = fm.str("note", false)
	s.Language = fm.str("language", false)
	s.Original = parseOriginal(fm, f.body)
	fm.unknown(sourceKeys)
	if len(bytes.TrimSpace(f.body)) > 0 {
		if format == "text" {
			s.Text = plainTextPieces(string(f.body))
		} else {
			doc := p.Parse(f.body)
			reportProblems(f, doc, diags)
			b := htmlBufs.Get().(*bytes.Buffer)
			b.Reset()
			r.Render(b, doc)
			s.Text = htmlPieces(b.Bytes())
			htmlBufs.Put(b)
		}
		s.Index = quote.NewSource(s.Text.Plain)
		if format == "text" {
			s.Times = captionTimes(s.Text.Plain)
		}
		s.latestYear = latestYear(s.Text.Plain)
	}
	return s
}

var pageKeys = []string{"title", "menu", "description"}

func parsePage(id string, f file, fm *fields, p *markdown.Parser, html markdown.HTML, diags *diag.List) *Page {
	pg := &Page{ID: id, Path: f.path, bodyLine: f.bodyLine}
	pg.Title = fm.str("title", true)
	if v := fm.get("menu", false); v != nil {
		pg.menuSet = true
		if err := v.Decode(&pg.Menu); err != nil || pg.Menu < 0 {
			fm.errorf(fm.at(v), "menu must be a whole number: the page's place in the site menu")
		}
	}
	pg.Description = fm.str("description", false)
	fm.unknown(pageKeys)
	pg.Doc = p.Parse(f.body)
	if pg.Description == "" {
		pg.Description = firstParagraph(pg.Doc)
	}
	pg.refs = refsOf(pg.Doc)
	reportProblems(f, pg.Doc, diags)
	pg.Doc.DropTree(html)
	return pg
}

// firstParagraph is the text of a document's first paragraph, cut at a
// word to at most 160 characters, as search engines show a description.
func firstParagraph(doc *markdown.Doc) string {
	text := strings.Join(strings.Fields(doc.FirstParagraph()), " ")
	if utf8.RuneCountInString(text) <= 160 {
		return text
	}
	r := []rune(text)[:159]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > 80 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// reportProblems adds the Markdown's own problems at their positions.
func reportProblems(f file, doc *markdown.Doc, diags *diag.List) {
	for _, pr := range doc.Problems {
		p := bodyPos(f.bodyLine, pr.LineCol)
		if pr.Warning {
			diags.Warnf(f.path, p.Line, p.Col, "%s", pr.Message)
		} else {
			diags.Errorf(f.path, p.Line, p.Col, "%s", pr.Message)
		}
	}
}

// bodyPos converts a position in a body that starts on file line
// bodyLine into a file position.
func bodyPos(bodyLine int, p markdown.Pos) Pos {
	if p.Line == 0 {
		return Pos{bodyLine, 1}
	}
	return Pos{bodyLine + p.Line - 1, p.Col}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
