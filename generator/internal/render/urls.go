package render

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// URLs builds every link of a site from its base URL, so that a site
// published under a sub-path (https://org.github.io/repo/) links within it.
type URLs struct {
	// Origin is "https://host" when the base URL is absolute, else "".
	Origin string
	// Base is the base URL's path; it starts and ends with "/".
	Base string
	// Lang is "" for the pages of the site's own language, else the
	// folder of another language's pages, "es/": the paths that each
	// language has its own of (see localized) are under it.
	Lang string
	// Pages are the paths ("about/") of the free pages translated into
	// Lang, which are under its folder too; a free page without a
	// translation is linked to at the usual path, in the site's language.
	Pages map[string]bool
}

// localized reports whether an output path is one of those each of the
// site's languages has its own of, under /LANG/ for a language other than
// the first: the home page, the listings of claims, ratings, topics and
// claimants, the claims, the corrections, the search page and its index,
// the feed and claims.json, and the authors' pages. Sources, assets and
// the publishing files (sitemap.xml, robots.txt, 404.html) are the site's
// own language's only, at the usual paths, and every language links to
// them there. Free pages are under /LANG/ where translated (URLs.Pages).
func localized(p string) bool {
	seg, _, _ := strings.Cut(p, "/")
	switch seg {
	case "", "claims", "ratings", "topics", "claimants", "authors", "corrections", "search", "page", "feed.xml", "claims.json":
		return true
	}
	return false
}

// NewURLs splits a base URL such as "https://org.github.io/repo/" or "/".
func NewURLs(baseURL string) URLs {
	u, err := url.Parse(baseURL)
	if err != nil {
		return URLs{Base: "/"}
	}
	base := u.EscapedPath()
	if !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	var origin string
	if u.Scheme != "" && u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	return URLs{Origin: origin, Base: base}
}

// Rel returns the link to an output path such as "claims/x/" (no leading
// slash), under the base path.
func (u URLs) Rel(p string) string {
	p = strings.TrimPrefix(p, "/")
	if u.Lang != "" && (localized(p) || u.Pages[p]) {
		return u.Base + u.Lang + escapePath(p)
	}
	return u.Base + escapePath(p)
}

// relPage is Rel(dir + id + "/"), made at once when id needs no escapes
// (dir is one of the folders below, which need none) and the path is not
// under another language's folder (a claim's, or a translated free
// page's).
func (u URLs) relPage(dir, id string) string {
	plain := id != ""
	for i := 0; plain && i < len(id); i++ {
		plain = urlUnreserved[id[i]]
	}
	if !plain || u.Lang != "" && (dir == "claims/" || dir == "") {
		return u.Rel(dir + id + "/")
	}
	return u.Base + dir + id + "/"
}

// Abs returns the absolute URL of an output path, or "" when the site has
// no absolute base URL.
func (u URLs) Abs(p string) string {
	if u.Origin == "" {
		return ""
	}
	return u.Origin + u.Rel(p)
}

// escapePath percent-encodes what a path segment cannot hold as it is;
// ids may be in any script, which browsers show as they are.
func escapePath(p string) string {
	for i := 0; i < len(p); i++ {
		if c := p[i]; !urlUnreserved[c] && c != '/' {
			return (&url.URL{Path: p}).EscapedPath()
		}
	}
	return p // as EscapedPath returns it
}

// urlUnreserved has the bytes that are unreserved in URLs, which no
// escaping changes: letters, digits and "-._~".
var urlUnreserved = func() (unreserved [256]bool) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		unreserved[c] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || strings.IndexByte("-._~", b) >= 0
	}
	return
}()

// The output path of each kind of page, without a leading slash.
func claimPath(id string) string    { return "claims/" + id + "/" }
func sourcePath(id string) string   { return "sources/" + id + "/" }
func topicPath(id string) string    { return "topics/" + id + "/" }
func claimantPath(id string) string { return "claimants/" + id + "/" }
func authorPath(id string) string   { return "authors/" + id + "/" }
func ratingPath(id string) string   { return "ratings/" + id + "/" }
func pagePath(id string) string     { return id + "/" }

// listPath is the path of page n (from 1) of a paginated listing.
func listPath(dir string, n int) string {
	if n <= 1 {
		return dir
	}
	return dir + "page/" + itoa(n) + "/"
}

// timeLink links to a moment of a recording: YouTube starts a video at
// the query parameter t (in seconds, replacing any t already there);
// other addresses get the media fragment "#t=SECONDS", which browsers
// follow for a video or audio file. An address that does not parse is
// returned as it is.
func timeLink(rawURL string, at time.Duration) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	secs := strconv.Itoa(int(at / time.Second))
	switch strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") {
	case "youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be", "youtube-nocookie.com":
		// The other parameters are kept as they are, in their order.
		var params []string
		for _, kv := range strings.Split(u.RawQuery, "&") {
			if kv != "" && kv != "t" && !strings.HasPrefix(kv, "t=") {
				params = append(params, kv)
			}
		}
		u.RawQuery = strings.Join(append(params, "t="+secs), "&")
		u.Fragment, u.RawFragment = "", ""
		return u.String()
	}
	u.Fragment, u.RawFragment = "t="+secs, ""
	return u.String()
}
