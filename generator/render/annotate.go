package render

import (
	"html"
	"sort"
	"strings"

	"factcheck/generator/markdown"
	"factcheck/generator/site"
)

// annotate writes a source's stored text with every verified quote
// wrapped in <mark>. A quote's first highlight carries its anchor id; after
// its last one a numbered link leads to the claim that quotes it. Where
// quotes overlap, the text is split so that each piece is marked once,
// and a piece inside several quotes is marked as an overlap.
func (r *Renderer) annotate(m markup, src *site.Source) {
	hs := src.Highlights
	number := map[*markdown.Quote]int{}
	last := map[*markdown.Quote]int{} // index in hs of a quote's last span
	for i, h := range hs {
		if h.First && h.Claim != nil {
			number[h.Quote] = len(number) + 1
		}
		last[h.Quote] = i
	}
	b := m.Buffer
	size := 0
	for _, pc := range src.Text.Pieces {
		size += len(pc.Tag) + len(pc.Text) + len(pc.Text)/16 // a little for escapes
	}
	b.Grow(size + 400*len(hs)) // and for marks and links

	var pending []string // links that must wait for the end of a source's own link
	inLink := 0
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
				b.WriteString(strings.Join(pending, ""))
				pending = pending[:0]
			}
			continue
		}
		start, end := pc.Offset, pc.Offset+len(pc.Text)
		cuts := []int{start, end}
		for _, h := range hs {
			for _, x := range []int{h.Start, h.End} {
				if x > start && x < end {
					cuts = append(cuts, x)
				}
			}
		}
		sort.Ints(cuts)
		for i := 0; i+1 < len(cuts); i++ {
			a, z := cuts[i], cuts[i+1]
			if a == z {
				continue
			}
			var covering []int
			for j, h := range hs {
				if h.Start <= a && h.End >= z {
					covering = append(covering, j)
				}
			}
			text := html.EscapeString(pc.Text[a-start : z-start])
			if len(covering) == 0 {
				b.WriteString(text)
				continue
			}
			b.WriteString(r.openMark(hs, covering, a))
			b.WriteString(text)
			b.WriteString("</mark>")
			for _, j := range covering {
				h := hs[j]
				if h.End == z && last[h.Quote] == j && h.Claim != nil {
					ref := r.quoteRef(h, number[h.Quote])
					if inLink > 0 {
						pending = append(pending, ref)
					} else {
						b.WriteString(ref)
					}
				}
			}
		}
	}
	b.WriteString(strings.Join(pending, ""))
}

// openMark opens the <mark> of a piece of text covered by the highlights
// hs[covering]; the first quote that starts here lends it its id, and any
// other quote starting here gets an empty anchor before it.
func (r *Renderer) openMark(hs []site.Highlight, covering []int, at int) string {
	var b strings.Builder
	id := ""
	var titles []string
	for _, j := range covering {
		h := hs[j]
		if h.Claim != nil {
			titles = append(titles, h.Claim.Claim)
		}
		if h.Start != at || !h.First || h.Quote.Check.Anchor == "" {
			continue
		}
		if id == "" {
			id = h.Quote.Check.Anchor
		} else {
			b.WriteString(`<span class="anchor" id="` + html.EscapeString(h.Quote.Check.Anchor) + `"></span>`)
		}
	}
	class := "quoted"
	if len(covering) > 1 {
		class += " overlap"
	}
	b.WriteString(`<mark class="` + class + `"`)
	if id != "" {
		b.WriteString(` id="` + html.EscapeString(id) + `"`)
	}
	if len(titles) > 0 {
		b.WriteString(` title="Quoted in: ` + html.EscapeString(strings.Join(dedupe(titles), " · ")) + `"`)
	}
	b.WriteString(">")
	return b.String()
}

// quoteRef links from the end of a quote on a source page to its claim.
func (r *Renderer) quoteRef(h site.Highlight, n int) string {
	href := r.urls.Rel(claimPath(h.Claim.ID))
	return `<a class="qref" href="` + html.EscapeString(href) + `" title="Quoted in: ` + html.EscapeString(h.Claim.Claim) +
		`" aria-label="Quote ` + itoa(n) + `, quoted in: ` + html.EscapeString(h.Claim.Claim) + `">` + itoa(n) + `</a>`
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
