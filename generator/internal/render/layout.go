package render

import (
	"bytes"
	"html/template"

	"factcheck/generator/internal/site"
)

// The built-in base.html, the pages of claims, sources and listings, the
// lists of all sources and of all corrections, and
// the "claim-card", "claim-list" and "pager" of partials.html are also
// written out in Go below, straight into the page: a claim page runs some
// sixty template actions, and html/template spends far more time on each
// (reflection, escaper calls) than on the text it writes, which made
// templates the largest cost of a big site's build. The Go versions are
// used only while the template they stand for is the built-in one (see
// Templates.inGo and Renderer.block), and they must print byte for byte
// what it prints: layout_test.go renders whole sites both ways and
// compares every file. Change the template and its Go version together.

// layout writes a page with the layout of the built-in base.html, running
// t's "head", "main" and "scripts" blocks (or their Go versions) in it.
func (r *Renderer) layout(b *bytes.Buffer, name string, t *template.Template, p *Page) error {
	cfg := p.Site.Config
	title := cfg.Title
	if p.Title != "" {
		title = p.Title
	}
	m := markup{b}
	m.raw("<!DOCTYPE html>\n<html lang=\"", escapeText(cfg.Language), "\" dir=\"", cfg.Dir(), "\">\n<head>\n<meta charset=\"utf-8\">\n",
		`<meta name="viewport" content="width=device-width, initial-scale=1">`, "\n<title>")
	if p.Title != "" {
		m.raw(escapeText(p.Title), " · ")
	}
	m.raw(escapeText(cfg.Title), "</title>")
	if p.Description != "" {
		m.raw("\n<meta name=\"description\" content=\"", escapeText(p.Description), "\">")
	}
	if c := p.Canonical(); c != "" {
		m.raw("\n<link rel=\"canonical\" href=\"", escapeURL(c), "\">\n<meta property=\"og:url\" content=\"", escapeText(c), "\">")
	}
	m.raw("\n<meta property=\"og:site_name\" content=\"", escapeText(cfg.Title), "\">\n<meta property=\"og:title\" content=\"", escapeText(title), "\">")
	if p.Description != "" {
		m.raw("\n<meta property=\"og:description\" content=\"", escapeText(p.Description), "\">")
	}
	kind := "website"
	if p.Claim != nil {
		kind = "article"
	}
	m.raw("\n<meta property=\"og:type\" content=\"", kind, "\">")
	m.cardMeta(p)
	m.raw("\n<meta name=\"twitter:title\" content=\"", escapeText(title), "\">")
	if p.Description != "" {
		m.raw("\n<meta name=\"twitter:description\" content=\"", escapeText(p.Description), "\">")
	}
	if p.Claim != nil {
		m.raw("\n<meta name=\"twitter:label1\" content=\"Rating\">\n<meta name=\"twitter:data1\" content=\"", escapeText(p.Claim.Rating.Label), "\">")
	}
	m.raw("\n")
	if err := m.chrome(p, "site-assets"); err != nil {
		return err
	}
	if err := r.block(b, name, t, "head", p); err != nil {
		return err
	}
	m.raw("\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
	if err := m.chrome(p, "site-header"); err != nil {
		return err
	}
	m.raw("\n<main id=\"main\" class=\"wrap\">\n")
	if err := r.block(b, name, t, "main", p); err != nil {
		return err
	}
	m.raw("\n</main>\n")
	if err := m.chrome(p, "site-footer"); err != nil {
		return err
	}
	if err := r.block(b, name, t, "scripts", p); err != nil {
		return err
	}
	m.raw("\n</body>\n</html>\n")
	return nil
}

// block runs one block of page template name: its Go version when the
// template is the built-in one and has one, else the template.
func (r *Renderer) block(b *bytes.Buffer, name string, t *template.Template, block string, p *Page) error {
	switch from := r.tmpl.builtinFrom(name, block); {
	case from == "base.html" && (block == "head" || block == "scripts"):
		return nil // base.html's own are empty
	case from == "claim.html" && block == "head" && p.Claim != nil:
		b.WriteString("\n<script type=\"application/ld+json\">")
		js, err := r.claimReviewJS(p.Claim.Claim)
		if err != nil {
			return err
		}
		b.WriteString(string(js))
		b.WriteString("</script>\n<script src=\"")
		markup{b}.url(r.urls.Rel("assets/share.js"))
		b.WriteString("\" defer></script>\n")
		return nil
	case from == "claim.html" && block == "main" && p.Claim != nil:
		return r.claimMain(markup{b}, p)
	case from == "source.html" && block == "main" && p.Source != nil:
		return r.sourceMain(markup{b}, p)
	case (from == "claims.html" || from == "group.html" || from == "rating.html") && block == "main":
		return r.listingMain(markup{b}, name, t, p)
	case from == "sources.html" && block == "main":
		r.sourcesMain(markup{b}, p)
		return nil
	case from == "corrections.html" && block == "main":
		r.correctionsMain(markup{b}, p)
		return nil
	}
	return t.ExecuteTemplate(b, block, p)
}

// claimMain writes the "main" block of the built-in claim.html, every
// part straight into the page (the view's markup fields are for
// templates; see claimMarkup).
func (r *Renderer) claimMain(m markup, p *Page) error {
	v, c := p.Claim, p.Claim.Claim
	m.raw("\n\n<article class=\"claim\" aria-labelledby=\"claim-title\">\n<header class=\"claim-head\">\n<p class=\"kicker\">Fact-check")
	for _, t := range c.Topics {
		m.raw(" · ")
		r.topicLink(m, t)
	}
	m.raw("</p>\n<h1 id=\"claim-title\" class=\"claim-text\"><span class=\"sr-only\">Claim: </span>“")
	m.text(c.Claim)
	m.raw("”</h1>\n<p class=\"claim-by\">Claimed by ")
	r.claimantLink(m, c)
	m.raw(" on ")
	m.time(c.ClaimDate)
	if len(c.Appearances) > 0 {
		m.raw(" · appeared in ")
		appearanceLinks(m, c)
	}
	badge, err := r.badge("claim.html", c.Rating)
	if err != nil {
		return err
	}
	m.raw("</p>\n</header>\n<section class=\"verdict r-")
	m.text(c.Rating.ID)
	m.raw("\" aria-labelledby=\"verdict\">\n<h2 id=\"verdict\">Our rating: ", string(badge), "</h2>\n<p class=\"summary\">")
	m.text(c.Summary)
	m.raw("</p>\n<p class=\"definition\">")
	r.ratingLink(m, c.Rating)
	m.raw(": ")
	m.text(c.Rating.Description)
	m.raw("</p>\n</section>\n<section class=\"analysis\" aria-labelledby=\"analysis\">\n<h2 id=\"analysis\">Analysis</h2>\n")
	if p.Body != "" {
		m.raw(string(p.Body))
	} else if err := r.md.Render(m.Buffer, c.Doc); err != nil {
		return err
	}
	m.raw("\n</section>\n")
	if len(v.Quotes) > 0 {
		m.raw("\n<section class=\"quotes\" aria-labelledby=\"quotes\">\n<h2 id=\"quotes\">Quotes checked</h2>\n",
			"<p class=\"note\">Every quote on this page is checked, word for word, against the stored text of its source when the site is built.</p>\n<ol>\n")
		for _, q := range v.Quotes {
			r.quoteItem(m, q)
			m.raw("\n")
		}
		m.raw("</ol>\n</section>\n")
	}
	m.raw("\n")
	if len(c.Sources) > 0 {
		m.raw("\n<section class=\"sources\" aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources</h2>\n<ul>\n")
		for _, src := range c.Sources {
			r.sourceItem(m, src)
			m.raw("\n")
		}
		m.raw("</ul>\n</section>\n")
	}
	m.raw("\n")
	if len(c.Links) > 0 || len(v.Backlinks) > 0 {
		m.raw("\n<section class=\"related\" aria-labelledby=\"related\">\n<h2 id=\"related\">Related fact-checks</h2>\n")
		if err := r.relatedList(m, "This fact-check links to", c.Links); err != nil {
			return err
		}
		m.raw("\n")
		if err := r.relatedList(m, "Linked from", v.Backlinks); err != nil {
			return err
		}
		m.raw("\n</section>\n")
	}
	m.raw("\n<footer class=\"claim-foot\">\n<dl class=\"facts\">\n")
	if len(c.Authors) > 0 {
		m.raw("<dt>By</dt><dd>")
		for i, a := range c.Authors {
			if i > 0 {
				m.raw(", ")
			}
			m.text(a)
		}
		m.raw("</dd>")
	}
	m.raw("\n<dt>Published</dt><dd>")
	m.time(c.Published)
	m.raw("</dd>\n")
	if !c.Updated.IsZero() {
		m.raw("<dt>Updated</dt><dd>")
		m.time(c.Updated)
		m.raw("</dd>")
	}
	m.raw("\n")
	if len(c.Topics) > 0 {
		m.raw("<dt>Topics</dt><dd>")
		for i, t := range c.Topics {
			if i > 0 {
				m.raw(", ")
			}
			r.topicLink(m, t)
		}
		m.raw("</dd>")
	}
	m.raw("\n</dl>\n")
	if len(c.Corrections) > 0 {
		m.raw("\n<section class=\"corrections\" aria-labelledby=\"corrections\">\n<h2 id=\"corrections\">Corrections</h2>\n<ul>")
		for _, corr := range c.Corrections {
			correctionItem(m, corr)
		}
		m.raw("</ul>\n</section>\n")
	}
	m.raw("\n")
	r.shareSection(m, p)
	m.raw("\n<section class=\"cite\" aria-labelledby=\"cite\">\n<h2 id=\"cite\">Cite this fact-check</h2>\n<p class=\"citation-text\">")
	r.citation(m, c, r.urls.Abs(claimPath(c.ID)))
	m.raw("</p>\n</section>\n</footer>\n</article>\n\n")
	return nil
}

// relatedList writes a heading and the claimItem of each of cs, if any.
func (r *Renderer) relatedList(m markup, heading string, cs []*site.Claim) error {
	if len(cs) == 0 {
		return nil
	}
	m.raw("<h3>", heading, "</h3>\n<ul>")
	for _, c := range cs {
		if err := r.claimItem(m, c); err != nil {
			return err
		}
	}
	m.raw("</ul>")
	return nil
}

// sourceMain writes the "main" block of the built-in source.html, the
// annotated text and the claims quoting it straight into the page.
func (r *Renderer) sourceMain(m markup, p *Page) error {
	v := p.Source
	m.raw("\n\n<article class=\"source\" aria-labelledby=\"source-title\">\n<header>\n<p class=\"kicker\">Source")
	if v.Kind != "" {
		m.raw(" · ")
		m.text(v.Kind)
	}
	m.raw("</p>\n<h1 id=\"source-title\">")
	m.text(v.Title)
	m.raw("</h1>\n<dl class=\"facts\">\n<dt>Publisher</dt><dd>")
	m.text(v.Publisher)
	m.raw("</dd>\n")
	if !v.Published.IsZero() {
		m.raw("<dt>Published</dt><dd>")
		m.time(v.Published)
		m.raw("</dd>")
	}
	m.raw("\n")
	if !v.Accessed.IsZero() {
		m.raw("<dt>Accessed</dt><dd>")
		m.time(v.Accessed)
		m.raw("</dd>")
	}
	m.raw("\n")
	for _, l := range []struct{ term, url string }{{"Original", v.URL}, {"Archived copy", v.ArchiveURL}} {
		if l.url != "" {
			m.raw("<dt>", l.term, "</dt><dd><a rel=\"external noopener\" href=\"")
			m.url(l.url)
			m.raw("\">")
			m.text(l.url)
			m.raw("</a></dd>")
		}
		m.raw("\n")
	}
	m.raw("</dl>\n")
	if v.Note != "" {
		m.raw("<aside class=\"editor-note\" aria-label=\"Editor's note\"><strong>Editor's note:</strong> ")
		m.text(v.Note)
		m.raw("</aside>")
	}
	m.raw("\n</header>\n<section class=\"stored-text\" aria-labelledby=\"stored-text\">\n<h2 id=\"stored-text\">Stored text</h2>\n")
	if v.Text.Plain != "" {
		m.raw("\n<p class=\"note\">This is the text our quotes are checked against")
		if len(v.Highlights) > 0 {
			m.raw("; highlighted passages are quoted in our fact-checks, and the number after each leads to the fact-check")
		}
		m.raw(".</p>\n<div class=\"text")
		if v.Format == "text" {
			m.raw(" plain")
		}
		m.raw("\">\n")
		if p.Body != "" {
			m.raw(string(p.Body))
		} else {
			r.annotate(m, v.Source)
		}
		m.raw("\n</div>\n")
	} else {
		m.raw("\n<p class=\"note\">No text of this source is stored, so quotes from it are shown as unverified.</p>\n")
	}
	m.raw("\n</section>\n")
	if len(v.QuotedIn) > 0 {
		m.raw("\n<section class=\"quoted-in\" aria-labelledby=\"quoted-in\">\n<h2 id=\"quoted-in\">Quoted in</h2>\n<ul>\n")
		for _, q := range v.QuotedIn {
			if err := r.quotedInItem(m, q); err != nil {
				return err
			}
			m.raw("\n")
		}
		m.raw("</ul>\n</section>\n")
	}
	m.raw("\n</article>\n\n")
	return nil
}

// listingMain writes the "main" block of the built-in claims.html,
// group.html or rating.html: a heading, then one page of claims as cards.
func (r *Renderer) listingMain(m markup, name string, t *template.Template, p *Page) error {
	count := itoa(p.Count) + " "
	switch name {
	case "claims.html":
		m.raw("\n<h1>")
		m.text(p.Title)
		m.raw("</h1>\n<p class=\"lede\">", count, plural(p.Count, "fact-check", "fact-checks"), ", newest first.</p>\n")
	case "group.html":
		m.raw("\n<p class=\"kicker\">")
		m.text(p.GroupKind)
		m.raw("</p>\n<h1>")
		m.text(p.Group.Name.Name)
		m.raw("</h1>\n")
		if u := p.Group.URL; u != "" {
			m.raw(`<p><a rel="external noopener" href="`)
			m.url(u)
			m.raw(`">`)
			m.text(u)
			m.raw("</a></p>")
		}
		m.raw("\n<p>", count, plural(p.Count, "fact-check", "fact-checks"), "</p>\n")
	case "rating.html":
		badge, err := r.badge(name, p.Rating)
		if err != nil {
			return err
		}
		m.raw("\n<h1>Rated ", string(badge), "</h1>\n<p class=\"lede\">")
		m.text(p.Rating.Description)
		m.raw("</p>\n<p><a href=\"")
		m.url(r.urls.Rel("ratings/"))
		m.raw("\">The whole scale</a> · ", count, plural(p.Count, "claim", "claims"), "</p>\n")
	}
	if err := r.partial(m, name, t, "claim-list", p); err != nil {
		return err
	}
	m.raw("\n")
	if err := r.partial(m, name, t, "pager", p); err != nil {
		return err
	}
	m.raw("\n")
	return nil
}

// sourcesMain writes the "main" block of the built-in sources.html: every
// source, with its publisher, date and how often it is cited.
func (r *Renderer) sourcesMain(m markup, p *Page) {
	m.raw("\n<h1>Sources</h1>\n<p class=\"lede\">The documents our fact-checks quote. Each page shows the stored text with every quoted passage highlighted.</p>\n<ul class=\"source-list\">")
	if len(p.Site.Sources) == 0 {
		m.raw("\n<li class=\"empty\">No sources yet.</li>")
	}
	for _, src := range p.Site.Sources {
		m.raw("\n<li><a href=\"")
		r.pathURL(m, "sources/", src.ID)
		m.raw("\">")
		m.text(src.Title)
		m.raw("</a> <span class=\"meta\">")
		m.text(src.Publisher)
		if !src.Published.IsZero() {
			m.raw(", ")
			m.time(src.Published)
		}
		n := len(src.CitedBy)
		m.raw(" · cited by ", itoa(n), " ", plural(n, "fact-check", "fact-checks"), "</span></li>")
	}
	m.raw("\n</ul>\n")
}

// correctionsMain writes the "main" block of the built-in
// corrections.html: every correction, newest first.
func (r *Renderer) correctionsMain(m markup, p *Page) {
	m.raw("\n<h1>Corrections</h1>\n<p class=\"lede\">When we get something wrong, we fix it and say so here and on the fact-check.</p>\n<ol class=\"corrections-list\">")
	if len(p.Corrections) == 0 {
		m.raw("\n<li class=\"empty\">No corrections so far.</li>")
	}
	for _, corr := range p.Corrections {
		m.raw("\n<li>")
		m.time(corr.Date)
		m.raw(" · <a href=\"")
		r.pathURL(m, "claims/", corr.Claim.ID)
		m.raw("\">")
		m.text(corr.Claim.Claim)
		m.raw("</a><p>")
		m.text(corr.Note)
		m.raw("</p></li>")
	}
	m.raw("\n</ol>\n")
}

// partial writes "claim-list" or "pager" of partials.html for page
// template name: in Go when it is the built-in one, else the template.
func (r *Renderer) partial(m markup, name string, t *template.Template, partial string, p *Page) error {
	if r.tmpl.builtinFrom(name, partial) != "partials.html" {
		return t.ExecuteTemplate(m.Buffer, partial, p)
	}
	switch partial {
	case "claim-list":
		m.raw("\n<ol class=\"claim-list\">")
		if len(p.Claims) == 0 {
			m.raw("\n<li class=\"empty\">No fact-checks yet.</li>")
		}
		for _, c := range p.Claims {
			card, err := p.Card(c)
			if err != nil {
				return err
			}
			m.raw(string(card))
		}
		m.raw("\n</ol>\n")
	case "pager":
		pg := p.Pager
		if pg == nil || pg.Total <= 1 {
			return nil
		}
		m.raw("\n<nav class=\"pager\" aria-label=\"Pages\">\n")
		if pg.Prev != "" {
			m.raw(`<a rel="prev" href="`)
			m.url(r.urls.Rel(pg.Prev))
			m.raw(`">← Newer</a>`)
		}
		m.raw("\n<span>Page ", itoa(pg.N), " of ", itoa(pg.Total), "</span>\n")
		if pg.Next != "" {
			m.raw(`<a rel="next" href="`)
			m.url(r.urls.Rel(pg.Next))
			m.raw(`">Older →</a>`)
		}
		m.raw("\n</nav>\n")
	}
	return nil
}

func (m markup) chrome(p *Page, name string) error {
	h, err := p.Chrome(name)
	m.WriteString(string(h))
	return err
}

// claimCard writes the "claim-card" template of the built-in
// partials.html for c.
func (r *Renderer) claimCard(m markup, c *site.Claim) error {
	badge, err := r.badge("home.html", c.Rating)
	if err != nil {
		return err
	}
	m.raw("\n<li class=\"claim-card\">\n<a class=\"badge-link\" href=\"")
	r.pathURL(m, "ratings/", c.Rating.ID)
	m.raw("\">", string(badge), "</a>\n<div>\n<p class=\"card-claim\"><a href=\"")
	r.pathURL(m, "claims/", c.ID)
	m.raw("\">")
	m.text(c.Claim)
	m.raw("</a></p>\n<p class=\"card-meta\">")
	r.claimantLink(m, c)
	m.raw(" · claimed ")
	m.time(c.ClaimDate)
	m.raw(" · checked ")
	m.time(c.Published)
	m.raw("</p>\n<p class=\"card-summary\">")
	m.text(c.Summary)
	m.raw("</p>\n</div>\n</li>")
	return nil
}
