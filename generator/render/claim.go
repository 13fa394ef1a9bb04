package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"factcheck/generator/site"
)

// claimMarkup fills the markup fields of a claim page's view. Each piece
// is what templates/claim.html used to write with template actions; keep
// the two in step.
func (r *Renderer) claimMarkup(v *ClaimView, canonical string) error {
	c := v.Claim
	var m markup
	for _, t := range c.Topics {
		m.Reset()
		m.link(r.urls.Rel(topicPath(t.ID)), t.Name)
		v.TopicLinks = append(v.TopicLinks, m.html())
	}
	v.ClaimantLink = r.claimantLink(c)
	m.Reset()
	for i, u := range c.Appearances {
		if i > 0 {
			m.raw(", ")
		}
		m.raw(`<a rel="external noopener" href="`, escapeURL(u), `">source `, itoa(i+1), "</a>")
	}
	v.AppearanceLinks = m.html()
	badge, err := r.badge("claim.html", c.Rating)
	if err != nil {
		return err
	}
	v.Badge = badge
	m.Reset()
	m.link(r.urls.Rel(ratingPath(c.Rating.ID)), c.Rating.Label)
	v.RatingLink = m.html()
	v.ClaimDateTime = timeHTML(c.ClaimDate)
	v.PublishedTime = timeHTML(c.Published)
	if !c.Updated.IsZero() {
		v.UpdatedTime = timeHTML(c.Updated)
	}
	for _, q := range v.Quotes {
		v.QuoteItems = append(v.QuoteItems, r.quoteItem(q))
	}
	for _, src := range c.Sources {
		v.SourceItems = append(v.SourceItems, r.sourceItem(src))
	}
	if v.LinkItems, err = r.claimItems(c.Links); err != nil {
		return err
	}
	if v.BacklinkItems, err = r.claimItems(v.Backlinks); err != nil {
		return err
	}
	for _, corr := range c.Corrections {
		m.Reset()
		m.raw("<li>")
		m.time(corr.Date)
		m.raw(": ", escapeText(corr.Note), "</li>")
		v.CorrectionItems = append(v.CorrectionItems, m.html())
	}
	v.Citation = r.citation(c, canonical)
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
	card.ClaimantLink = r.claimantLink(c)
	card.ClaimDateTime = timeHTML(c.ClaimDate)
	card.PublishedTime = timeHTML(c.Published)
	return nil
}

func (r *Renderer) claimantLink(c *site.Claim) template.HTML {
	var m markup
	m.link(r.urls.Rel(claimantPath(c.Claimant.ID)), c.Claimant.Name)
	return m.html()
}

func timeHTML(t time.Time) template.HTML {
	var m markup
	m.time(t)
	return m.html()
}

// quoteItem is a quote in the "Quotes checked" list of its claim.
func (r *Renderer) quoteItem(q QuoteView) template.HTML {
	var m markup
	m.Grow(400 + len(q.Text) + len(q.Locator) + len(q.Anchor) + len(q.Original))
	m.raw(`<li class="quote-item `, escapeText(q.Status), "\">\n<q>", escapeText(q.Text), "</q>\n<span class=\"qmeta\">— ")
	if q.Source != nil {
		m.link(r.urls.Rel(sourcePath(q.Source.ID)), q.Source.Title)
	}
	if q.Locator != "" {
		m.raw(", ", escapeText(q.Locator))
	}
	m.raw(".\n<span class=\"qstatus ", escapeText(q.Status), `">`)
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
		m.raw(` · <a href="`, escapeURL(q.Anchor), `">see it in the source</a>`)
	}
	if q.Original != "" {
		m.raw(` · <a rel="external noopener" href="`, escapeURL(q.Original), `">in the original ↗</a>`)
	}
	m.raw("</span>\n</li>")
	return m.html()
}

// sourceItem is a source in the "Sources" list of a claim.
func (r *Renderer) sourceItem(src *site.Source) template.HTML {
	var m markup
	m.Grow(300 + len(src.Title) + len(src.Publisher) + len(src.URL) + len(src.ArchiveURL))
	m.raw("<li>")
	m.link(r.urls.Rel(sourcePath(src.ID)), src.Title)
	// The template wrote the date with {{with .Published}}, which is
	// true for any time.Time, zero or not.
	m.raw(", ", escapeText(src.Publisher), ", ")
	m.time(src.Published)
	if src.URL != "" {
		m.raw(` · <a rel="external noopener" href="`, escapeURL(src.URL), `">original ↗</a>`)
	}
	if src.ArchiveURL != "" {
		m.raw(` · <a rel="external noopener" href="`, escapeURL(src.ArchiveURL), `">archived copy ↗</a>`)
	}
	m.raw("</li>")
	return m.html()
}

// claimItems lists related claims: each one's badge and linked text.
func (r *Renderer) claimItems(cs []*site.Claim) ([]template.HTML, error) {
	var items []template.HTML
	for _, c := range cs {
		badge, err := r.badge("claim.html", c.Rating)
		if err != nil {
			return nil, err
		}
		var m markup
		m.raw("<li>", string(badge), " ")
		m.link(r.urls.Rel(claimPath(c.ID)), c.Claim)
		m.raw("</li>")
		items = append(items, m.html())
	}
	return items, nil
}

// citation is how to cite a fact-check: organization, claim, rating,
// dates and address.
func (r *Renderer) citation(c *site.Claim, canonical string) template.HTML {
	var m markup
	m.Grow(200 + len(c.Claim) + len(canonical))
	m.raw(escapeText(r.site.Config.Organization.Name), ". “", escapeText(c.Claim), "” — rated ",
		escapeText(c.Rating.Label), ". Published ", longDate(c.Published))
	if !c.Updated.IsZero() {
		m.raw(", updated ", longDate(c.Updated))
	}
	m.raw(". ")
	if canonical != "" {
		m.text(canonical)
	} else {
		m.text(r.urls.Rel(claimPath(c.ID)))
	}
	return m.html()
}

// badge is the "rating" template for rt, as the page template tmpl has it
// (a page template may redefine it), rendered once per rating and build.
func (r *Renderer) badge(tmpl string, rt site.Rating) (template.HTML, error) {
	type key struct {
		tmpl   string
		rating site.Rating
	}
	k := key{tmpl, rt}
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

// quotedInItem is a claim in the "Quoted in" list of a source page, with
// links to its quotes in the text.
func (r *Renderer) quotedInItem(q QuotedIn) (template.HTML, error) {
	badge, err := r.badge("source.html", q.Claim.Rating)
	if err != nil {
		return "", err
	}
	var m markup
	m.raw("<li>")
	m.link(r.urls.Rel(claimPath(q.Claim.ID)), q.Claim.Claim)
	m.raw(" ", string(badge))
	if len(q.Quotes) > 0 {
		m.raw("\n<ol class=\"quote-refs\">")
		for _, ref := range q.Quotes {
			m.raw(`<li value="`, itoa(ref.N), `"><a href="#`, escapeFragment(ref.Anchor), `">“`, escapeText(ref.Text), "”</a></li>")
		}
		m.raw("</ol>")
	}
	m.raw("\n</li>")
	return m.html(), nil
}
