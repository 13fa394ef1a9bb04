package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"factcheck/generator/internal/card"
	"factcheck/generator/internal/locale"
	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/search"
	"factcheck/generator/internal/site"
)

// Job renders one output file.
type Job struct {
	// Path is the file's path in the output, slash-separated:
	// "index.html", "claims/x/index.html", "feed.xml".
	Path   string
	Render func() ([]byte, error)
	// Fresh says that Render returns bytes made for this call, which
	// nothing else holds: once written they may be handed to Recycle.
	Fresh bool
	// Cached, when set, may name a file that holds what Render would
	// return (a share card in the cache), "" when there is none: a build
	// into a folder links or copies it instead of calling Render.
	Cached func() string
	// ID, when set, names what Render returns (a page's inputs, a share
	// card's cache key, an analysis chunk's claims, see search.File.Key):
	// jobs with the same ID make the same bytes, so a build that made
	// this ID at this Path before need not render or write it again.
	ID func() string
	// Expand, set instead of Render, makes a group of files whose names
	// are known only once they are made: the search index, the sitemaps.
	// Path is then the start of their paths ("search/", "sitemap"). The
	// jobs it returns hand over what it made.
	Expand func() []Job
}

// Flatten replaces each job that expands into a folder of jobs by them.
func Flatten(jobs []Job) []Job {
	var out []Job
	for _, j := range jobs {
		if j.Expand != nil {
			out = append(out, j.Expand()...)
		} else {
			out = append(out, j)
		}
	}
	return out
}

// Renderer renders the pages of one loaded site.
//
// A site in several languages (site.yaml's languages) has one Renderer
// per language: New returns the one of the site's own language, which
// makes the others, each speaking its language about the site as it is in
// that language (site.Site.InLanguage), and lists their files among its
// own (see Jobs).
type Renderer struct {
	// site is the site in the renderer's language; whole is the loaded
	// site, with every language's claims (site itself for the renderer
	// of the site's own language).
	site, whole *site.Site
	// lang is "" for the site's own language, else the language's tag,
	// whose pages are under lang + "/".
	lang string
	// others are, on the renderer of the site's own language, the
	// renderers of its other languages, in the order of languages; langs
	// has every language's renderer by tag, this one's too (nil for a
	// site in one language).
	others []*Renderer
	langs  map[string]*Renderer
	// pageList holds the paths of the pages of the renderer's language
	// (see pages), made once.
	pagesOnce sync.Once
	pageList  pageSet
	// tmpl are the templates with their functions speaking loc's
	// language; tmplErr says why they could not be made.
	tmpl    *Templates
	tmplErr error
	loc     *locale.Locale
	urls    URLs
	md      *markdown.Renderer
	// cards keeps the "claim-card" of each claim, chrome the site header,
	// footer and assets of each current path (see Page.Card and
	// Page.Chrome), each under the key of the definition that printed
	// it (Templates.key).
	cards, chrome sync.Map
	menuOnce      sync.Once
	menu          map[string]bool
	// anchors has, on the renderer of another language, the anchors of
	// the quotes each source page marks, and their words (see marked).
	anchorsOnce sync.Once
	anchors     map[*site.Source]map[string]string
	// sizes holds the largest page of each template so far.
	sizes map[string]*atomic.Int64
	// claimSums has the digest of each claim for page IDs (claimSum).
	claimSums     map[*site.Claim][16]byte
	claimSumsOnce sync.Once
	// quoteMarks are the language's quotation marks (quotes).
	quoteMarks [2]string
	// Dev is set by the dev server: it marks pages as a preview.
	Dev bool
	// Cards, when set, keeps the share cards drawn (claims/ID/card.png)
	// from one build to the next; without it every card is drawn.
	Cards *card.Cache
	// Terms, when set, keeps the search index's term blocks from one
	// build to the next (search.Cache).
	Terms *search.Cache
	// Inputs, when set, is the fingerprint of what every page is made
	// from besides the claims and sources: the pages of claims, sources
	// and listings then get IDs (see ids.go).
	Inputs string
	// Assets has the version of each script and style sheet by output
	// path (AssetVersions), which Page.URL adds to links to it.
	Assets map[string]string
}

// AssetVersions is the version of each script and style sheet (.js,
// .css) among static, the static files' jobs, and of the generated
// assets/chroma.css: the first 10 hex digits of the SHA-256 of its
// bytes. A page links to it with its version (?v=…), so that a browser
// that cached an earlier copy, which it may keep for minutes (GitHub
// Pages allows ten), fetches the one the page was made with.
func AssetVersions(static []Job) (map[string]string, error) {
	versions := map[string]string{}
	version := func(b []byte) string {
		sum := sha256.Sum256(b)
		return hex.EncodeToString(sum[:5])
	}
	for _, j := range static {
		if !strings.HasSuffix(j.Path, ".js") && !strings.HasSuffix(j.Path, ".css") {
			continue
		}
		b, err := j.Render()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.Path, err)
		}
		versions[j.Path] = version(b)
	}
	versions["assets/chroma.css"] = version(markdown.CodeCSS())
	return versions, nil
}

// New returns a renderer for s with templates t, speaking the site's
// language (s.Config.Locale). For a site in several languages it makes
// the renderers of the other languages too, each with its own clone of
// t's template sets bound to its language: New must be called before any
// page of t is rendered.
func New(s *site.Site, t *Templates) *Renderer {
	r := newRenderer(s, s, "", t)
	if len(s.Config.Languages) > 1 {
		r.langs = map[string]*Renderer{s.Config.Language: r}
		for _, l := range s.Config.Languages[1:] {
			o := newRenderer(s.InLanguage(l), s, l, t)
			o.langs = r.langs
			r.others = append(r.others, o)
			r.langs[l] = o
		}
	}
	return r
}

// newRenderer returns the renderer of one language: s is the site in
// that language, whole the loaded site, lang "" for the site's own
// language.
func newRenderer(s, whole *site.Site, lang string, t *Templates) *Renderer {
	loc := s.Config.Locale
	if loc == nil {
		loc, _ = locale.New(s.Config.Language, nil)
	}
	if loc == nil {
		loc, _ = locale.New("en", nil)
	}
	r := &Renderer{site: s, whole: whole, lang: lang, loc: loc, urls: NewURLs(s.Config.BaseURL), sizes: map[string]*atomic.Int64{}}
	r.quoteMarks = r.quotes()
	if lang != "" {
		r.urls.Lang = lang + "/"
		r.urls.Pages = map[string]bool{}
		for _, pg := range s.Pages {
			if pg.Lang == lang {
				r.urls.Pages[pagePath(pg.ID)] = true
			}
		}
	}
	r.tmpl = t
	if t != nil {
		if b, err := t.bind(loc); err != nil {
			r.tmplErr = err
		} else {
			r.tmpl = b
		}
	}
	for _, name := range pageTemplates {
		r.sizes[name] = new(atomic.Int64)
	}
	r.md = markdown.NewRenderer(r, s.Config.UnsafeHTML)
	return r
}

// Ref implements markdown.Links.
func (r *Renderer) Ref(id string) (href, title string, ok bool) {
	s := r.site
	if c := s.Claim[id]; c != nil {
		return r.claimLink(c), claimReviewed(c), true
	}
	// A claim not translated into the page's language is linked to in
	// the site's own language.
	if c := r.whole.Claim[id]; c != nil {
		return r.claimLink(c), claimReviewed(c), true
	}
	if src := s.Source[id]; src != nil {
		return r.urls.relPage("sources/", id), src.Title, true
	}
	if p := s.Page[id]; p != nil {
		return r.urls.relPage("", id), p.Title, true
	}
	return "", "", false
}

// QuoteHrefs implements markdown.Links.
func (r *Renderer) QuoteHrefs(q *markdown.Quote) (anchor, original string) {
	src := r.site.Source[q.Citation.SourceID]
	if src == nil {
		return "", ""
	}
	if q.Check.Anchor != "" {
		anchor = r.urls.relPage("sources/", src.ID)
		if r.lang == "" || r.marked(src, q) {
			anchor += "#" + q.Check.Anchor
		}
	}
	return anchor, originalLink(src, q)
}

// marked reports whether the source page marks the quote q of a
// translation under its anchor. The source page marks the quotes of the
// claims and pages in the site's own language only, and a translation's
// quote takes the anchor of the quote at its place in the original
// (q-ID-N): that one must be there, and be the same words, else the link
// goes to the source page without a fragment rather than to another
// passage or to none.
func (r *Renderer) marked(src *site.Source, q *markdown.Quote) bool {
	r.anchorsOnce.Do(func() {
		r.anchors = map[*site.Source]map[string]string{}
		for _, s := range r.site.Sources {
			for _, h := range s.Highlights {
				if h.First {
					if r.anchors[s] == nil {
						r.anchors[s] = map[string]string{}
					}
					r.anchors[s][h.Quote.Check.Anchor] = h.Quote.Text
				}
			}
		}
	})
	text, ok := r.anchors[src][q.Check.Anchor]
	return ok && text == q.Text
}

// originalLink links to a quote in the original document: the moment of
// the recording for an "at 1:23" locator checked against captions, a PDF
// page for a "p. N" locator (PDF viewers ignore text fragments), else a
// text fragment.
func originalLink(src *site.Source, q *markdown.Quote) string {
	if src.URL == "" {
		return ""
	}
	if at, ok := src.QuoteTime(q); ok {
		return timeLink(src.URL, at)
	}
	base, _, _ := strings.Cut(src.URL, "#")
	if isPDF(base) {
		if first, _, ok := q.Citation.Pages(); ok {
			return base + "#page=" + strconv.Itoa(first)
		}
		return src.URL
	}
	if q.Check.Fragment == "" {
		return src.URL
	}
	return base + "#" + q.Check.Fragment
}

func isPDF(u string) bool {
	u, _, _ = strings.Cut(u, "?")
	return strings.HasSuffix(strings.ToLower(u), ".pdf")
}

// markdownHTML renders a parsed body.
func (r *Renderer) markdownHTML(doc *markdown.Doc) (template.HTML, error) {
	var b htmlBuilder
	b.Grow(doc.SizeHint())
	if err := r.md.Render(&b, doc); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// htmlBuilder is a strings.Builder that goldmark writes into directly: as
// a goldmark util.BufWriter, it is not wrapped in a bufio.Writer that would
// copy everything once more.
type htmlBuilder struct{ strings.Builder }

func (b *htmlBuilder) Available() int { return b.Cap() - b.Len() }
func (b *htmlBuilder) Buffered() int  { return 0 }
func (b *htmlBuilder) Flush() error   { return nil }

// Jobs lists every output file of the site: those of the site's own
// language, then, for a site in several languages, those of each other
// language LANG, under LANG/ (their paths are the output's). The
// renderers of the other languages take Dev, Cards, Terms, Inputs and
// Assets from r.
func (r *Renderer) Jobs() []Job {
	for _, o := range r.others {
		o.Dev, o.Cards, o.Terms, o.Inputs, o.Assets = r.Dev, r.Cards, r.Terms, r.Inputs, r.Assets
	}
	jobs, _ := r.ownJobs()
	out := append([]Job{{Path: "sitemap", Expand: func() []Job {
		var out []Job
		for name, b := range r.sitemaps() {
			out = append(out, Job{Path: name, Render: func() ([]byte, error) { return b, nil }})
		}
		return out
	}}}, jobs...)
	for _, o := range r.others {
		js, _ := o.ownJobs()
		out = append(out, underLang(o.lang, js)...)
	}
	return out
}

// underLang moves jobs of a language's renderer under its folder, lang/.
func underLang(lang string, jobs []Job) []Job {
	for i := range jobs {
		jobs[i].Path = lang + "/" + jobs[i].Path
		if expand := jobs[i].Expand; expand != nil {
			jobs[i].Expand = func() []Job { return underLang(lang, expand()) }
		}
	}
	return jobs
}

// ownJobs lists the files of the renderer's language, at paths within
// its folder, and the paths of its HTML pages (but redirects) in the
// order of the site's listings. The renderer of the site's own language
// adds the files that are its only (see localized); the sitemap is Jobs'.
func (r *Renderer) ownJobs() (_ []Job, pagePaths []string) {
	s := r.site
	own := r.lang == ""
	jobs := make([]Job, 0, len(s.Claims)+len(s.Sources)+64)
	// whole are the indexes in jobs of the pages that list the whole site
	// (sources, corrections …), slower than the rest: they run first, see
	// below.
	var whole []int
	add := func(path string, f func() ([]byte, error)) {
		jobs = append(jobs, Job{Path: path, Render: f})
	}
	pageJob := func(path, tmpl string, data func() (*Page, error)) Job {
		return Job{Path: path + "index.html", Fresh: true, Render: func() ([]byte, error) {
			p, err := data()
			if err != nil {
				return nil, err
			}
			p.Path = path
			return r.execute(tmpl, p)
		}}
	}
	page := func(path, tmpl string, data func() (*Page, error)) {
		jobs = append(jobs, pageJob(path, tmpl, data))
	}
	wholePage := func(path, tmpl string, data func() (*Page, error)) {
		whole = append(whole, len(jobs))
		page(path, tmpl, data)
	}
	// onePage adds the page of a claim or source, in two allocations
	// where page takes four (there are many of them).
	onePage := func(dir, id, tmpl string, data func() (*Page, error), pageID func() string) {
		path := dir + id + "/index.html"
		j := Job{Path: path, Fresh: true, Render: func() ([]byte, error) {
			p, err := data()
			if err != nil {
				return nil, err
			}
			p.Path = path[:len(path)-len("index.html")]
			return r.execute(tmpl, p)
		}}
		if r.pageIDs(tmpl) {
			j.ID = pageID
		}
		jobs = append(jobs, j)
	}
	wholePage("", "home.html", r.home)
	// paged adds the pages of a listing of claims, page_size a page.
	paged := func(dir, tmpl string, claims []*site.Claim, data func() *Page) {
		total := r.listPages(len(claims))
		for n := 1; n <= total; n++ {
			j := pageJob(listPath(dir, n), tmpl, func() (*Page, error) {
				p := data()
				r.paginate(p, dir, claims, n, total)
				return p, nil
			})
			if r.pageIDs(tmpl) {
				j.ID = func() string {
					p := data()
					head := p.Title + "\x00" + p.GroupKind + "\x00" + p.Description
					if g := p.Group; g != nil {
						head += "\x00" + g.Name.Name + "\x00" + g.URL + "\x00" + strconv.FormatBool(g.Person)
					}
					return r.listID(tmpl, listPath(dir, n), head, claims, n, total)
				}
			}
			jobs = append(jobs, j)
		}
	}
	paged("claims/", "claims.html", s.Claims, func() *Page {
		return r.newPage(r.t("All fact-checks"), r.t("Every fact-check, newest first."))
	})
	for _, c := range s.Claims {
		onePage("claims/", c.ID, "claim.html", func() (*Page, error) { return r.claim(c) }, func() string { return r.claimID(c) })
		jobs = append(jobs, Job{Path: cardPath(c.ID), Render: func() ([]byte, error) { return r.cardPNG(c) }, Cached: func() string { return r.cardFile(c) }, ID: func() string { return r.cardKey(c) }})
		for _, a := range c.Aliases {
			if s.Aliases[a] == c {
				add(claimPath(a)+"index.html", func() ([]byte, error) { return r.alias(a, c) })
			}
		}
	}
	if own {
		wholePage("sources/", "sources.html", func() (*Page, error) { return r.sources(), nil })
		for _, src := range s.Sources {
			onePage("sources/", src.ID, "source.html", func() (*Page, error) { return r.source(src) }, func() string { return r.sourceID(src) })
		}
	}
	wholePage("ratings/", "ratings.html", func() (*Page, error) { return r.ratings(), nil })
	for _, rt := range s.Config.Ratings {
		paged(ratingPath(rt.ID), "rating.html", s.ByRating[rt.ID], func() *Page { return r.rating(rt) })
	}
	wholePage("topics/", "groups.html", func() (*Page, error) { return r.groups("Topics", s.Topics, topicPath), nil })
	for _, g := range s.Topics {
		paged(topicPath(g.ID), "group.html", g.Claims, func() *Page { return r.group("Topic", g) })
	}
	wholePage("claimants/", "groups.html", func() (*Page, error) { return r.groups("Claimants", s.Claimants, claimantPath), nil })
	for _, g := range s.Claimants {
		paged(claimantPath(g.ID), "group.html", g.Claims, func() *Page { return r.group("Claimant", g) })
	}
	wholePage("authors/", "groups.html", func() (*Page, error) { return r.groups("Authors", s.Authors, authorPath), nil })
	for _, g := range s.Authors {
		paged(authorPath(g.ID), "group.html", g.Claims, func() *Page { return r.group("Author", g) })
	}
	// The free pages in the renderer's language: another language's
	// menu may list pages of the site's own, which are rendered there.
	for _, p := range s.Pages {
		if p.Lang == r.lang {
			page(pagePath(p.ID), "page.html", func() (*Page, error) { return r.freePage(p) })
		}
	}
	wholePage("corrections/", "corrections.html", func() (*Page, error) { return r.corrections(), nil })
	wholePage("search/", "search.html", func() (*Page, error) { return r.search(), nil })
	if own {
		add("404.html", func() ([]byte, error) {
			return r.execute("404.html", r.newPage(r.t("Page not found"), ""))
		})
	}
	pagePaths = make([]string, 0, len(jobs))
	for _, j := range jobs {
		if strings.HasSuffix(j.Path, "index.html") && !r.isAlias(j.Path) {
			pagePaths = append(pagePaths, strings.TrimSuffix(j.Path, "index.html"))
		}
	}
	// The jobs that read the whole site (the search index, claims.json,
	// the feed, the sitemaps, then the pages that list it all) take
	// longest: listed first, they run beside the many small pages instead
	// of after them.
	long := []Job{{Path: "search/", Expand: func() []Job {
		var out []Job
		for _, f := range search.Index(r.site, search.Links{Claims: r.urls.Rel("claims/"), Ratings: r.urls.Rel("ratings/"), Claimants: r.urls.Rel("claimants/")}, r.Terms) {
			j := Job{Path: f.Path, Render: func() ([]byte, error) { return f.Data, nil }}
			if f.Make != nil {
				j.Render = func() ([]byte, error) { return f.Make(), nil }
				if r.Inputs != "" {
					j.ID = func() string { return r.searchID(f) }
				}
			}
			out = append(out, j)
		}
		return out
	}}}
	long = append(long, r.dataJobs()...)
	long = slices.Grow(long, len(jobs))
	for _, i := range whole {
		long = append(long, jobs[i])
	}
	for i, j := range jobs {
		if len(whole) > 0 && i == whole[0] {
			whole = whole[1:]
			continue
		}
		long = append(long, j)
	}
	return long, pagePaths
}

// isAlias reports whether an output path is an alias's redirect page.
func (r *Renderer) isAlias(p string) bool {
	if len(r.site.Aliases) == 0 {
		return false
	}
	id, ok := strings.CutPrefix(strings.TrimSuffix(p, "/index.html"), "claims/")
	return ok && r.site.Aliases[id] != nil
}

// listPages is the number of pages a listing of n claims takes.
func (r *Renderer) listPages(n int) int {
	size := r.site.Config.PageSize
	return max(1, (n+size-1)/size)
}

func (r *Renderer) execute(name string, p *Page) ([]byte, error) {
	if r.tmplErr != nil {
		return nil, r.tmplErr
	}
	t := r.tmpl.page[name]
	if t == nil {
		return nil, fmt.Errorf("no template %q", name)
	}
	// Pages of one kind have about the same size: start each with room
	// for the largest so far, rather than growing the buffer page by page.
	size := r.sizes[name]
	b := bytes.NewBuffer(pageBuffer())
	b.Grow(int(max(4<<10, size.Load())))
	p.tmpl = name
	if err := t.ExecuteTemplate(b, "base.html", p); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	if n := int64(b.Len()); n > size.Load() {
		size.Store(n)
	}
	return b.Bytes(), nil
}

// pages holds the buffers of pages that were written out (see Recycle).
var pages sync.Pool

// Recycle hands back the bytes of a Fresh job once they are written and
// nothing holds them any more: the next page is rendered into them. A
// build that writes many thousand pages makes far less garbage this way.
func Recycle(b []byte) {
	if cap(b) <= 1<<20 {
		b = b[:0]
		pages.Put(&b)
	}
}

// pageBuffer returns an empty buffer from Recycle, or nil.
func pageBuffer() []byte {
	if b, ok := pages.Get().(*[]byte); ok {
		return *b
	}
	return nil
}

// executeAlone runs a template that does not use the base layout.
func (r *Renderer) executeAlone(name string, p *Page) ([]byte, error) {
	if r.tmplErr != nil {
		return nil, r.tmplErr
	}
	var b bytes.Buffer
	p.tmpl = name
	if err := r.tmpl.page[name].ExecuteTemplate(&b, name, p); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return b.Bytes(), nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// t prints message key with args in the site's language, as plain text.
func (r *Renderer) t(key string, args ...any) string { return r.loc.String(key, args...) }

// Text implements markdown.Texts: the words around quotes in a claim's
// body speak the site's language.
func (r *Renderer) Text(key string, args ...any) string { return r.t(key, args...) }
