package main

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"factcheck"
	"factcheck/generator/internal/locale"
	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

// hugoLayouts are the Hugo site's templates (hugo/layouts/...). They mirror
// fc's templates/*.html, page kind by page kind, so that Hugo renders pages
// of the same structure and about the same markup as fc's: the same head
// (description, canonical, Open Graph and Twitter meta, JSON-LD), header
// and footer; claim pages with every section fc's have; source pages with
// the claims that quote them; listings of claim cards, 50 to a page. What
// Hugo cannot do (check quotes, mark them in the sources, draw share cards,
// build the search index) they leave out rather than imitate.
//
//go:embed all:hugo
var hugoLayouts embed.FS

// hugoFiles renders the same claims and sources as a Hugo site: one page per
// claim and source, the claims listed 50 to a page, taxonomies for topics,
// claimants, ratings and authors (as fc has pages for each), the home page,
// a feed of the latest 50 and claims.json. The claims' front matter is ours,
// in the given shape, followed by what fc finds in the text and Hugo cannot:
// the quotes and the sources cited. Each source's front matter lists the
// claims that quote it.
func hugoFiles(s *synth.Site, shape synth.Shape) map[string][]byte {
	files := map[string][]byte{
		"hugo.toml":         []byte(hugoConfig(s)),
		"data/ratings.json": hugoRatings(),
		"data/l10n.json":    hugoL10n(),
		"content/about.md":  []byte(s.AboutBody("---\ntitle: About\n---\n")),
	}
	if err := fs.WalkDir(hugoLayouts, "hugo", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoLayouts.ReadFile(name)
		files[strings.TrimPrefix(name, "hugo/")] = data
		return err
	}); err != nil {
		panic(err) // embedded files: cannot fail
	}
	// fc's stylesheet, icon and scripts, which its pages link to and its
	// build copies.
	if err := fs.WalkDir(factcheck.Files, "static/assets", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := factcheck.Files.ReadFile(name)
		files["static/assets/"+path.Base(name)] = data
		return err
	}); err != nil {
		panic(err)
	}

	// The claims that quote each source, with the quotes' numbers in
	// their claims, newest first (as fc keeps them, for related
	// fact-checks).
	claims := slices.Clone(s.Claims)
	slices.SortStableFunc(claims, func(a, b *synth.Claim) int { return strings.Compare(b.Published, a.Published) })
	quotedIn := map[string][]string{}
	for _, c := range claims {
		var bySource = map[string][]string{}
		var order []string
		for n, q := range c.Quotes {
			if bySource[q.Source] == nil {
				order = append(order, q.Source)
			}
			bySource[q.Source] = append(bySource[q.Source],
				"      - num: "+strconv.Itoa(n+1)+"\n        text: "+strconv.Quote(oneLine(q.Text))+"\n")
		}
		for _, id := range order {
			quotedIn[id] = append(quotedIn[id], "  - claim: "+c.ID+"\n    quotes:\n"+strings.Join(bySource[id], ""))
		}
	}
	for _, src := range s.Sources {
		var b strings.Builder
		b.WriteString("---\n")
		b.WriteString("title: " + strconv.Quote(src.Title) + "\n")
		b.WriteString("date: " + src.Published + "\n")
		b.WriteString("publisher: " + strconv.Quote(src.Publisher) + "\n")
		b.WriteString("source_url: " + strconv.Quote(src.URL) + "\n") // "url" would set the page's URL in Hugo
		b.WriteString("kind: " + src.Kind + "\n")
		if q := quotedIn[src.ID]; len(q) > 0 {
			b.WriteString("quoted_in:\n" + strings.Join(q, ""))
		}
		b.WriteString("---\n")
		b.WriteString(src.Body)
		files["content/sources/"+src.ID+".md"] = []byte(b.String())
	}
	for i, c := range s.Claims {
		var b strings.Builder
		b.WriteString("---\n")
		// The claim as the title, which the layouts print: Hugo does
		// not trim the line break a block scalar (claim: >) keeps.
		b.WriteString("title: " + strconv.Quote(c.Claim) + "\n")
		b.WriteString("date: " + c.Published + "\n")
		if c.Updated != "" {
			b.WriteString("lastmod: " + c.Updated + "\n")
		}
		// Our front matter, as Hugo params (its keys do not clash with
		// Hugo's; topics and authors are taxonomies).
		b.WriteString(s.ClaimFrontMatter(i, shape))
		b.WriteString("claimants: [" + strconv.Quote(c.Claimant) + "]\n")
		b.WriteString("ratings: [" + strconv.Quote(c.Rating) + "]\n")
		// What fc finds in the analysis: its quotes and the sources
		// it cites.
		b.WriteString("quoted:\n")
		for _, q := range c.Quotes {
			b.WriteString("  - text: " + strconv.Quote(oneLine(q.Text)) + "\n    source: " + q.Source + "\n")
		}
		b.WriteString("cites: [" + strings.Join(c.Cites, ", ") + "]\n")
		b.WriteString("---\n")
		b.WriteString(c.Body)
		files["content/claims/"+c.ID+".md"] = []byte(b.String())
	}
	return files
}

// oneLine returns text with its line breaks as spaces.
func oneLine(text string) string { return strings.Join(strings.Fields(text), " ") }

// hugoConfig returns hugo.toml: the site's settings as fc's site.yaml has
// them (synth.Site.FilesShape), the taxonomies, 50 claims to a listing
// page, and the outputs fc writes: HTML, one feed of the latest 50 and claims.json
// (no feed per section or term: fc writes none).
func hugoConfig(s *synth.Site) string {
	return fmt.Sprintf(`baseURL = "https://example.org/"
title = "Synthetic Fact Checks"
languageCode = "en"
paginate = 50
enableRobotsTXT = true

# Markdown as fc converts it: GFM and footnotes, no typographer, no ids
# on headings.
[markup.goldmark.extensions]
  typographer = false
  definitionList = false
[markup.goldmark.parser]
  autoHeadingID = false

[params]
  description = "A generated site of %d fact-checks and %d sources, for benchmarks."
  contact = "mailto:corrections@example.org"
  [params.organization]
    name = "Synthetic Fact Check Desk"
    url = "https://example.org/"

[taxonomies]
  topic = "topics"
  claimant = "claimants"
  rating = "ratings"
  author = "authors"

[[menu.main]]
  identifier = "about"
  name = "About"
  url = "/about/"

[outputFormats.claimsjson]
  mediaType = "application/json"
  baseName = "claims"
  isPlainText = true

[outputs]
  home = ["HTML", "RSS", "claimsjson"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[services.rss]
  limit = 50
`, len(s.Claims), len(s.Sources))
}

// hugoL10n returns data/l10n.json: the texts of the share button as fc
// writes them on each claim page (its data-l10n attribute, from
// templates/claim.html's l10n call), in English.
func hugoL10n() []byte {
	l, err := locale.New("en", nil)
	if err != nil {
		panic(err)
	}
	b, err := json.Marshal(l.ScriptData("Share…", "Copy link", "Link copied.", "Could not copy the link: %s"))
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// hugoRatings returns data/ratings.json: fc's default rating scale, best
// first (scale), and each rating by id (byid).
func hugoRatings() []byte {
	type rating struct {
		ID          string `json:"id"`
		Label       string `json:"label"`
		Description string `json:"description"`
		Value       int    `json:"value"`
	}
	var d struct {
		Scale []rating          `json:"scale"`
		ByID  map[string]rating `json:"byid"`
	}
	d.ByID = map[string]rating{}
	for i, r := range site.DefaultRatings {
		x := rating{r.ID, r.Label, r.Description, len(site.DefaultRatings) - i}
		d.Scale = append(d.Scale, x)
		d.ByID[r.ID] = x
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}
