package render

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"strconv"
	"strings"
	"time"

	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/site"
)

// dataJobs are the files for machines: the ClaimReview data feed, the Atom
// feed, the sitemap and the publishing files. What needs absolute URLs is
// left out when the site has no absolute base URL.
func (r *Renderer) dataJobs() []Job {
	jobs := []Job{
		{Path: "claims.json", Render: r.claimsJSON},
		{Path: "assets/chroma.css", Render: func() ([]byte, error) { return markdown.CodeCSS(), nil }},
		{Path: ".nojekyll", Render: func() ([]byte, error) { return []byte{}, nil }},
		{Path: "robots.txt", Render: r.robots},
	}
	if r.site.Config.CNAME != "" {
		jobs = append(jobs, Job{Path: "CNAME", Render: func() ([]byte, error) { return []byte(r.site.Config.CNAME + "\n"), nil }})
	}
	if r.urls.Origin != "" {
		jobs = append(jobs, Job{Path: "feed.xml", Render: r.feed})
	}
	return jobs
}

// Organization and Thing are the schema.org objects ClaimReview refers to.
type ldThing struct {
	Type   string `json:"@type"`
	Name   string `json:"name"`
	URL    string `json:"url,omitempty"`
	SameAs string `json:"sameAs,omitempty"`
	Logo   string `json:"logo,omitempty"`
}

type ldRating struct {
	Type          string `json:"@type"`
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
	AlternateName string `json:"alternateName"`
}

type ldWork struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

type ldClaim struct {
	Type            string   `json:"@type"`
	Author          ldThing  `json:"author"`
	DatePublished   string   `json:"datePublished,omitempty"`
	Appearance      []ldWork `json:"appearance,omitempty"`
	FirstAppearance *ldWork  `json:"firstAppearance,omitempty"`
}

type claimReview struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	URL           string   `json:"url,omitempty"`
	ClaimReviewed string   `json:"claimReviewed"`
	ReviewRating  ldRating `json:"reviewRating"`
	Author        ldThing  `json:"author"`
	DatePublished string   `json:"datePublished"`
	DateModified  string   `json:"dateModified,omitempty"`
	ItemReviewed  ldClaim  `json:"itemReviewed"`
	Headline      string   `json:"headline,omitempty"`
}

// claimReview is the ClaimReview of a claim, as Google's fact-check
// markup guidance describes it.
func (r *Renderer) claimReview(c *site.Claim) claimReview {
	cfg := r.site.Config
	org := ldThing{Type: "Organization", Name: cfg.Organization.Name, URL: cfg.Organization.URL, Logo: cfg.Organization.Logo}
	if org.URL == "" {
		org.URL = r.urls.Abs("")
	}
	item := ldClaim{
		Type:          "Claim",
		Author:        ldThing{Type: claimantType(c.Claimant), Name: c.Claimant.Name, SameAs: c.Claimant.URL},
		DatePublished: isoDate(c.ClaimDate),
	}
	for _, u := range c.Appearances {
		item.Appearance = append(item.Appearance, ldWork{"CreativeWork", u})
	}
	if len(c.Appearances) > 0 {
		item.FirstAppearance = &ldWork{"CreativeWork", c.Appearances[0]}
	}
	cr := claimReview{
		Context:       "https://schema.org",
		Type:          "ClaimReview",
		URL:           r.urls.Abs(claimPath(c.ID)),
		ClaimReviewed: claimReviewed(c),
		ReviewRating: ldRating{Type: "Rating", RatingValue: c.Rating.Value, BestRating: len(cfg.Ratings),
			WorstRating: 1, AlternateName: c.Rating.Label},
		Author:        org,
		DatePublished: isoDate(c.Published),
		ItemReviewed:  item,
		Headline:      c.Summary,
	}
	if !c.Updated.IsZero() {
		cr.DateModified = isoDate(c.Updated)
	}
	return cr
}

// claimReviewed is a claim's short form where it has one, else the claim.
func claimReviewed(c *site.Claim) string {
	if c.Short != "" {
		return c.Short
	}
	return c.Claim
}

// claimReviewJS is the JSON-LD of a claim page. Strings are escaped as
// encoding/json does, < > and & included, so no text can close the
// <script> element it sits in.
func (r *Renderer) claimReviewJS(c *site.Claim) (template.JS, error) {
	var b bytes.Buffer
	cr := r.claimReview(c)
	size := 640 + len(cr.URL) + len(cr.ClaimReviewed) + len(cr.Headline) + len(cr.Author.Name) + len(cr.Author.URL) +
		len(cr.Author.Logo) + len(cr.ItemReviewed.Author.Name) + len(cr.ItemReviewed.Author.SameAs)
	for _, a := range cr.ItemReviewed.Appearance {
		size += 64 + len(a.URL)
	}
	b.Grow(size * 9 / 8) // a little for escapes
	cr.writeJSON(&jsonWriter{b: &b})
	return template.JS(b.String()), nil
}

// writeJSON writes cr as encoding/json does (TestClaimReviewJSON): the
// same keys in the same order, the same escapes and, with w's indent, the
// same layout. It is several times faster than reflection.
func (cr *claimReview) writeJSON(w *jsonWriter) {
	w.open('{')
	w.str("@context", cr.Context)
	w.str("@type", cr.Type)
	w.strOmit("url", cr.URL)
	w.str("claimReviewed", cr.ClaimReviewed)
	w.key("reviewRating")
	w.open('{')
	w.str("@type", cr.ReviewRating.Type)
	w.int("ratingValue", cr.ReviewRating.RatingValue)
	w.int("bestRating", cr.ReviewRating.BestRating)
	w.int("worstRating", cr.ReviewRating.WorstRating)
	w.str("alternateName", cr.ReviewRating.AlternateName)
	w.close('}')
	w.key("author")
	cr.Author.writeJSON(w)
	w.str("datePublished", cr.DatePublished)
	w.strOmit("dateModified", cr.DateModified)
	w.key("itemReviewed")
	w.open('{')
	w.str("@type", cr.ItemReviewed.Type)
	w.key("author")
	cr.ItemReviewed.Author.writeJSON(w)
	w.strOmit("datePublished", cr.ItemReviewed.DatePublished)
	if len(cr.ItemReviewed.Appearance) > 0 {
		w.key("appearance")
		w.open('[')
		for _, a := range cr.ItemReviewed.Appearance {
			w.elem()
			a.writeJSON(w)
		}
		w.close(']')
	}
	if a := cr.ItemReviewed.FirstAppearance; a != nil {
		w.key("firstAppearance")
		a.writeJSON(w)
	}
	w.close('}')
	w.strOmit("headline", cr.Headline)
	w.close('}')
}

func (t *ldThing) writeJSON(w *jsonWriter) {
	w.open('{')
	w.str("@type", t.Type)
	w.str("name", t.Name)
	w.strOmit("url", t.URL)
	w.strOmit("sameAs", t.SameAs)
	w.strOmit("logo", t.Logo)
	w.close('}')
}

func (a *ldWork) writeJSON(w *jsonWriter) {
	w.open('{')
	w.str("@type", a.Type)
	w.str("url", a.URL)
	w.close('}')
}

// jsonWriter writes JSON objects and arrays, compact or, with indent set,
// laid out as json.MarshalIndent(v, prefix, indent) does.
type jsonWriter struct {
	b              *bytes.Buffer
	prefix, indent string
	depth          int
	first          bool   // nothing is in the innermost object or array yet
	lines          string // "\n", prefix and some indents, once needed
}

func (w *jsonWriter) newline() {
	if w.indent == "" {
		return
	}
	n := 1 + len(w.prefix) + w.depth*len(w.indent)
	if n > len(w.lines) {
		w.lines = "\n" + w.prefix + strings.Repeat(w.indent, w.depth+4)
	}
	w.b.WriteString(w.lines[:n])
}

func (w *jsonWriter) open(c byte) {
	w.b.WriteByte(c)
	w.depth++
	w.first = true
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	if !w.first { // an empty object or array stays {} or []
		w.newline()
	}
	w.b.WriteByte(c)
	w.first = false
}

// elem starts an element of an array.
func (w *jsonWriter) elem() {
	if !w.first {
		w.b.WriteByte(',')
	}
	w.first = false
	w.newline()
}

// key starts the member key of an object. Keys are the constants of
// writeJSON methods, which need no escapes.
func (w *jsonWriter) key(k string) {
	w.elem()
	w.b.WriteByte('"')
	w.b.WriteString(k)
	if w.indent != "" {
		w.b.WriteString(`": `)
	} else {
		w.b.WriteString(`":`)
	}
}

func (w *jsonWriter) str(k, v string) {
	w.key(k)
	writeJSONString(w.b, v)
}

// strOmit writes a member that has omitempty: none for "".
func (w *jsonWriter) strOmit(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

func (w *jsonWriter) int(k string, v int) {
	w.key(k)
	w.b.WriteString(strconv.Itoa(v))
}

// claimsJSON writes every ClaimReview as one JSON array, as
// json.MarshalIndent would, one claim at a time: on a large site the whole
// array at once takes several times the file's size in memory.
func (r *Renderer) claimsJSON() ([]byte, error) {
	if len(r.site.Claims) == 0 {
		return []byte("[]\n"), nil
	}
	var b bytes.Buffer
	b.WriteString("[\n")
	w := &jsonWriter{b: &b, prefix: " ", indent: " "}
	for i, c := range r.site.Claims {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteByte(' ')
		cr := r.claimReview(c)
		cr.writeJSON(w)
		if i == 0 {
			b.Grow(b.Len() * len(r.site.Claims) * 11 / 10)
		}
	}
	b.WriteString("\n]\n")
	return b.Bytes(), nil
}

// claimantType is the schema.org type of a claimant.
func claimantType(n site.Name) string {
	if n.Person {
		return "Person"
	}
	return "Organization"
}

func (r *Renderer) robots() ([]byte, error) {
	s := "User-agent: *\nAllow: /\n"
	if r.urls.Origin != "" {
		s += "Sitemap: " + r.urls.Abs("sitemap.xml") + "\n"
	}
	return []byte(s), nil
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr,omitempty"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomAuthor  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Link       atomLink       `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Summary    string         `xml:"summary"`
	Authors    []atomAuthor   `xml:"author"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// feed is the Atom feed of the 50 newest fact-checks.
func (r *Renderer) feed() ([]byte, error) {
	cfg := r.site.Config
	f := atomFeed{
		Lang: cfg.Language, Title: cfg.Title, Subtitle: cfg.Description,
		ID:     r.urls.Abs(""),
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: r.urls.Abs("feed.xml")}, {Rel: "alternate", Type: "text/html", Href: r.urls.Abs("")}},
		Author: atomAuthor{Name: cfg.Organization.Name, URI: cfg.Organization.URL},
	}
	var newest time.Time
	for _, c := range r.site.Claims[:min(50, len(r.site.Claims))] {
		u := r.urls.Abs(claimPath(c.ID))
		e := atomEntry{
			Title: c.Rating.Label + ": " + c.Claim, ID: u, Link: atomLink{Rel: "alternate", Type: "text/html", Href: u},
			Published: atomDate(c.Published), Updated: atomDate(lastChange(c)), Summary: c.Summary,
			Categories: []atomCategory{{Term: c.Rating.ID, Label: c.Rating.Label}},
		}
		for _, a := range c.Authors {
			e.Authors = append(e.Authors, atomAuthor{Name: a})
		}
		for _, t := range c.Topics {
			e.Categories = append(e.Categories, atomCategory{Term: t.ID, Label: t.Name})
		}
		if lastChange(c).After(newest) {
			newest = lastChange(c)
		}
		f.Entries = append(f.Entries, e)
	}
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = atomDate(newest)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func atomDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Sitemap returns the sitemap files for the given page paths (output
// paths of HTML pages, such as "claims/x/index.html"): one sitemap.xml, or
// past 50,000 URLs a sitemap index and numbered sitemaps.
func (r *Renderer) Sitemap(paths []string) map[string][]byte {
	if r.urls.Origin == "" {
		return nil
	}
	var urls []string
	for _, p := range paths {
		urls = append(urls, r.urls.Abs(strings.TrimSuffix(p, "index.html")))
	}
	const max = 50000
	if len(urls) <= max {
		return map[string][]byte{"sitemap.xml": urlset(urls)}
	}
	out := map[string][]byte{}
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := 0; i*max < len(urls); i++ {
		name := "sitemap-" + itoa(i+1) + ".xml"
		out[name] = urlset(urls[i*max : min((i+1)*max, len(urls))])
		index.WriteString(" <sitemap><loc>" + xmlEscape(r.urls.Abs(name)) + "</loc></sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	out["sitemap.xml"] = index.Bytes()
	return out
}

func urlset(urls []string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString(" <url><loc>" + xmlEscape(u) + "</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
