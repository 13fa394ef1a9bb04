package render

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/site"
)

// annotate writes a source's stored text with every verified quote
// wrapped in <mark>. A quote's first highlight carries its anchor id; after
// its last one a numbered link leads back to the quote on the page of the
// claim that quotes it: its number is the quote's number there (see
// quoteNumber). Where quotes overlap, the text is split so that each
// piece is marked once, and a piece inside several quotes is marked as an
// overlap. Every piece lists the anchors of its quotes (data-q) and the
// ids of their claims (data-c), so that a script can outline a passage
// and bring forward the passages of the claim a reader came from.
func (r *Renderer) annotate(b *bytes.Buffer, src *site.Source) {
	hs := src.Highlights
	number := map[*markdown.Quote]int{}
	last := map[*markdown.Quote]int{} // index in hs of a quote's last span
	for i, h := range hs {
		if h.First && h.Claim != nil {
			number[h.Quote] = quoteNumber(h.Claim, h.Quote)
		}
		last[h.Quote] = i
	}

	size := 0
	for _, pc := range src.Text.Pieces {
		size += len(pc.Tag) + len(pc.Text) + len(pc.Text)/16 // a little for escapes
	}
	b.Grow(size + 400*len(hs)) // and for marks and links

	var pending bytes.Buffer // links that must wait for the end of a source's own link
	inLink := 0
	var cuts, covering, gaps []int
	for _, pc := range src.Text.Pieces {
		if pc.Tag != "" {
			b.WriteString(pc.Tag)
			switch {
			case strings.HasPrefix(pc.Tag, "<a ") || pc.Tag == "<a>":
				inLink++
			case strings.HasPrefix(pc.Tag, "</a"):
				inLink = max(0, inLink-1)
			}
			if inLink == 0 {
				b.Write(pending.Bytes())
				pending.Reset()
			}
			continue
		}
		start, end := pc.Offset, pc.Offset+len(pc.Text)
		cuts = append(cuts[:0], start, end)
		for _, h := range hs {
			if h.Start >= end {
				break // hs are in order of Start
			}
			if h.Start > start {
				cuts = append(cuts, h.Start)
			}
			if h.End > start && h.End < end {
				cuts = append(cuts, h.End)
			}
		}
		sort.Ints(cuts)
		for i := 0; i+1 < len(cuts); i++ {
			a, z := cuts[i], cuts[i+1]
			if a == z {
				continue
			}
			covering, gaps = covering[:0], gaps[:0]
			for j, h := range hs {
				if h.Start > a {
					break
				}
				if h.End < z {
					continue
				}
				if h.Gap {
					gaps = append(gaps, j)
				} else {
					covering = append(covering, j)
				}
			}
			text := pc.Text[a-start : z-start]
			if len(covering) == 0 && len(gaps) > 0 {
				// Words a quote's gap left out: inside its passage, apart
				// from the quoted words.
				b.WriteString(`<span class="omitted"`)
				writeQuotes(b, hs, gaps)
				writeClaims(b, hs, gaps)
				b.WriteString(` title="`)
				markdown.WriteEscaped(b, r.t("Left out of the quote"))
				b.WriteString(`">`)
				markdown.WriteEscaped(b, text)
				b.WriteString("</span>")
				continue
			}
			if len(covering) == 0 {
				markdown.WriteEscaped(b, text)
				continue
			}
			r.openMark(b, hs, covering, a)
			markdown.WriteEscaped(b, text)
			b.WriteString("</mark>")
			for _, j := range covering {
				h := hs[j]
				if h.End == z && last[h.Quote] == j && h.Claim != nil {
					if inLink > 0 {
						r.quoteRef(&pending, h, number[h.Quote])
					} else {
						r.quoteRef(b, h, number[h.Quote])
					}
				}
			}
		}
	}
	b.Write(pending.Bytes())
}

// openMark opens the <mark> of a piece of text covered by the highlights
// hs[covering]; the first quote that starts here lends it its id, and any
// other quote starting here gets an empty anchor before it.
func (r *Renderer) openMark(b *bytes.Buffer, hs []site.Highlight, covering []int, at int) {
	id := ""
	for _, j := range covering {
		h := hs[j]
		if h.Start != at || !h.First || h.Quote.Check.Anchor == "" {
			continue
		}
		if id == "" {
			id = h.Quote.Check.Anchor
		} else {
			b.WriteString(`<span class="anchor" id="`)
			markdown.WriteEscaped(b, h.Quote.Check.Anchor)
			b.WriteString(`"></span>`)
		}
	}
	if len(covering) > 1 {
		b.WriteString(`<mark class="quoted overlap"`)
	} else {
		b.WriteString(`<mark class="quoted"`)
	}
	if id != "" {
		b.WriteString(` id="`)
		markdown.WriteEscaped(b, id)
		b.WriteByte('"')
	}
	writeQuotes(b, hs, covering)
	writeClaims(b, hs, covering)
	// The claims that quote it, each once.
	var claims []string
	for i, j := range covering {
		c := hs[j].Claim
		if c == nil || slices.ContainsFunc(covering[:i], func(k int) bool { return hs[k].Claim != nil && hs[k].Claim.Claim == c.Claim }) {
			continue
		}
		claims = append(claims, c.Claim)
	}
	if claims != nil {
		b.WriteString(` title="`)
		markdown.WriteEscaped(b, r.t("Quoted in: %s", strings.Join(claims, " · ")))
		b.WriteByte('"')
	}
	b.WriteByte('>')
}

// writeQuotes writes a data-q attribute that lists the anchors of the
// quotes of hs[covering], so that a script can outline a whole passage
// when its anchor is the page's target.
func writeQuotes(b *bytes.Buffer, hs []site.Highlight, covering []int) {
	n := 0
	for _, j := range covering {
		if a := hs[j].Quote.Check.Anchor; a != "" {
			if n == 0 {
				b.WriteString(` data-q="`)
			} else {
				b.WriteByte(' ')
			}
			markdown.WriteEscaped(b, a)
			n++
		}
	}
	if n > 0 {
		b.WriteByte('"')
	}
}

// writeClaims writes a data-c attribute that lists the ids of the claims
// of the quotes of hs[covering], each once.
func writeClaims(b *bytes.Buffer, hs []site.Highlight, covering []int) {
	n := 0
	for i, j := range covering {
		c := hs[j].Claim
		if c == nil || slices.ContainsFunc(covering[:i], func(k int) bool { return hs[k].Claim == c }) {
			continue
		}
		if n == 0 {
			b.WriteString(` data-c="`)
		} else {
			b.WriteByte(' ')
		}
		markdown.WriteEscaped(b, c.ID)
		n++
	}
	if n > 0 {
		b.WriteByte('"')
	}
}

// quoteNumber is q's number among the quotes of c, from 1, as the claim's
// page numbers its quotes ("Quotes checked"): the number in q's anchor.
func quoteNumber(c *site.Claim, q *markdown.Quote) int {
	if c.Doc == nil {
		return 0
	}
	return slices.Index(c.Doc.Quotes, q) + 1
}

// quoteRef links from the end of a quote on a source page back to the
// quote on its claim's page (claim.html gives each quote the id
// quote-N).
func (r *Renderer) quoteRef(b *bytes.Buffer, h site.Highlight, n int) {
	b.WriteString(`<a class="qref" data-c="`)
	markdown.WriteEscaped(b, h.Claim.ID)
	b.WriteString(`" href="`)
	markdown.WriteEscaped(b, r.urls.relPage("claims/", h.Claim.ID))
	if n > 0 {
		b.WriteString("#quote-")
		b.WriteString(itoa(n))
	}
	b.WriteString(`" title="`)
	markdown.WriteEscaped(b, r.t("Quoted in: %s", h.Claim.Claim))
	b.WriteString(`" aria-label="`)
	markdown.WriteEscaped(b, r.t("Quote %d, quoted in: %s", n, h.Claim.Claim))
	b.WriteString(`">`)
	b.WriteString(itoa(n))
	b.WriteString(`</a>`)
}
