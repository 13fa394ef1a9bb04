package pipeline

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// buildMulti builds testdata/sites/multi.txtar (Spanish first, English
// under /sub/en/, published at https://example.org/sub/) into memory.
func buildMulti(t *testing.T) map[string][]byte {
	t.Helper()
	a, err := txtar.ParseFile("testdata/sites/multi.txtar")
	if err != nil {
		t.Fatal(err)
	}
	res, diags, err := Memory(Options{Src: extract(t, a)})
	if err != nil || diags.Errors() > 0 {
		t.Fatalf("build: %v %v", err, diags)
	}
	return res.Files
}

const multiBase = "https://example.org/sub/"

// fileOf is the output file of an absolute URL of the multi site.
func fileOf(t *testing.T, u string) string {
	t.Helper()
	p, ok := strings.CutPrefix(u, multiBase)
	if !ok {
		t.Fatalf("%s is not under %s", u, multiBase)
	}
	p, _ = url.PathUnescape(p)
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

// headLinks returns the hreflang alternates of a page's <head> (hreflang
// → href) and its canonical URL.
func headLinks(t *testing.T, page []byte) (alts map[string]string, canonical string) {
	t.Helper()
	alts = map[string]string{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return alts, canonical
		}
		tok := z.Token()
		if tok.Data != "link" {
			continue
		}
		attr := map[string]string{}
		for _, a := range tok.Attr {
			attr[a.Key] = a.Val
		}
		switch {
		case attr["rel"] == "canonical":
			canonical = attr["href"]
		case attr["rel"] == "alternate" && attr["hreflang"] != "":
			if _, dup := alts[attr["hreflang"]]; dup {
				t.Errorf("two alternates for %s", attr["hreflang"])
			}
			alts[attr["hreflang"]] = attr["href"]
		}
	}
}

// TestMultilingualAlternates checks that translations link each other:
// every alternate of a page lists the page back, with the same set of
// alternates (reciprocity, as search engines require), x-default is the
// Spanish page, and a page that exists in one language has none.
func TestMultilingualAlternates(t *testing.T) {
	files := buildMulti(t)
	withAlts := 0
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		alts, canonical := headLinks(t, b)
		if len(alts) == 0 {
			continue
		}
		withAlts++
		if len(alts) != 3 {
			t.Errorf("%s: alternates %v, want es, en and x-default", p, alts)
			continue
		}
		if alts["x-default"] != alts["es"] || strings.HasPrefix(alts["es"], multiBase+"en/") || !strings.HasPrefix(alts["en"], multiBase+"en/") {
			t.Errorf("%s: alternates %v", p, alts)
		}
		if !slices.Contains([]string{alts["es"], alts["en"]}, canonical) {
			t.Errorf("%s: its own URL %s is not among its alternates %v", p, canonical, alts)
		}
		for lang, href := range alts {
			other, ok := files[fileOf(t, href)]
			if !ok {
				t.Errorf("%s: alternate %s %s: no such page", p, lang, href)
				continue
			}
			back, _ := headLinks(t, other)
			if !maps.Equal(back, alts) {
				t.Errorf("%s: its %s alternate %s lists %v, not %v", p, lang, href, back, alts)
			}
		}
	}
	if withAlts < 20 {
		t.Errorf("%d pages have alternates, want the claims, home, listings, ratings, topics and claimants of both languages", withAlts)
	}
	for _, p := range []string{"claims/deuda/index.html", "claims/page/2/index.html", "sources/presupuesto/index.html", "metodo/index.html", "topics/deuda/index.html"} {
		if alts, _ := headLinks(t, files[p]); len(alts) > 0 {
			t.Errorf("%s exists in Spanish only, but lists alternates %v", p, alts)
		}
	}
}

// TestMultilingualSwitch checks the visible language switch: each
// translated page links to the other language's, named in that language,
// with lang and hreflang; a page that the other language does not have
// links to that language's home page.
func TestMultilingualSwitch(t *testing.T) {
	files := buildMulti(t)
	for _, tc := range []struct{ page, want string }{
		{"claims/impuestos/index.html", `<li><a href="/sub/en/claims/impuestos/" hreflang="en" lang="en" dir="ltr">English</a></li>`},
		{"en/claims/impuestos/index.html", `<li><a href="/sub/claims/impuestos/" hreflang="es" lang="es" dir="ltr">Español</a></li>`},
		{"index.html", `<li><a href="/sub/en/" hreflang="en" lang="en" dir="ltr">English</a></li>`},
		{"en/ratings/falso/index.html", `<li><a href="/sub/ratings/falso/" hreflang="es" lang="es" dir="ltr">Español</a></li>`},
		{"acerca/index.html", `<li><a href="/sub/en/acerca/" hreflang="en" lang="en" dir="ltr">English</a></li>`},
		{"en/acerca/index.html", `<li><a href="/sub/acerca/" hreflang="es" lang="es" dir="ltr">Español</a></li>`},
		{"claims/deuda/index.html", `<li><a href="/sub/en/" hreflang="en" lang="en" dir="ltr">English</a></li>`},
		{"claims/page/2/index.html", `<li><a href="/sub/en/" hreflang="en" lang="en" dir="ltr">English</a></li>`},
		{"sources/presupuesto/index.html", `<li><a href="/sub/en/" hreflang="en" lang="en" dir="ltr">English</a></li>`},
		{"metodo/index.html", `<li><a href="/sub/en/" hreflang="en" lang="en" dir="ltr">English</a></li>`},
	} {
		page := string(files[tc.page])
		nav, _, _ := strings.Cut(page[strings.Index(page, `<nav class="languages"`)+1:], "</nav>")
		if !strings.Contains(nav, tc.want) {
			t.Errorf("%s: language switch\n%s\nwant %s", tc.page, nav, tc.want)
		}
		if strings.Count(nav, "<li>") != 1 {
			t.Errorf("%s: the switch lists %d languages, want the other one", tc.page, strings.Count(nav, "<li>"))
		}
	}
	en := string(files["en/claims/impuestos/index.html"])
	for _, want := range []string{`<html lang="en" dir="ltr">`, `"inLanguage":"en"`, `>Our rating<`, `>False</span>`, `href="/sub/sources/presupuesto/#q-impuestos-1"`} {
		if !strings.Contains(en, want) {
			t.Errorf("the English claim page has no %s", want)
		}
	}
	// A cross-link to a claim not translated into English leads to its
	// Spanish page; one to a translated claim to the English one.
	for _, want := range []string{`<a href="/sub/claims/deuda/">La deuda no subió.</a>`, `<a href="/sub/en/claims/gasto/">Spending fell by half.</a>`} {
		if !strings.Contains(en, want) {
			t.Errorf("the English claim page has no %s", want)
		}
	}
}

// TestMultilingualPages checks the free pages of the multi site: acerca
// is translated into English, metodo is not. The English menu links to
// the English acerca at the Spanish page's place and to the Spanish
// metodo; the English page's cross-links lead to the English claims where
// there are some, and its quote, which the Spanish page does not have, to
// the source page without an anchor that is not there.
func TestMultilingualPages(t *testing.T) {
	files := buildMulti(t)
	menu := `<li><a href="/sub/en/acerca/">About</a></li>
<li><a href="/sub/metodo/">Método</a></li>
<li><a href="/sub/en/search/">Search</a></li>`
	for _, p := range []string{"en/index.html", "en/claims/gasto/index.html"} {
		if !strings.Contains(string(files[p]), menu) {
			t.Errorf("%s: the menu does not have\n%s", p, menu)
		}
	}
	en := string(files["en/acerca/index.html"])
	for _, want := range []string{
		`<html lang="en" dir="ltr">`,
		`<meta name="description" content="We are a fact-check desk.">`,
		`<li><a href="/sub/en/acerca/" aria-current="page">About</a></li>`,
		`<a href="/sub/en/claims/gasto/">Spending fell by half.</a>`,
		`<a href="/sub/claims/deuda/">La deuda no subió.</a>`,
		`<a href="/sub/metodo/">Método</a>`,
		`<a href="/sub/sources/presupuesto/" title="Presupuesto 2023">`,
		`<span class="qstatus verified"`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("en/acerca/index.html has no %s", want)
		}
	}
	if es := string(files["metodo/index.html"]); !strings.Contains(es, `<a href="/sub/acerca/">Acerca de</a>`) {
		t.Errorf("metodo/index.html does not link to the Spanish acerca")
	}
}

// TestMultilingualData checks that each language has its own feed,
// claims.json and search index, holding its own claims only.
func TestMultilingualData(t *testing.T) {
	files := buildMulti(t)
	for _, tc := range []struct {
		dir, lang string
		claims    []string // ids, newest first
	}{
		{"", "es", []string{"impuestos", "gasto", "deuda"}},
		{"en/", "en", []string{"impuestos", "gasto"}},
	} {
		var reviews []struct {
			URL, InLanguage string
		}
		if err := json.Unmarshal(files[tc.dir+"claims.json"], &reviews); err != nil {
			t.Fatalf("%sclaims.json: %v", tc.dir, err)
		}
		var got []string
		for _, r := range reviews {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(r.URL, multiBase+tc.dir+"claims/"), "/"))
			if r.InLanguage != tc.lang {
				t.Errorf("%sclaims.json: %s inLanguage %q, want %q", tc.dir, r.URL, r.InLanguage, tc.lang)
			}
		}
		if !slices.Equal(got, tc.claims) {
			t.Errorf("%sclaims.json: claims %v, want %v", tc.dir, got, tc.claims)
		}

		var feed struct {
			Lang    string `xml:"lang,attr"`
			Entries []struct {
				ID string `xml:"id"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(files[tc.dir+"feed.xml"], &feed); err != nil {
			t.Fatalf("%sfeed.xml: %v", tc.dir, err)
		}
		got = nil
		for _, e := range feed.Entries {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(e.ID, multiBase+tc.dir+"claims/"), "/"))
		}
		if feed.Lang != tc.lang || !slices.Equal(got, tc.claims) {
			t.Errorf("%sfeed.xml: language %q, entries %v; want %q, %v", tc.dir, feed.Lang, got, tc.lang, tc.claims)
		}

		var manifest struct {
			N int
			U map[string]string
		}
		if err := json.Unmarshal(files[tc.dir+"search/index.json"], &manifest); err != nil {
			t.Fatalf("%ssearch/index.json: %v", tc.dir, err)
		}
		if manifest.N != len(tc.claims) || manifest.U["c"] != "/sub/"+tc.dir+"claims/" {
			t.Errorf("%ssearch/index.json: %d claims linked under %s; want %d under /sub/%sclaims/", tc.dir, manifest.N, manifest.U["c"], len(tc.claims), tc.dir)
		}
	}
	meta := string(files["en/search/m/0.json"])
	if !strings.Contains(meta, "Taxes doubled last year.") || strings.Contains(meta, "Los impuestos") || strings.Contains(meta, "deuda") {
		t.Errorf("the English search index holds other claims than the English ones: %s", meta)
	}
	for _, p := range []string{"en/sources/presupuesto/index.html", "en/metodo/index.html", "en/404.html", "en/sitemap.xml", "en/robots.txt"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s is made: sources, untranslated free pages and the publishing files are the site's own language's only", p)
		}
	}
}

// TestMultilingualSitemap checks that the sitemap lists each page of both
// languages once, with its alternates where it has some.
func TestMultilingualSitemap(t *testing.T) {
	files := buildMulti(t)
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Rel      string `xml:"rel,attr"`
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	locs := map[string]map[string]string{}
	for _, u := range sm.URLs {
		if locs[u.Loc] != nil {
			t.Errorf("%s is listed twice", u.Loc)
		}
		alts := map[string]string{}
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("%s: link rel %q", u.Loc, l.Rel)
			}
			alts[l.Hreflang] = l.Href
		}
		locs[u.Loc] = alts
		if _, ok := files[fileOf(t, u.Loc)]; !ok {
			t.Errorf("%s: no such page", u.Loc)
		}
	}
	want := map[string]string{"es": multiBase + "claims/gasto/", "x-default": multiBase + "claims/gasto/", "en": multiBase + "en/claims/gasto/"}
	for _, loc := range []string{multiBase + "claims/gasto/", multiBase + "en/claims/gasto/"} {
		if !maps.Equal(locs[loc], want) {
			t.Errorf("%s: alternates %v, want %v", loc, locs[loc], want)
		}
	}
	want = map[string]string{"es": multiBase + "acerca/", "x-default": multiBase + "acerca/", "en": multiBase + "en/acerca/"}
	for _, loc := range []string{multiBase + "acerca/", multiBase + "en/acerca/"} {
		if !maps.Equal(locs[loc], want) {
			t.Errorf("%s: alternates %v, want %v", loc, locs[loc], want)
		}
	}
	for _, loc := range []string{multiBase + "claims/deuda/", multiBase + "sources/presupuesto/", multiBase + "en/topics/spending/", multiBase + "metodo/"} {
		if alts, ok := locs[loc]; !ok || len(alts) > 0 {
			t.Errorf("%s: listed %v with alternates %v, want listed with none", loc, ok, alts)
		}
	}
	n := 0
	for p := range files {
		if strings.HasSuffix(p, "index.html") {
			n++
		}
	}
	if len(locs) != n {
		t.Errorf("the sitemap lists %d pages, the site has %d", len(locs), n)
	}
}

// TestMultilingualSubPath checks that no page of either language of a site
// published under /sub/ links out of it: every link within the site
// starts /sub/ (TestSites checks that each leads to a file).
func TestMultilingualSubPath(t *testing.T) {
	files := buildMulti(t)
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		_, links := scanHTML(b)
		for _, l := range links {
			if strings.HasPrefix(l, "/") && !strings.HasPrefix(l, "/sub/") {
				t.Errorf("%s: link %s is not under /sub/", p, l)
			}
			if strings.HasPrefix(l, "/sub/en/en/") || strings.HasPrefix(l, "/sub/en/sources/") || strings.HasPrefix(l, "/sub/en/assets/") {
				t.Errorf("%s: link %s", p, l)
			}
		}
	}
	if fs := BrokenLinks(files, multiBase); len(fs) > 0 {
		t.Errorf("broken links: %v", fs)
	}
}
