// Package synth generates a valid synthetic fact-check site of any size for
// benchmarks: N claims, N/10 sources of about 1,500 words each, every claim
// quoting its sources verbatim, citing them and linking to another claim.
// The output is deterministic for a given N and seed, and checks clean
// (no errors, no warnings) against the content format in SPEC.md.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// ClaimsPerFolder is how many claims go in each sub-folder of content/claims.
const ClaimsPerFolder = 100

// Site is a generated site, before it is written as files.
type Site struct {
	N       int
	Seed    int64
	Sources []*Source
	Claims  []*Claim
}

// Source is one source: metadata and its stored text (Markdown).
type Source struct {
	ID, Title, Publisher, URL, Published, Kind string

	Body string

	paras []string // paragraphs of the body, one line each, for quoting
}

// Correction is one entry of a claim's corrections list.
type Correction struct{ Date, Note string }

// Claim is one fact-check.
type Claim struct {
	ID  string
	Dir string // its sub-folder below content/claims

	Claim, Claimant, Rating, Summary string
	ClaimDate, Published, Updated    string // YYYY-MM-DD; Updated may be ""
	Authors, Topics                  []string
	Corrections                      []Correction

	Body string // the analysis, Markdown

	// Quotes are the passages the analysis quotes, in the order they
	// appear in Body (the block quote, then the inline quote), and Cites
	// the ids of the sources Body cites, each once, in the order first
	// cited. Our generator finds both in Body; the Hugo version of the
	// site (gensite -hugo) gets them in its front matter.
	Quotes []Quote
	Cites  []string
}

// Quote is one passage a claim quotes: its text, as in Body, and the id
// of its source.
type Quote struct{ Text, Source string }

const dateFormat = "2006-01-02"

// Generate builds the site of n claims (n < 1 counts as 1).
func Generate(n int, seed int64) *Site {
	if n < 1 {
		n = 1
	}
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), uint64(n)))}
	s := &Site{N: n, Seed: seed}
	ns := max(1, n/10)
	for i := 1; i <= ns; i++ {
		s.Sources = append(s.Sources, g.source(i))
	}
	for i := 1; i <= n; i++ {
		s.Claims = append(s.Claims, g.claim(s, i))
	}
	return s
}

// ClaimID is the id of the i-th claim (from 1).
func ClaimID(i int) string { return fmt.Sprintf("claim-%05d", i) }

// SourceID is the id of the i-th source (from 1).
func SourceID(i int) string { return fmt.Sprintf("source-%04d", i) }

type gen struct {
	r      *rand.Rand
	rating int    // index in ratings of the claim being written
	b      []byte // the text being filled
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// word appends w, turning a preceding article "a" into "an" before a vowel.
func (g *gen) word(w string) {
	n := len(g.b)
	if n >= 2 && g.b[n-2] == 'a' && g.b[n-1] == ' ' && (n == 2 || g.b[n-3] == ' ') && startsWithVowel(w) {
		g.b = append(g.b[:n-1], "n "...)
	}
	g.b = append(g.b, w...)
}

func startsWithVowel(w string) bool {
	w = strings.TrimPrefix(w, "*")
	return w != "" && strings.IndexByte("aeiou", w[0]) >= 0 && !strings.HasPrefix(w, "uni")
}

// fill appends template t to g.b with its slots filled; with emph, an
// adjective is now and then set in *emphasis*.
func (g *gen) fill(t string, emph bool) {
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			g.b = append(g.b, t...)
			return
		}
		g.b = append(g.b, t[:i]...)
		slot := t[i+1 : strings.IndexByte(t, '}')]
		t = t[i+len(slot)+2:]
		switch slot {
		case "n":
			g.word(g.pick(nouns))
		case "N":
			g.word(g.pick(nounsPl))
		case "a":
			if emph && g.r.IntN(25) == 0 {
				g.word("*" + g.pick(adjectives) + "*")
			} else {
				g.word(g.pick(adjectives))
			}
		case "v":
			g.word(g.pick(verbs))
		case "i":
			g.word(g.pick(intransitive))
		case "d":
			g.word(g.pick(adverbs))
		case "p":
			g.word(g.pick(places))
		case "o":
			g.word(g.pick(orgs))
		case "t":
			g.word(g.pick(periods))
		case "q":
			g.word(g.pick(quantities))
		case "r":
			g.word(ratings[g.rating].verdict)
		case "r2":
			g.word(ratings[g.rating].verdict2)
		default:
			panic("synth: unknown slot " + slot)
		}
	}
}

// text returns template t filled, with its first letter capitalized.
func (g *gen) text(t string, emph bool) string {
	g.b = g.b[:0]
	g.fill(t, emph)
	if g.b[0] >= 'a' && g.b[0] <= 'z' {
		g.b[0] -= 'a' - 'A'
	}
	return string(g.b)
}

// sentences returns k sentences from templates, separated by spaces.
func (g *gen) sentences(templates []string, k int, emph bool) string {
	parts := make([]string, k)
	for i := range parts {
		parts[i] = g.text(g.pick(templates), emph)
	}
	return strings.Join(parts, " ")
}

// date returns a random day in [from, from+days).
func (g *gen) date(from time.Time, days int) time.Time {
	return from.AddDate(0, 0, g.r.IntN(days))
}

func (g *gen) source(i int) *Source {
	s := &Source{
		ID:        SourceID(i),
		Title:     g.text(g.pick(titleTemplates), false),
		Publisher: g.pick(publishers),
		Published: g.date(time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC), 11*365).Format(dateFormat),
		Kind:      g.pick(kinds),
	}
	s.URL = "https://example.org/documents/" + s.ID
	var body strings.Builder
	words := 0
	for p := 0; words < 1500; p++ {
		if p > 0 && p%4 == 0 {
			body.WriteString("## " + g.text(g.pick(headingTemplates), false) + "\n\n")
		}
		para := g.sentences(sourceTemplates, 4+g.r.IntN(4), true)
		s.paras = append(s.paras, para)
		words += strings.Count(para, " ") + 1
		wrap(&body, "", para)
		body.WriteString("\n")
	}
	s.Body = strings.TrimSuffix(body.String(), "\n")
	return s
}

// quote returns a passage of src for a claim to quote: a sentence of 8 to 20
// words, or the first 12 to 20 words of a longer one, free of Markdown
// emphasis.
func (g *gen) quote(src *Source) string {
	for {
		sentences := strings.SplitAfter(src.paras[g.r.IntN(len(src.paras))], ". ")
		w := strings.Fields(sentences[g.r.IntN(len(sentences))])
		if len(w) < 8 {
			continue
		}
		if len(w) > 20 {
			w = w[:12+g.r.IntN(9)]
		}
		if q := strings.Join(w, " "); !strings.Contains(q, "*") {
			return q
		}
	}
}

func (g *gen) claim(s *Site, i int) *Claim {
	g.rating = g.r.IntN(len(ratings))
	c := &Claim{
		ID:       ClaimID(i),
		Dir:      strconv.Itoa((i - 1) / ClaimsPerFolder),
		Claim:    g.text(g.pick(claimTemplates), false),
		Claimant: g.pick(claimants),
		Rating:   ratings[g.rating].id,
		Summary:  g.text(g.pick(summaryTemplates), false),
	}
	made := g.date(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), 9*365)
	published := g.date(made, 45)
	c.ClaimDate, c.Published = made.Format(dateFormat), published.Format(dateFormat)
	for range 1 + g.r.IntN(2) {
		if a := g.pick(authors); len(c.Authors) == 0 || c.Authors[0] != a {
			c.Authors = append(c.Authors, a)
		}
	}
	for _, k := range g.r.Perm(len(topics))[:1+g.r.IntN(3)] {
		c.Topics = append(c.Topics, topics[k])
	}
	if g.r.IntN(10) < 3 {
		updated := g.date(published.AddDate(0, 0, 1), 300)
		c.Updated = updated.Format(dateFormat)
		if g.r.IntN(3) == 0 {
			span := int(updated.Sub(published).Hours()/24) + 1
			for range 1 + g.r.IntN(2) {
				c.Corrections = append(c.Corrections, Correction{
					Date: g.date(published, span).Format(dateFormat),
					Note: g.text(g.pick(correctionTemplates), false),
				})
			}
			if len(c.Corrections) == 2 && c.Corrections[0].Date > c.Corrections[1].Date {
				c.Corrections[0], c.Corrections[1] = c.Corrections[1], c.Corrections[0]
			}
		}
	}

	// Every source is cited: claim i quotes source (i-1) mod N/10 in its
	// block quote, and a random source inline.
	a := s.Sources[(i-1)%len(s.Sources)]
	b := s.Sources[g.r.IntN(len(s.Sources))]
	link := a.ID
	if s.N > 1 {
		j := 1 + g.r.IntN(s.N-1)
		if j >= i {
			j++
		}
		link = ClaimID(j)
	}

	var body strings.Builder
	body.WriteString("## What was claimed\n\n")
	wrap(&body, "", fmt.Sprintf("The claim was made by %s in %s. %s The passage it relies on reads:",
		c.Claimant, made.Format("January 2006"), g.sentences(analysisTemplates, 3, false)))
	body.WriteString("\n")
	qa := g.quote(a)
	wrap(&body, "> ", qa)
	body.WriteString(">\n> — [@" + a.ID + "]\n\n")

	// The random draws in the order the arguments of Sprintf once made
	// them, so that the site stays the same for the same seed.
	before := g.sentences(analysisTemplates, 2, false)
	qb := strings.TrimSuffix(g.quote(b), ".")
	mid := g.sentences(analysisTemplates, 1, false)
	adj := g.pick(adjectives)
	page := 1 + g.r.IntN(40)
	after := g.sentences(analysisTemplates, 2, false)
	body.WriteString("## What the sources say\n\n")
	wrap(&body, "", fmt.Sprintf("%s As the source put it, \"%s\" [@%s]. %s The %s figures are set out in the same record [@%s, p. %d]. %s",
		before, qb, b.ID, mid, adj, a.ID, page, after))
	body.WriteString("\n")
	c.Quotes = []Quote{{qa, a.ID}, {qb, b.ID}}
	c.Cites = []string{a.ID}
	if b != a {
		c.Cites = append(c.Cites, b.ID)
	}

	body.WriteString("## Verdict\n\n")
	wrap(&body, "", fmt.Sprintf("%s. The claim %s. %s For a related check, see [[%s]].",
		ratings[g.rating].label, ratings[g.rating].verdict, g.sentences(analysisTemplates, 3, false), link))
	c.Body = body.String()
	return c
}

// wrap writes text as lines of at most about 78 characters, each starting
// with prefix; the last line ends with a newline.
func wrap(b *strings.Builder, prefix, text string) {
	const width = 78
	n := 0
	for i, w := range strings.Fields(text) {
		switch {
		case i == 0:
			b.WriteString(prefix)
			n = len(prefix)
		case n+1+len(w) > width:
			b.WriteString("\n" + prefix)
			n = len(prefix)
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	b.WriteString("\n")
}
