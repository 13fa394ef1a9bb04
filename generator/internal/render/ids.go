package render

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"time"

	"factcheck/generator/internal/search"
	"factcheck/generator/internal/site"
)

// Page IDs.
//
// A build into an output folder need not render a page whose inputs are
// those of the page the previous build made there (Job.ID). For the many
// pages of one claim, one source or one page of a listing, the inputs are
// named, not read from the output: the fingerprint of what every page is
// made from (Renderer.Inputs: the program, the options, site.yaml, the
// free pages, templates/ and static/), and the files of the claims and
// sources the page shows, by their Digest:
//
//   - a claim's page: the claim, the claims it links to and that link to
//     it, its related claims (ClaimView.Related), the claim it translates
//     and every translation of that claim (or its own), the sources it
//     cites;
//   - a source's page: the source and every claim that cites it;
//   - a page of a listing: the claims on it, the listing's size and its
//     group's name;
//   - a chunk of the search index's analyses (search/a/N.json, not a
//     page but made the same way): its claims, by their ID and Digest
//     (search.File.Key);
//   - claims.json: the fields of every claim that its ClaimReview shows,
//     not the claims' files (claimsJSONID);
//
// and, for every page, its language and the languages that have it too
// (its alternates, Page.Alternates).
//
// What a template reaches through these (a linked claim's own links)
// or through .Site beyond .Site.Config and .Site.Pages is not an input:
// the pages of a template whose set uses .Site otherwise get no IDs, and
// are always rendered (Templates.siteWide).

// pageIDs reports whether the pages of page template tmpl get page IDs.
func (r *Renderer) pageIDs(tmpl string) bool { return r.Inputs != "" && !r.tmpl.siteWide[tmpl] }

// idHash builds a page ID: what it names, each string with its length,
// hashed at the end. A claim is named by its own digest (claimSum), made
// once per renderer, so that the IDs of many pages showing one claim do
// not hash its fields again.
type idHash struct {
	r *Renderer
	b []byte
}

func (r *Renderer) newID(kind, path string) *idHash {
	h := &idHash{r, make([]byte, 0, 512)}
	h.str(r.Inputs)
	h.str(kind)
	h.str(path)
	if r.lang != "" {
		h.str(r.lang)
	}
	// The languages that have the page too: its alternates.
	h.str(r.alternateLangs(path))
	return h
}

func (h *idHash) str(s string) {
	h.b = strconv.AppendInt(h.b, int64(len(s)), 10)
	h.b = append(h.b, ':')
	h.b = append(h.b, s...)
}

func (h *idHash) num(n int) { h.str(strconv.Itoa(n)) }

// time adds an instant, to the nanosecond, and its zone's offset.
func (h *idHash) time(t time.Time) {
	_, off := t.Zone()
	h.b = strconv.AppendInt(h.b, t.Unix(), 10)
	h.b = append(h.b, '.')
	h.b = strconv.AppendInt(h.b, int64(t.Nanosecond()), 10)
	h.b = append(h.b, '@')
	h.b = strconv.AppendInt(h.b, int64(off), 10)
	h.b = append(h.b, ';')
}

func (h *idHash) name(n site.Name) {
	h.str(n.ID)
	h.str(n.Name)
	h.str(n.URL)
	h.str(strconv.FormatBool(n.Person))
}

// claim adds a claim's file and the names it was linked with, by their
// digest.
func (h *idHash) claim(c *site.Claim) {
	sum := h.r.claimSum(c)
	h.b = append(h.b, sum[:]...)
}

// claimSum is the digest of a claim's file and the names it was linked
// with. The digests of all the site's claims are made once per renderer,
// on first use.
func (r *Renderer) claimSum(c *site.Claim) [16]byte {
	r.claimSumsOnce.Do(func() {
		r.claimSums = make(map[*site.Claim][16]byte, len(r.whole.Claims))
		for _, c := range r.whole.Claims {
			r.claimSums[c] = sumClaim(c)
		}
		for _, cs := range r.whole.Translated {
			for _, c := range cs {
				r.claimSums[c] = sumClaim(c)
			}
		}
	})
	if sum, ok := r.claimSums[c]; ok {
		return sum
	}
	return sumClaim(c)
}

func sumClaim(c *site.Claim) [16]byte {
	h := idHash{b: make([]byte, 0, 256)}
	h.str(c.ID)
	h.str(c.Digest)
	h.name(c.Claimant)
	h.num(len(c.Topics))
	for _, t := range c.Topics {
		h.name(t)
	}
	full := sha256.Sum256(h.b)
	return [16]byte(full[:16])
}

func (h *idHash) claims(cs []*site.Claim) {
	h.num(len(cs))
	for _, c := range cs {
		h.claim(c)
	}
}

func (h *idHash) source(s *site.Source) {
	h.str(s.ID)
	h.str(s.Digest)
}

func (h *idHash) sum() string {
	sum := sha256.Sum256(h.b)
	return hex.EncodeToString(sum[:16])
}

// searchID is the ID of a file of the search index made on demand: its
// Key names what it is made of, and the program is in r.Inputs.
func (r *Renderer) searchID(f search.File) string {
	h := r.newID("search", f.Path)
	h.str(f.Key)
	return h.sum()
}

// claimID is the ID of c's page.
func (r *Renderer) claimID(c *site.Claim) string {
	h := r.newID("claim", claimPath(c.ID))
	h.claim(c)
	h.claims(c.Links)
	h.claims(c.LinkedFrom)
	h.claims(relatedClaims(r.site, c, maxRelated))
	// The claim in the site's language, whose translations are the
	// page's alternates.
	orig := c
	if c.Original != nil {
		orig = c.Original
		h.claim(orig)
	}
	langs := make([]string, 0, len(orig.Translations))
	for l := range orig.Translations {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	for _, l := range langs {
		h.str(l)
		h.claim(orig.Translations[l])
	}
	h.num(len(c.Sources))
	for _, s := range c.Sources {
		h.source(s)
	}
	return h.sum()
}

// sourceID is the ID of src's page.
func (r *Renderer) sourceID(src *site.Source) string {
	h := r.newID("source", src.ID)
	h.source(src)
	h.claims(src.CitedBy)
	return h.sum()
}

// listID is the ID of page n of total of a listing of all at path,
// headed by title.
func (r *Renderer) listID(tmpl, path, title string, all []*site.Claim, n, total int) string {
	h := r.newID(tmpl, path)
	h.str(title)
	h.num(n)
	h.num(total)
	h.num(len(all))
	size := r.site.Config.PageSize
	h.claims(all[min((n-1)*size, len(all)):min(n*size, len(all))])
	return h.sum()
}

// claimsJSONID is the ID of claims.json: the fields of every claim that
// its ClaimReview shows (claimReview), in the site's order. An edit to a
// claim's analysis leaves the file as it was.
func (r *Renderer) claimsJSONID() string {
	h := r.newID("data", "claims.json")
	h.num(len(r.site.Claims))
	for _, c := range r.site.Claims {
		h.str(c.ID)
		h.str(c.Claim)
		h.str(c.Short)
		h.name(c.Claimant)
		h.time(c.ClaimDate)
		h.num(len(c.Appearances))
		for _, u := range c.Appearances {
			h.str(u)
		}
		h.str(c.Rating.Label)
		h.num(c.Rating.Value)
		h.str(c.Summary)
		h.time(c.Published)
		h.time(c.Updated)
	}
	return h.sum()
}
