package render

import (
	"bytes"
	"html/template"
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
	// Group: group (a topic or a claimant); GroupKind is "Topic" or
	// "Claimant".
	Group     *site.Group
	GroupKind string
	// Groups: groups (the topics or claimants index).
	Groups []GroupLink
	// FreePage: page.
	FreePage *site.Page
	// Body: the rendered Markdown of a claim, source or page. For claim
	// and source pages it is set only when a template prints them (see
	// claimInGo).
	Body template.HTML
	// Corrections: corrections, newest first.
	Corrections []CorrectionView
	// JSONLD: claim, the ClaimReview object (set like Body).
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

	// The markup of the parts of a claim page, written in Go for a
	// template that prints the page, so that it runs a few dozen template
	// actions instead of several hundred (see escape.go); when the
	// built-in claim.html is in effect, layout.go prints the page and
	// these stay empty. A template may use them or build its own markup
	// from the fields above. Links are <a> elements,
	// dates <time> elements, items <li> elements; a part the claim does
	// not have is "" or empty.
	TopicLinks      []template.HTML // each topic, linked
	ClaimantLink    template.HTML
	AppearanceLinks template.HTML // "source 1", "source 2" … linked, comma-separated
	Badge           template.HTML // the "rating" template for the claim's rating
	RatingLink      template.HTML // the rating's label, linked to its page
	ClaimDateTime   template.HTML
	PublishedTime   template.HTML
	UpdatedTime     template.HTML
	QuoteItems      []template.HTML // the quotes checked, as claim.html lists them
	SourceItems     []template.HTML // the sources cited
	LinkItems       []template.HTML // the claims this one links to, with their badges
	BacklinkItems   []template.HTML // the claims that link to this one
	CorrectionItems []template.HTML
	// Citation is the text of "Cite this fact-check".
	Citation template.HTML
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
	// QuotedInItems is the markup of QuotedIn as source.html lists it,
	// one <li> each, written in Go for speed like ClaimView's markup (and
	// like it, only for a template that prints the page).
	QuotedInItems []template.HTML
}

// QuotedIn is a claim that quotes a source, with its quotes' anchors.
type QuotedIn struct {
	Claim  *site.Claim
	Quotes []QuoteRef
}

// QuoteRef is a quote as listed on its source page.
type QuoteRef struct {
	N      int // its number on the source page
	Anchor string
	Text   string
}

// URL links to an output path ("claims/", "assets/style.css").
func (p *Page) URL(path string) string { return p.r.urls.Rel(path) }

// AbsURL is the absolute URL of an output path, "" without a base URL.
func (p *Page) AbsURL(path string) string { return p.r.urls.Abs(path) }

func (p *Page) ClaimURL(c *site.Claim) string   { return p.r.urls.Rel(claimPath(c.ID)) }
func (p *Page) SourceURL(s *site.Source) string { return p.r.urls.Rel(sourcePath(s.ID)) }
func (p *Page) TopicURL(n site.Name) string     { return p.r.urls.Rel(topicPath(n.ID)) }
func (p *Page) ClaimantURL(n site.Name) string  { return p.r.urls.Rel(claimantPath(n.ID)) }
func (p *Page) RatingURL(r site.Rating) string  { return p.r.urls.Rel(ratingPath(r.ID)) }
func (p *Page) PageURL(pg *site.Page) string    { return p.r.urls.Rel(pagePath(pg.ID)) }
func (p *Page) Current(path string) bool        { return p.Path == path }
func (p *Page) Canonical() string               { return p.r.urls.Abs(p.Path) }
func (p *Page) Menu() []*site.Page              { return menu(p.Site.Pages) }

// Card is the "claim-card" template rendered for c. Cards are rendered
// once per claim and build: listings repeat the same claims many times.
func (p *Page) Card(c *site.Claim) (template.HTML, error) {
	if h, ok := p.r.cards.Load(c); ok {
		return h.(template.HTML), nil
	}
	var h template.HTML
	if p.r.tmpl.builtinFrom("home.html", "claim-card") == "partials.html" {
		var err error
		var b bytes.Buffer
		b.Grow(640 + 2*(len(c.Claim)+len(c.Summary)+len(c.Claimant.Name)))
		if err = p.r.claimCard(markup{&b}, c); err != nil {
			return "", err
		}
		h = template.HTML(b.String())
	} else {
		card := &CardData{Page: p.r.newPage("", ""), Claim: c}
		if err := p.r.cardMarkup(card); err != nil {
			return "", err
		}
		var b strings.Builder
		if err := p.r.tmpl.page["home.html"].ExecuteTemplate(&b, "claim-card", card); err != nil {
			return "", err
		}
		h = template.HTML(b.String())
	}
	p.r.cards.Store(c, h)
	return h, nil
}

// Cards is the "claim-card" template of each of p.Claims, in order.
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

// Chrome is the "site-header", "site-footer" or "site-assets" template,
// rendered once per build for each menu entry that can be current and once
// for every other page.
func (p *Page) Chrome(name string) (template.HTML, error) {
	key := ""
	if p.r.menuPaths()[p.Path] {
		key = p.Path
	}
	type chromeKey struct{ name, path string }
	if h, ok := p.r.chrome.Load(chromeKey{name, key}); ok {
		return h.(template.HTML), nil
	}
	q := p.r.newPage("", "")
	q.Path = key
	var b strings.Builder
	if err := p.r.tmpl.page["home.html"].ExecuteTemplate(&b, name, q); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	p.r.chrome.Store(chromeKey{name, key}, h)
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

// CardData is what the "claim-card" template receives.
type CardData struct {
	*Page
	Claim *site.Claim
	// The markup of parts of the card, written in Go for speed like
	// ClaimView's, which has the same fields.
	Badge, ClaimantLink, ClaimDateTime, PublishedTime template.HTML
}

// ContactURL links to the site's contact: a URL, or an e-mail address.
func (p *Page) ContactURL() string {
	c := p.Site.Config.Contact
	switch {
	case c == "":
		return ""
	case strings.HasPrefix(c, "http://"), strings.HasPrefix(c, "https://"), strings.HasPrefix(c, "mailto:"):
		return c
	case strings.Contains(c, "@"):
		return "mailto:" + c
	}
	return ""
}

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
		p.Title += " (page " + itoa(n) + ")"
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
	p := r.newPage(c.Claim, c.Rating.Label+": "+c.Summary)
	v := &ClaimView{Claim: c, Backlinks: c.LinkedFrom}
	for _, q := range c.Doc.Quotes {
		anchor, original := r.QuoteHrefs(q)
		v.Quotes = append(v.Quotes, QuoteView{
			Text: q.Text, Source: r.site.Source[q.Citation.SourceID], Locator: q.Citation.Locator,
			Anchor: anchor, Original: original, Status: statusName(q.Check.Status),
		})
	}
	p.Claim = v
	if r.claimInGo() {
		// layout.go writes every part straight into the page.
		return p, nil
	}
	body, err := r.markdownHTML(c.Doc)
	if err != nil {
		return nil, err
	}
	p.Body = body
	if err := r.claimMarkup(v, r.urls.Abs(claimPath(c.ID))); err != nil {
		return nil, err
	}
	p.JSONLD, err = r.claimReviewJS(c)
	return p, err
}

// claimInGo reports whether claim pages are printed by Go alone: the
// built-in base.html and the built-in blocks of claim.html. No template
// then reads a claim page's Body, JSONLD or markup fields.
func (r *Renderer) claimInGo() bool { return r.pageInGo("claim.html", "claim.html", "claim.html") }

// pageInGo reports whether the pages of page template page are printed by
// Go alone: the built-in base.html, with "head" and "main" from the
// built-in files head and main and the empty "scripts" of base.html.
func (r *Renderer) pageInGo(page, head, main string) bool {
	t := r.tmpl
	return t.builtinFrom(page, "base.html") == "base.html" && t.builtinFrom(page, "head") == head &&
		t.builtinFrom(page, "main") == main && t.builtinFrom(page, "scripts") == "base.html"
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
	return r.newPage("Sources", "The documents our fact-checks quote, with their stored text.")
}

func (r *Renderer) source(src *site.Source) (*Page, error) {
	p := r.newPage(src.Title, "Source: "+src.Title+", "+src.Publisher)
	v := &SourceView{Source: src}
	n := 0
	index := map[*site.Claim]int{}
	for _, h := range src.Highlights {
		if !h.First || h.Claim == nil {
			continue
		}
		n++
		i, ok := index[h.Claim]
		if !ok {
			i = len(v.QuotedIn)
			index[h.Claim] = i
			v.QuotedIn = append(v.QuotedIn, QuotedIn{Claim: h.Claim})
		}
		v.QuotedIn[i].Quotes = append(v.QuotedIn[i].Quotes, QuoteRef{N: n, Anchor: h.Quote.Check.Anchor, Text: h.Quote.Text})
	}
	// Claims that cite the source without quoting it are listed too.
	for _, c := range src.CitedBy {
		if _, ok := index[c]; !ok {
			v.QuotedIn = append(v.QuotedIn, QuotedIn{Claim: c})
		}
	}
	p.Source = v
	if r.pageInGo("source.html", "base.html", "source.html") {
		// layout.go writes the text and the list straight into the page.
		return p, nil
	}
	for _, q := range v.QuotedIn {
		var err error
		v.QuotedInItems = append(v.QuotedInItems, field(func(m markup) { err = r.quotedInItem(m, q) }))
		if err != nil {
			return nil, err
		}
	}
	p.Body = field(func(m markup) { r.annotate(m, src) })
	return p, nil
}

func (r *Renderer) ratings() *Page {
	p := r.newPage("Ratings", "The rating scale and what each rating means.")
	p.Ratings = r.ratingCounts()
	return p
}

func (r *Renderer) rating(rt site.Rating) *Page {
	p := r.newPage("Rated "+rt.Label, rt.Description)
	p.Rating = rt
	return p
}

func (r *Renderer) groups(title string, gs []*site.Group, path func(string) string) *Page {
	p := r.newPage(title, title+" of our fact-checks.")
	for _, g := range gs {
		p.Groups = append(p.Groups, GroupLink{Name: g.Name.Name, Path: path(g.ID), Count: len(g.Claims)})
	}
	return p
}

func (r *Renderer) group(kind string, g *site.Group) *Page {
	p := r.newPage(g.Name.Name, kind+": "+g.Name.Name)
	p.Group, p.GroupKind = g, kind
	return p
}

func (r *Renderer) freePage(pg *site.Page) (*Page, error) {
	p := r.newPage(pg.Title, pg.Description)
	body, err := r.markdownHTML(pg.Doc)
	p.FreePage, p.Body = pg, body
	return p, err
}

func (r *Renderer) corrections() *Page {
	p := r.newPage("Corrections", "Every correction we have made, newest first.")
	for _, c := range r.site.Claims {
		for _, corr := range c.Corrections {
			p.Corrections = append(p.Corrections, CorrectionView{c, corr})
		}
	}
	sort.SliceStable(p.Corrections, func(i, j int) bool { return p.Corrections[i].Date.After(p.Corrections[j].Date) })
	return p
}

func (r *Renderer) search() *Page {
	p := r.newPage("Search", "Search the fact-checks.")
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
