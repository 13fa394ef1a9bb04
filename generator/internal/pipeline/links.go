package pipeline

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"factcheck/generator/internal/urlscheme"

	"golang.org/x/net/html"
)

// BrokenLinks checks that every internal link of a rendered site leads to
// one of its files, and every #fragment to an id on that page. files maps
// output paths to contents; baseURL is the site's base URL. Links that
// leave the base path are broken too: on a site published under a
// sub-path they would lead out of it, and so are links with a scheme that
// package urlscheme does not allow. It returns one line per problem.
func BrokenLinks(files map[string][]byte, baseURL string) []string {
	base, _ := url.Parse(baseURL)
	ids := map[string]map[string]bool{}
	links := map[string][]string{}
	for p, b := range files {
		if strings.HasSuffix(p, ".html") {
			ids[p], links[p] = scanHTML(b)
		}
	}
	var problems []string
	for p, hrefs := range links {
		pageURL := base.ResolveReference(&url.URL{Path: strings.TrimSuffix(p, "index.html")})
		for _, h := range hrefs {
			if msg := checkLink(files, ids, base, pageURL, h); msg != "" {
				problems = append(problems, fmt.Sprintf("%s: %s: %s", p, h, msg))
			}
		}
	}
	sort.Strings(problems)
	return problems
}

func checkLink(files map[string][]byte, ids map[string]map[string]bool, base, page *url.URL, href string) string {
	if !urlscheme.Allowed(href) {
		return "link with scheme " + urlscheme.Of(href)
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return "not a URL"
	}
	if u.Scheme == "mailto" {
		return ""
	}
	target := page.ResolveReference(u)
	if base.Host != "" && target.Host != base.Host {
		return "" // another site
	}
	if base.Host == "" && u.Host != "" {
		return "" // absolute link elsewhere, on a site without an origin
	}
	if !strings.HasPrefix(target.Path, base.Path) {
		if u.Scheme != "" {
			return "" // a written-out URL to another part of the same host
		}
		return "leaves the base path " + base.Path
	}
	file := strings.TrimPrefix(target.Path, base.Path)
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	file = path.Clean(file)
	if _, ok := files[file]; !ok {
		return "no such file " + file
	}
	if frag := target.Fragment; frag != "" && !strings.HasPrefix(frag, ":~:") && strings.HasSuffix(file, ".html") {
		if !ids[file][frag] {
			return "no id " + frag + " in " + file
		}
	}
	return ""
}

// scanHTML returns the ids of a page and the URLs it links to.
func scanHTML(b []byte) (map[string]bool, []string) {
	ids := map[string]bool{}
	var links []string
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ids, links
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		t := z.Token()
		for _, a := range t.Attr {
			switch {
			case a.Key == "id":
				ids[a.Val] = true
			case a.Key == "href" && t.Data != "base", a.Key == "src", a.Key == "action":
				links = append(links, a.Val)
			}
		}
	}
}
