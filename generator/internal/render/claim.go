package render

import (
	"fmt"
	"html/template"
	"strings"

	"factcheck/generator/internal/site"
)

// claimMarkup fills the markup fields of a claim page's view, for a
// template that uses them. Each piece is written by the function that
// writes it straight into the page when the built-in claim.html is
// printed in Go (claimMain).
func (r *Renderer) claimMarkup(v *ClaimView, canonical string) error {
	c := v.Claim
	for _, t := range c.Topics {
		v.TopicLinks = append(v.TopicLinks, field(func(m markup) { r.topicLink(m, t) }))
	}
	v.ClaimantLink = field(func(m markup) { r.claimantLink(m, c) })
	v.AppearanceLinks = field(func(m markup) { appearanceLinks(m, c) })
	badge, err := r.badge("claim.html", c.Rating)
	if err != nil {
		return err
	}
	v.Badge = badge
	v.RatingLink = field(func(m markup) { r.ratingLink(m, c.Rating) })
	v.ClaimDateTime = field(func(m markup) { m.time(c.ClaimDate) })
	v.PublishedTime = field(func(m markup) { m.time(c.Published) })
	if !c.Updated.IsZero() {
		v.UpdatedTime = field(func(m markup) { m.time(c.Updated) })
	}
	for _, q := range v.Quotes {
		v.QuoteItems = append(v.QuoteItems, field(func(m markup) { r.quoteItem(m, q) }))
	}
	for _, src := range c.Sources {
		v.SourceItems = append(v.SourceItems, field(func(m markup) { r.sourceItem(m, src) }))
	}
	if v.LinkItems, err = r.claimItems(c.Links); err != nil {
		return err
	}
	if v.BacklinkItems, err = r.claimItems(v.Backlinks); err != nil {
		return err
	}
	for _, corr := range c.Corrections {
		v.CorrectionItems = append(v.CorrectionItems, field(func(m markup) { correctionItem(m, corr) }))
	}
	v.Citation = field(func(m markup) { r.citation(m, c, canonical) })
	return nil
}

// cardMarkup fills the markup fields of a claim's card.
func (r *Renderer) cardMarkup(card *CardData) error {
	c := card.Claim
	badge, err := r.badge("home.html", c.Rating)
	if err != nil {
		return err
	}
	card.Badge = badge
	card.ClaimantLink = field(func(m markup) { r.claimantLink(m, c) })
	card.ClaimDateTime = field(func(m markup) { m.time(c.ClaimDate) })
	card.PublishedTime = field(func(m markup) { m.time(c.Published) })
	return nil
}

func (r *Renderer) topicLink(m markup, t site.Name) { r.pathLink(m, "topics/", t.ID, t.Name) }

func (r *Renderer) claimantLink(m markup, c *site.Claim) {
	r.pathLink(m, "claimants/", c.Claimant.ID, c.Claimant.Name)
}

func (r *Renderer) ratingLink(m markup, rt site.Rating) {
	r.pathLink(m, "ratings/", rt.ID, rt.Label)
}

// appearanceLinks writes "source 1", "source 2" …, each linked to where
// the claim appeared, separated by commas.
func appearanceLinks(m markup, c *site.Claim) {
	for i, u := range c.Appearances {
		if i > 0 {
			m.raw(", ")
		}
		m.raw(`<a rel="external noopener" href="`)
		m.url(u)
		m.raw(`">source `, itoa(i+1), "</a>")
	}
}

// quoteItem writes a quote in the "Quotes checked" list of its claim.
func (r *Renderer) quoteItem(m markup, q QuoteView) {
	m.raw(`<li class="quote-item `)
	m.text(q.Status)
	m.raw("\">\n<q>")
	m.text(q.Text)
	m.raw("</q>\n<span class=\"qmeta\">— ")
	if q.Source != nil {
		r.pathLink(m, "sources/", q.Source.ID, q.Source.Title)
	}
	if q.Locator != "" {
		m.raw(", ")
		m.text(q.Locator)
	}
	m.raw(".\n<span class=\"qstatus ")
	m.text(q.Status)
	m.raw(`">`)
	switch q.Status {
	case "verified":
		m.raw("✓ verified")
	case "unverified":
		m.raw("unverified: the source's text is not stored")
	default:
		m.raw("not found in the source")
	}
	m.raw("</span>")
	if q.Anchor != "" {
		m.raw(` · <a href="`)
		m.url(q.Anchor)
		m.raw(`">see it in the source</a>`)
	}
	if q.Original != "" {
		m.raw(` · <a rel="external noopener" href="`)
		m.url(q.Original)
		m.raw(`">in the original ↗</a>`)
	}
	m.raw("</span>\n</li>")
}

// sourceItem writes a source in the "Sources" list of a claim.
func (r *Renderer) sourceItem(m markup, src *site.Source) {
	m.raw("<li>")
	r.pathLink(m, "sources/", src.ID, src.Title)
	// The template wrote the date with {{with .Published}}, which is
	// true for any time.Time, zero or not.
	m.raw(", ")
	m.text(src.Publisher)
	m.raw(", ")
	m.time(src.Published)
	if src.URL != "" {
		m.raw(` · <a rel="external noopener" href="`)
		m.url(src.URL)
		m.raw(`">original ↗</a>`)
	}
	if src.ArchiveURL != "" {
		m.raw(` · <a rel="external noopener" href="`)
		m.url(src.ArchiveURL)
		m.raw(`">archived copy ↗</a>`)
	}
	m.raw("</li>")
}

// claimItem writes a related claim: its badge and linked text.
func (r *Renderer) claimItem(m markup, c *site.Claim) error {
	badge, err := r.badge("claim.html", c.Rating)
	if err != nil {
		return err
	}
	m.raw("<li>", string(badge), " ")
	r.pathLink(m, "claims/", c.ID, c.Claim)
	m.raw("</li>")
	return nil
}

// claimItems are the claimItem of each of cs.
func (r *Renderer) claimItems(cs []*site.Claim) ([]template.HTML, error) {
	var items []template.HTML
	for _, c := range cs {
		var err error
		items = append(items, field(func(m markup) { err = r.claimItem(m, c) }))
		if err != nil {
			return nil, err
		}
	}
	return items, nil
}

func correctionItem(m markup, corr site.Correction) {
	m.raw("<li>")
	m.time(corr.Date)
	m.raw(": ")
	m.text(corr.Note)
	m.raw("</li>")
}

// citation writes how to cite a fact-check: organization, claim, rating,
// dates and address.
func (r *Renderer) citation(m markup, c *site.Claim, canonical string) {
	m.text(r.site.Config.Organization.Name)
	m.raw(". “")
	m.text(c.Claim)
	m.raw("” — rated ")
	m.text(c.Rating.Label)
	m.raw(". Published ", longDate(c.Published))
	if !c.Updated.IsZero() {
		m.raw(", updated ", longDate(c.Updated))
	}
	m.raw(". ")
	if canonical != "" {
		m.text(canonical)
	} else {
		m.text(r.urls.Rel(claimPath(c.ID)))
	}
}

// badge is the "rating" template for rt, as the page template tmpl has it
// (a page template may redefine it), rendered once per rating and build:
// ratings are the site's, one for each id.
func (r *Renderer) badge(tmpl string, rt site.Rating) (template.HTML, error) {
	type key struct{ tmpl, id string }
	k := key{tmpl, rt.ID}
	if h, ok := r.badges.Load(k); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := r.tmpl.page[tmpl].ExecuteTemplate(&b, "rating", rt); err != nil {
		return "", fmt.Errorf("template %s: %w", tmpl, err)
	}
	h := template.HTML(b.String())
	r.badges.Store(k, h)
	return h, nil
}

// quotedInItem writes a claim in the "Quoted in" list of a source page,
// with links to its quotes in the text.
func (r *Renderer) quotedInItem(m markup, q QuotedIn) error {
	badge, err := r.badge("source.html", q.Claim.Rating)
	if err != nil {
		return err
	}
	m.raw("<li>")
	r.pathLink(m, "claims/", q.Claim.ID, q.Claim.Claim)
	m.raw(" ", string(badge))
	if len(q.Quotes) > 0 {
		m.raw("\n<ol class=\"quote-refs\">")
		for _, ref := range q.Quotes {
			m.raw(`<li value="`, itoa(ref.N), `"><a href="#`, escapeFragment(ref.Anchor), `">“`)
			m.text(ref.Text)
			m.raw("”</a></li>")
		}
		m.raw("</ol>")
	}
	m.raw("\n</li>")
	return nil
}
