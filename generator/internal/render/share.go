package render

import (
	"image/color"
	"net/url"
	"path"
	"strconv"
	"strings"

	"factcheck/generator/internal/card"
	"factcheck/generator/internal/site"
)

// The share card of each claim page, claims/ID/card.png, and its share
// links.

// cardPath is the output path of a claim's share card.
func cardPath(id string) string { return claimPath(id) + "card.png" }

// IsCard reports whether an output path is that of a share card.
func IsCard(p string) bool { return path.Base(p) == "card.png" }

// shareCard is what the share card of c shows.
func (r *Renderer) shareCard(c *site.Claim) card.Card {
	return card.Card{
		Site:      r.site.Config.Title,
		Rating:    c.Rating.Label,
		Colour:    ratingColour(c.Rating),
		Claim:     c.Claim,
		Claimant:  c.Claimant.Name,
		ClaimedBy: r.t("Claimed by %s", c.Claimant.Name),
		Quotes:    r.quoteMarks,
		Fonts:     r.site.Config.CardFonts,
	}
}

// quotes are the quotation marks of the site's language, opening and
// closing, as its message "“%s”" has them.
func (r *Renderer) quotes() [2]string {
	var q [2]string
	for _, p := range r.loc.Parts("“%s”") {
		if p.Arg > 0 {
			q[0], q[1] = q[1], ""
			continue
		}
		q[1] += p.Text
	}
	return q
}

// ratingColour is the colour of a rating on its share card: its own
// color, else the built-in one for its value.
func ratingColour(rt site.Rating) color.RGBA {
	if v, err := strconv.ParseUint(strings.TrimPrefix(rt.Color, "#"), 16, 32); err == nil && len(rt.Color) == 7 {
		return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
	}
	return card.RatingColour(rt.Value)
}

// cardPNG draws the share card of c, or takes it from r.Cards.
func (r *Renderer) cardPNG(c *site.Claim) ([]byte, error) {
	if r.Cards != nil {
		return r.Cards.PNG(r.shareCard(c))
	}
	return card.Draw(r.shareCard(c))
}

// cardFile is the cached file of c's share card, "" when r.Cards has
// none.
func (r *Renderer) cardFile(c *site.Claim) string {
	if r.Cards == nil {
		return ""
	}
	return r.Cards.File(r.shareCard(c))
}

// cardKey is the key of c's share card (card.Card.Key), which names its
// bytes; it keeps the card in r.Cards from pruning.
func (r *Renderer) cardKey(c *site.Claim) string {
	if r.Cards != nil {
		return r.Cards.Key(r.shareCard(c))
	}
	return r.shareCard(c).Key()
}

// CardImage is the URL of the page's share card (absolute when the site
// has a base URL), "" on pages without one: every claim page has one.
func (p *Page) CardImage() string {
	if p.Claim == nil {
		return ""
	}
	if u := p.r.urls.Abs(cardPath(p.Claim.ID)); u != "" {
		return u
	}
	return p.r.urls.Rel(cardPath(p.Claim.ID))
}

// CardAlt describes the share card for readers who cannot see it.
func (p *Page) CardAlt() string {
	if p.Claim == nil {
		return ""
	}
	c := p.Claim.Claim
	return p.r.t("Rated %s: %s, claimed by %s. %s", c.Rating.Label, p.r.t("“%s”", c.Claim), c.Claimant.Name, p.Site.Config.Title)
}

// ShareLink is a link that shares a page on a social network or by
// e-mail.
type ShareLink struct {
	Name string // "X", "Facebook", …
	URL  string
}

// ShareLinks are the links that share a claim page, none when the site
// has no base URL (a shared link must be absolute) or the page is not a
// claim's.
func (p *Page) ShareLinks() []ShareLink {
	if p.Claim == nil {
		return nil
	}
	page := p.r.urls.Abs(claimPath(p.Claim.ID))
	if page == "" {
		return nil
	}
	u, text := queryEscape(page), queryEscape(p.ShareText())
	return []ShareLink{
		{"X", "https://x.com/intent/post?text=" + text + "&url=" + u},
		{"Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u},
		{"WhatsApp", "https://wa.me/?text=" + text + "%20" + u},
		{"Telegram", "https://t.me/share/url?url=" + u + "&text=" + text},
		{"Bluesky", "https://bsky.app/intent/compose?text=" + text + "%20" + u},
		{p.r.t("E-mail"), "mailto:?subject=" + text + "&body=" + u},
	}
}

// queryEscape escapes s for a query, spaces as %20: mail programs show
// a "+" as it is.
func queryEscape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// ShareText is the text a shared claim page goes with: its rating and
// claim (the short form where it has one).
func (p *Page) ShareText() string {
	if p.Claim == nil {
		return ""
	}
	c := p.Claim.Claim
	claim := c.Claim
	if c.Short != "" {
		claim = c.Short
	}
	return p.r.t("%s: %s", c.Rating.Label, p.r.t("“%s”", claim))
}
