package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html/template"
	"slices"
	"time"

	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/site"
)

// dataJobs are the files for machines: the ClaimReview data feed, the Atom
// feed, the sitemap and the publishing files. What needs absolute URLs is
// left out when the site has no absolute base URL.
//
// Each language has its own claims.json and feed.xml, of its claims; the
// other files are the site's own language's renderer's only.
func (r *Renderer) dataJobs() []Job {
	jobs := []Job{{Path: "claims.json", Render: r.claimsJSON}}
	if r.Inputs != "" {
		jobs[0].ID = r.claimsJSONID
	}
	if r.lang == "" {
		jobs = append(jobs,
			Job{Path: "assets/chroma.css", Render: func() ([]byte, error) { return markdown.CodeCSS(), nil }},
			Job{Path: ".nojekyll", Render: func() ([]byte, error) { return []byte{}, nil }},
			Job{Path: "robots.txt", Render: r.robots},
		)
	}
	if r.lang == "" && r.site.Config.CNAME != "" {
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
	InLanguage    string   `json:"inLanguage"`
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
		// The site's home in its own language: the organization's,
		// whichever language the page is in.
		root := r.urls
		root.Lang = ""
		org.URL = root.Abs("")
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
		InLanguage:    cfg.Language,
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

// claimReviewJS is the JSON-LD of a claim page. encoding/json escapes
// < > and & in strings, so no text can close the <script> element it sits
// in.
func (r *Renderer) claimReviewJS(c *site.Claim) (template.JS, error) {
	b, err := json.Marshal(r.claimReview(c))
	return template.JS(b), err
}

// claimsJSON writes every ClaimReview as one JSON array, laid out as
// json.MarshalIndent lays out the array, one claim at a time: on a large
// site the whole array at once takes several times the file's size in
// memory.
func (r *Renderer) claimsJSON() ([]byte, error) {
	if len(r.site.Claims) == 0 {
		return []byte("[]\n"), nil
	}
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, c := range r.site.Claims {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteByte(' ')
		cr, err := json.MarshalIndent(r.claimReview(c), " ", " ")
		if err != nil {
			return nil, err
		}
		b.Write(cr)
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
			Title: r.t("%s: %s", c.Rating.Label, c.Claim), ID: u, Link: atomLink{Rel: "alternate", Type: "text/html", Href: u},
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

// sitemaps returns the sitemap files of every language's pages: one
// sitemap.xml, or past 50,000 URLs a sitemap index and numbered
// sitemaps. On a site in several languages each URL lists its
// alternates, the same page in each language that has it (itself
// included, as Google asks), and x-default, the page in the site's own
// language (see Page.Alternates).
func (r *Renderer) sitemaps() map[string][]byte {
	if r.urls.Origin == "" {
		return nil
	}
	var urls []sitemapURL
	for _, lr := range append([]*Renderer{r}, r.others...) {
		for _, p := range lr.pages().paths {
			u := sitemapURL{loc: lr.urls.Abs(p)}
			for _, a := range lr.alternates(p) {
				u.alts = append(u.alts, [2]string{a.Lang, a.AbsURL})
				if a.Default {
					u.alts = append(u.alts, [2]string{"x-default", a.AbsURL})
				}
			}
			urls = append(urls, u)
		}
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

// sitemapURL is one page of a sitemap, with its alternates: each a
// language tag (or x-default) and the absolute URL of the page in it.
type sitemapURL struct {
	loc  string
	alts [][2]string
}

// urlset is a sitemap of urls. The xhtml namespace of alternates is
// declared only when a URL has some.
func urlset(urls []sitemapURL) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`)
	if slices.ContainsFunc(urls, func(u sitemapURL) bool { return len(u.alts) > 0 }) {
		b.WriteString(` xmlns:xhtml="http://www.w3.org/1999/xhtml"`)
	}
	b.WriteString(">\n")
	for _, u := range urls {
		if len(u.alts) == 0 {
			b.WriteString(" <url><loc>" + xmlEscape(u.loc) + "</loc></url>\n")
			continue
		}
		b.WriteString(" <url><loc>" + xmlEscape(u.loc) + "</loc>\n")
		for _, a := range u.alts {
			b.WriteString(`  <xhtml:link rel="alternate" hreflang="` + xmlEscape(a[0]) + `" href="` + xmlEscape(a[1]) + `"/>` + "\n")
		}
		b.WriteString(" </url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
