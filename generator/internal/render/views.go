package render

import (
	"bytes"
	"html/template"
	"slices"
	"sort"
	"strings"
	"time"

	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/site"
)

// Page is what every template receives. The fields below Path are set only
// on the kinds of page named in their comments. Templates build links with
// the methods (URL, ClaimURL, …), which keep every link under the site's
// base path.
type Page struct {
	r *Renderer
	// tmpl is the page template the page is executed with: Card and
	// Chrome run their templates in its set.
	tmpl string

	Site *site.Site
	// Title is the page's own title ("" on the home page); Description
	// is its summary for search engines and link previews.
	Title       string
	Description string
	// Path is the page's output path without a leading slash ("" for the
	// home page, "claims/x/" for a claim).
	Path string
	// Dev is true in the dev server's preview.
	Dev bool

	// Claims: home (latest), claims (one page of the listing), rating,
	// group.
	Claims []*site.Claim
	// Pager: claims, rating, group: the listing's pages; Count is the
	// number of claims in the whole listing.
	Pager *Pager
	Count int
	// Claim: claim.
	Claim *ClaimView
	// Source: source.
	Source *SourceView
	// Rating: rating.
	Rating site.Rating
	// Ratings: home and ratings, each rating with its number of claims.
	Ratings []RatingCount
	// Group: group (a topic, a claimant or an author); GroupKind is
	// "Topic", "Claimant" or "Author". Author is the author's profile
	// from site.yaml, nil without one.
	Group     *site.Group
	GroupKind string
	Author    *site.Author
	// Groups: groups (the topics, claimants or authors index).
	Groups []GroupLink
	// FreePage: page.
	FreePage *site.Page
	// Body: the rendered Markdown of a claim or page; on a source page,
	// its stored text with the quoted passages marked.
	Body template.HTML
	// Corrections: corrections, newest first.
	Corrections []CorrectionView
	// JSONLD: claim, its ClaimReview object.
	JSONLD template.JS
	// Redirect: alias, where the old address leads, and its absolute URL
	// ("" without a base URL).
	Redirect, RedirectURL string
}

// Pager links the pages of a listing.
type Pager struct {
	N, Total   int
	Prev, Next string // paths, "" at either end
}

// RatingCount is a rating and how many claims have it.
type RatingCount struct {
	site.Rating
	Count int
}

// GroupLink is a topic or claimant in an index.
type GroupLink struct {
	Name  string
	Path  string
	Count int
}

// CorrectionView is one correction with its claim.
type CorrectionView struct {
	Claim *site.Claim
	site.Correction
}

// ClaimView is a claim with what its page shows beside it.
type ClaimView struct {
	*site.Claim
	Quotes    []QuoteView
	Backlinks []*site.Claim
	// Related is the page's one list of related fact-checks: the claims
	// it cross-links with, then those sharing a topic, the claimant or a
	// source, each once, at most maxRelated (see relatedClaims).
	Related []*site.Claim
}

// maxRelated is how many related fact-checks a claim page lists.
const maxRelated = 5

// relatedClaims is the list of related fact-checks of c's page: the
// claims c cross-links to and those that link to it (CrossLinked, in that
// order), then the newest claims sharing a topic, the claimant or a cited
// source (Site.Related); each once, at most n in all.
func relatedClaims(s *site.Site, c *site.Claim, n int) []*site.Claim {
	linked := c.CrossLinked()
	out := make([]*site.Claim, 0, n)
	for _, x := range linked {
		if len(out) == n {
			return out
		}
		if x != c && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return append(out, s.Related(c, n-len(out), out)...)
}

// QuoteView is one quote of a claim.
type QuoteView struct {
	Text    string
	Source  *site.Source
	Locator string
	// Anchor links to the quote on the source page; Original to it in
	// the original document. Either may be "".
	Anchor, Original string
	// Status is "verified", "unverified" or "failed".
	Status string
}

// SourceView is a source page: its annotated text and who quotes it.
type SourceView struct {
	*site.Source
	QuotedIn []QuotedIn
	// Provenance is what it was imported from, nil if written by hand.
	Provenance *Provenance
}

// QuotedIn is a claim that quotes a source, with its quotes' anchors.
type QuotedIn struct {
	Claim  *site.Claim
	Quotes []QuoteRef
}

// QuoteRef is a quote as listed on its source page.
type QuoteRef struct {
	N      int // its number among its claim's quotes, as the claim's page numbers them
	Anchor string
	Text   string
}

// URL links to an output path ("claims/", "assets/style.css"). A link to
// a script or style sheet carries its version (Renderer.Assets).
func (p *Page) URL(path string) string {
	u := p.r.urls.Rel(path)
	if v := p.r.Assets[path]; v != "" {
		u += "?v=" + v
	}
	return u
}

// AbsURL is the absolute URL of an output path, "" without a base URL.
func (p *Page) AbsURL(path string) string { return p.r.urls.Abs(path) }

func (p *Page) ClaimURL(c *site.Claim) string   { return p.r.claimLink(c) }
func (p *Page) SourceURL(s *site.Source) string { return p.r.urls.Rel(sourcePath(s.ID)) }
func (p *Page) TopicURL(n site.Name) string     { return p.r.urls.Rel(topicPath(n.ID)) }
func (p *Page) ClaimantURL(n site.Name) string  { return p.r.urls.Rel(claimantPath(n.ID)) }
func (p *Page) AuthorURL(name string) string    { return p.r.urls.Rel(authorPath(site.Slug(name))) }
func (p *Page) RatingURL(r site.Rating) string  { return p.r.urls.Rel(ratingPath(r.ID)) }
func (p *Page) PageURL(pg *site.Page) string    { return p.r.urls.Rel(pagePath(pg.ID)) }
func (p *Page) Current(path string) bool        { return p.Path == path }
func (p *Page) Canonical() string               { return p.r.urls.Abs(p.Path) }
func (p *Page) Menu() []*site.Page              { return menu(p.Site.Pages) }

// Card is the "claim-card" template run for c, in the page's template
// set. It runs once per claim and build for all the sets whose
// "claim-card" is the same (see Templates.key): listings repeat the same
// claims many times.
func (p *Page) Card(c *site.Claim) (template.HTML, error) {
	type cardKey struct {
		def   int
		claim *site.Claim
	}
	k := cardKey{p.r.tmpl.key[p.tmpl]["claim-card"], c}
	if h, ok := p.r.cards.Load(k); ok {
		return h.(template.HTML), nil
	}
	card := &CardData{Page: p.r.newPage("", ""), Claim: c}
	card.tmpl = p.tmpl
	var b strings.Builder
	b.Grow(1024 + 2*(len(c.Claim)+len(c.Summary)+len(c.Claimant.Name)))
	if err := p.r.tmpl.page[p.tmpl].ExecuteTemplate(&b, "claim-card", card); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	p.r.cards.Store(k, h)
	return h, nil
}

// Cards is the Card of each of p.Claims, in order, in one action.
func (p *Page) Cards() (template.HTML, error) {
	cards := make([]template.HTML, len(p.Claims))
	size := 0
	for i, c := range p.Claims {
		h, err := p.Card(c)
		if err != nil {
			return "", err
		}
		cards[i], size = h, size+len(h)
	}
	var b strings.Builder
	b.Grow(size)
	for _, h := range cards {
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// Chrome is template name ("site-header", "site-footer", "site-assets")
// run in the page's template set, with a page that has only a Path: the
// page's own when the site menu links to it (so that .Current marks it),
// else "". It runs once per build for each such path and each definition
// of name (see Templates.key), not once per page.
func (p *Page) Chrome(name string) (template.HTML, error) {
	key := ""
	if p.r.menuPaths()[p.Path] {
		key = p.Path
	}
	type chromeKey struct {
		def  int
		name string
		path string
	}
	k := chromeKey{p.r.tmpl.key[p.tmpl][name], name, key}
	if h, ok := p.r.chrome.Load(k); ok {
		return h.(template.HTML), nil
	}
	q := p.r.newPage("", "")
	q.Path, q.tmpl = key, p.tmpl
	var b strings.Builder
	if err := p.r.tmpl.page[p.tmpl].ExecuteTemplate(&b, name, q); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	p.r.chrome.Store(k, h)
	return h, nil
}

// menuPaths are the paths the site menu links to.
func (r *Renderer) menuPaths() map[string]bool {
	r.menuOnce.Do(func() {
		r.menu = map[string]bool{"claims/": true, "ratings/": true, "topics/": true, "sources/": true, "search/": true}
		for _, pg := range menu(r.site.Pages) {
			r.menu[pagePath(pg.ID)] = true
		}
	})
	return r.menu
}

// CardData is what the "claim-card" template receives: a page with no
// path, and the claim.
type CardData struct {
	*Page
	Claim *site.Claim
}

// ContactURL links to the site's contact (see site.ContactURL).
func (p *Page) ContactURL() string { return site.ContactURL(p.Site.Config.Contact) }

func menu(pages []*site.Page) []*site.Page {
	var out []*site.Page
	for _, pg := range pages {
		if pg.Menu > 0 {
			out = append(out, pg)
		}
	}
	return out
}

// lastChange is when a claim last changed: updated, or published.
func lastChange(c *site.Claim) time.Time {
	if c.Updated.After(c.Published) {
		return c.Updated
	}
	return c.Published
}

func (r *Renderer) newPage(title, description string) *Page {
	return &Page{r: r, Site: r.site, Title: title, Description: description, Dev: r.Dev}
}

func (r *Renderer) ratingCounts() []RatingCount {
	var out []RatingCount
	for _, rt := range r.site.Config.Ratings {
		out = append(out, RatingCount{rt, len(r.site.ByRating[rt.ID])})
	}
	return out
}

func (r *Renderer) home() (*Page, error) {
	p := r.newPage("", r.site.Config.Description)
	p.Claims = r.site.Claims[:min(10, len(r.site.Claims))]
	p.Ratings = r.ratingCounts()
	return p, nil
}

// paginate sets page n of total of a listing of claims at dir.
func (r *Renderer) paginate(p *Page, dir string, all []*site.Claim, n, total int) {
	size := r.site.Config.PageSize
	if n > 1 {
		p.Title = r.t("%s (page %d)", p.Title, n)
	}
	p.Claims = all[min((n-1)*size, len(all)):min(n*size, len(all))]
	p.Count = len(all)
	p.Pager = &Pager{N: n, Total: total}
	if n > 1 {
		p.Pager.Prev = listPath(dir, n-1)
	}
	if n < total {
		p.Pager.Next = listPath(dir, n+1)
	}
}

func (r *Renderer) claim(c *site.Claim) (*Page, error) {
	p := r.newPage(claimReviewed(c), c.Rating.Label+": "+c.Summary)
	v := &ClaimView{Claim: c, Backlinks: c.LinkedFrom, Related: relatedClaims(r.site, c, maxRelated)}
	for _, q := range c.Doc.Quotes {
		anchor, original := r.QuoteHrefs(q)
		v.Quotes = append(v.Quotes, QuoteView{
			Text: q.Text, Source: r.site.Source[q.Citation.SourceID], Locator: q.Citation.Locator,
			Anchor: anchor, Original: original, Status: statusName(q.Check.Status),
		})
	}
	p.Claim = v
	body, err := r.markdownHTML(c.Doc)
	if err != nil {
		return nil, err
	}
	p.Body = body
	p.JSONLD, err = r.claimReviewJS(c)
	return p, err
}

func statusName(s markdown.Status) string {
	switch s {
	case markdown.Verified:
		return "verified"
	case markdown.Unverified:
		return "unverified"
	}
	return "failed"
}

func (r *Renderer) sources() *Page {
	return r.newPage(r.t("Sources"), r.t("The documents our fact-checks quote, with their stored text."))
}

func (r *Renderer) source(src *site.Source) (*Page, error) {
	p := r.newPage(src.Title, r.t("Source: %s, %s", src.Title, src.Publisher))
	v := &SourceView{Source: src, Provenance: provenance(src)}
	index := map[*site.Claim]int{}
	for _, h := range src.Highlights {
		if !h.First || h.Claim == nil {
			continue
		}
		i, ok := index[h.Claim]
		if !ok {
			i = len(v.QuotedIn)
			index[h.Claim] = i
			v.QuotedIn = append(v.QuotedIn, QuotedIn{Claim: h.Claim})
		}
		v.QuotedIn[i].Quotes = append(v.QuotedIn[i].Quotes, QuoteRef{N: quoteNumber(h.Claim, h.Quote), Anchor: h.Quote.Check.Anchor, Text: h.Quote.Text})
	}
	// Each claim's quotes in the order of its page.
	for _, q := range v.QuotedIn {
		sort.SliceStable(q.Quotes, func(i, j int) bool { return q.Quotes[i].N < q.Quotes[j].N })
	}
	// Claims that cite the source without quoting it are listed too.
	for _, c := range src.CitedBy {
		if _, ok := index[c]; !ok {
			v.QuotedIn = append(v.QuotedIn, QuotedIn{Claim: c})
		}
	}
	p.Source = v
	var b bytes.Buffer
	r.annotate(&b, src)
	p.Body = template.HTML(b.String())
	return p, nil
}

func (r *Renderer) ratings() *Page {
	p := r.newPage(r.t("Ratings"), r.t("The rating scale and what each rating means."))
	p.Ratings = r.ratingCounts()
	return p
}

func (r *Renderer) rating(rt site.Rating) *Page {
	p := r.newPage(r.t("Rated %s", rt.Label), rt.Description)
	p.Rating = rt
	return p
}

func (r *Renderer) groups(title string, gs []*site.Group, path func(string) string) *Page {
	p := r.newPage(r.t(title), r.t(title+" of our fact-checks."))
	for _, g := range gs {
		p.Groups = append(p.Groups, GroupLink{Name: g.Name.Name, Path: path(g.ID), Count: len(g.Claims)})
	}
	return p
}

func (r *Renderer) group(kind string, g *site.Group) *Page {
	p := r.newPage(g.Name.Name, r.groupDescription(kind, g))
	p.Group, p.GroupKind = g, kind
	if kind == "Author" {
		p.Author = r.site.Config.Authors[g.ID]
	}
	return p
}

// groupDescription is the meta description of a topic's or claimant's
// page: what it lists, how many, and the newest.
func (r *Renderer) groupDescription(kind string, g *site.Group) string {
	d := r.t("Our fact-checks on %s.", g.Name.Name)
	switch kind {
	case "Claimant":
		d = r.t("Claims by %s that we fact-checked.", g.Name.Name)
	case "Author":
		d = r.t("Fact-checks by %s.", g.Name.Name)
		if a := r.site.Config.Authors[g.ID]; a != nil && a.Bio != "" {
			d += " " + a.Bio
		}
	}
	d += " " + r.t("%d fact-checks, newest first.", len(g.Claims))
	if len(g.Claims) > 0 {
		c := g.Claims[0]
		d += " " + r.t("Latest: %s, rated %s.", r.t("“%s”", claimReviewed(c)), c.Rating.Label)
	}
	return d
}

// HasCode reports whether the page's body holds highlighted code, which
// needs assets/chroma.css.
func (p *Page) HasCode() bool { return strings.Contains(string(p.Body), `<pre class="chroma"`) }

func (r *Renderer) freePage(pg *site.Page) (*Page, error) {
	p := r.newPage(pg.Title, pg.Description)
	body, err := r.markdownHTML(pg.Doc)
	p.FreePage, p.Body = pg, body
	return p, err
}

func (r *Renderer) corrections() *Page {
	p := r.newPage(r.t("Corrections"), r.t("Every correction we have made, newest first."))
	for _, c := range r.site.Claims {
		for _, corr := range c.Corrections {
			p.Corrections = append(p.Corrections, CorrectionView{c, corr})
		}
	}
	sort.SliceStable(p.Corrections, func(i, j int) bool { return p.Corrections[i].Date.After(p.Corrections[j].Date) })
	return p
}

func (r *Renderer) search() *Page {
	p := r.newPage(r.t("Search"), r.t("Search the fact-checks."))
	p.Ratings = r.ratingCounts()
	return p
}

func (r *Renderer) alias(old string, c *site.Claim) ([]byte, error) {
	p := r.newPage(c.Claim, "")
	p.Path = claimPath(old)
	p.Redirect = r.urls.Rel(claimPath(c.ID))
	p.RedirectURL = r.urls.Abs(claimPath(c.ID))
	return r.executeAlone("alias.html", p)
}
