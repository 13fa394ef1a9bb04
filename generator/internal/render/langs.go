package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"factcheck/generator/internal/site"
)

// Languages.
//
// A site in several languages has its own language's pages at the usual
// paths and each other language's under /LANG/ (URLs.Lang, localized,
// URLs.Pages).
// The same page in two languages has the same path within each
// language's folder: claims/x/ is the claim x in the site's language and
// es/claims/x/ its translation into Spanish. So the alternates of a page,
// its versions in the other languages, are the pages at its path in the
// languages that have one (Page.Alternates): a claim's or free page's
// translations, and the home page, listings, rating, topic and claimant
// pages that exist in both languages.

// pageSet is the pages of one language: their paths within its folder
// ("claims/x/"), in the order of the site's listings, and as a set.
type pageSet struct {
	paths []string
	has   map[string]bool
}

// pages returns the pages of r's language, listed once.
func (r *Renderer) pages() *pageSet {
	r.pagesOnce.Do(func() {
		_, paths := r.ownJobs()
		r.pageList = pageSet{paths: paths, has: make(map[string]bool, len(paths))}
		for _, p := range paths {
			r.pageList.has[p] = true
		}
	})
	return &r.pageList
}

// Alternate is a page in one of the site's languages.
type Alternate struct {
	// Lang is the language's tag; Name its name in itself ("Español",
	// "English", "العربية").
	Lang, Name string
	// URL links to the page; AbsURL is its absolute URL, "" without a
	// base URL.
	URL, AbsURL string
	// Current is set on the language of the page that lists it, Default
	// on the site's own language (hreflang x-default).
	Current, Default bool
	// Home is set, in Switch only, on a language that does not have the
	// page: URL and AbsURL are then that language's home page.
	Home bool
}

// Alternates are the versions of the page in each of the site's
// languages that has it, itself included, in the order of site.yaml's
// languages; none when no other language has it (a site in one
// language, a source page, a claim without translations). base.html
// links each in <head> (<link rel="alternate" hreflang>) and the
// "language-switch" of partials.html lists those not Current.
func (p *Page) Alternates() []Alternate { return p.r.alternates(p.Path) }

// alternates are the versions of the page at path (within a language's
// folder) in each language that has one, or nil when only r's has it.
func (r *Renderer) alternates(path string) []Alternate {
	if r.langs == nil {
		return nil
	}
	var out []Alternate
	for i, l := range r.whole.Config.Languages {
		lr := r.langs[l]
		if lr == nil || !lr.pages().has[path] {
			continue
		}
		out = append(out, Alternate{
			Lang: l, Name: autonym(l),
			URL: lr.urls.Rel(path), AbsURL: lr.urls.Abs(path),
			Current: lr == r, Default: i == 0,
		})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// Switch is what the "language-switch" of partials.html offers readers:
// every language of the site, in the order of site.yaml's languages, as
// in Alternates, but a language that does not have the page is there too,
// linking to its home page (Home set) rather than left out, so that a
// reader of any page can reach the pages in their language. None for a
// site in one language. Unlike Alternates, which must name the same page
// in each language for search engines, it is for readers only.
func (p *Page) Switch() []Alternate { return p.r.switchLinks(p.Path) }

func (r *Renderer) switchLinks(path string) []Alternate {
	if r.langs == nil {
		return nil
	}
	out := make([]Alternate, 0, len(r.whole.Config.Languages))
	for i, l := range r.whole.Config.Languages {
		lr := r.langs[l]
		if lr == nil {
			continue
		}
		a := Alternate{Lang: l, Name: autonym(l), Current: lr == r, Default: i == 0}
		if lr.pages().has[path] {
			a.URL, a.AbsURL = lr.urls.Rel(path), lr.urls.Abs(path)
		} else {
			a.URL, a.AbsURL, a.Home = lr.urls.Rel(""), lr.urls.Abs(""), true
		}
		out = append(out, a)
	}
	return out
}

// alternateLangs are the languages of the alternates of the page at
// path, for page IDs.
func (r *Renderer) alternateLangs(path string) string {
	var b strings.Builder
	for _, a := range r.alternates(path) {
		b.WriteString(a.Lang)
		b.WriteByte(' ')
	}
	return b.String()
}

// claimLink links to a claim's page in its own language: a claim of the
// site's language at claims/ID/, a translation into LANG (a claim of
// site.Site.InLanguage's) at LANG/claims/ID/.
func (r *Renderer) claimLink(c *site.Claim) string {
	u := r.urls
	u.Lang = ""
	if c.Lang != "" && c.Lang != r.whole.Config.Language {
		u.Lang = c.Lang + "/"
	}
	return u.relPage("claims/", c.ID)
}

// autonym is a language's name in that language, with a capital first
// letter as it starts a link of its own: "English", "Español",
// "Português", "العربية", "中文". A tag that golang.org/x/text cannot
// name is returned as it is.
func autonym(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	name := display.Self.Name(t)
	if name == "" {
		return tag
	}
	first, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(first)) + name[n:]
}
