package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"factcheck/generator/internal/pipeline"
)

// buildExample builds content/ under a sub-path, as the Pages workflow does.
func buildExample(t *testing.T) *pipeline.Result {
	t.Helper()
	res, diags, err := pipeline.Memory(pipeline.Options{Src: "..", BaseURL: "https://example.github.io/repo/"})
	if err != nil || res == nil {
		t.Fatalf("build: %v %v", err, diags)
	}
	return res
}

// TestShareCards checks that every claim page names its share card, an
// absolute URL to a 1200×630 PNG of the output, for large link previews.
func TestShareCards(t *testing.T) {
	res := buildExample(t)
	const base = "https://example.github.io/repo/"
	for _, c := range res.Site.Claims {
		page := string(res.Files["claims/"+c.ID+"/index.html"])
		m := ogImage.FindStringSubmatch(page)
		if m == nil {
			t.Errorf("claims/%s/: no og:image", c.ID)
			continue
		}
		path, ok := strings.CutPrefix(m[1], base)
		if !ok {
			t.Errorf("claims/%s/: og:image %q is not an absolute URL of the site", c.ID, m[1])
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(res.Files[path]))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("claims/%s/: og:image %s is not a 1200×630 PNG of the output: %v", c.ID, path, err)
		}
		for _, tag := range []string{`<meta property="og:image:width" content="1200">`, `<meta property="og:image:height" content="630">`,
			`<meta property="og:image:alt" content="Rated `, `<meta name="twitter:card" content="summary_large_image">`, `<section class="share"`} {
			if !strings.Contains(page, tag) {
				t.Errorf("claims/%s/: no %s", c.ID, tag)
			}
		}
	}
}

var ogImage = regexp.MustCompile(`<meta property="og:image" content="([^"]*)">`)

var jsonLD = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// review is the part of a ClaimReview that Google's fact-check guidance
// asks for.
type review struct {
	Context       string `json:"@context"`
	Type          string `json:"@type"`
	URL           string `json:"url"`
	ClaimReviewed string `json:"claimReviewed"`
	DatePublished string `json:"datePublished"`
	Author        struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	} `json:"author"`
	ReviewRating struct {
		Type          string `json:"@type"`
		RatingValue   int    `json:"ratingValue"`
		BestRating    int    `json:"bestRating"`
		WorstRating   int    `json:"worstRating"`
		AlternateName string `json:"alternateName"`
	} `json:"reviewRating"`
	ItemReviewed struct {
		Type   string `json:"@type"`
		Author struct {
			Name string `json:"name"`
		} `json:"author"`
		DatePublished string `json:"datePublished"`
	} `json:"itemReviewed"`
}

func checkReview(t *testing.T, where string, r review) {
	t.Helper()
	switch {
	case r.Context != "https://schema.org", r.Type != "ClaimReview":
		t.Errorf("%s: @context %q @type %q", where, r.Context, r.Type)
	case !strings.HasPrefix(r.URL, "https://example.github.io/repo/claims/"):
		t.Errorf("%s: url %q is not on the site", where, r.URL)
	case r.ClaimReviewed == "", r.DatePublished == "", r.Author.Name == "", r.Author.Type != "Organization":
		t.Errorf("%s: missing claimReviewed, datePublished or author: %+v", where, r)
	case r.ReviewRating.BestRating != 5 || r.ReviewRating.WorstRating != 1 || r.ReviewRating.RatingValue < 1 || r.ReviewRating.RatingValue > 5 || r.ReviewRating.AlternateName == "":
		t.Errorf("%s: reviewRating %+v", where, r.ReviewRating)
	case r.ItemReviewed.Type != "Claim" || r.ItemReviewed.Author.Name == "" || r.ItemReviewed.DatePublished == "":
		t.Errorf("%s: itemReviewed %+v", where, r.ItemReviewed)
	}
}

func TestClaimReview(t *testing.T) {
	res := buildExample(t)
	pages := 0
	for p, b := range res.Files {
		if !strings.HasPrefix(p, "claims/") || strings.HasPrefix(p, "claims/page/") || p == "claims/index.html" || !strings.HasSuffix(p, "/index.html") {
			continue
		}
		pages++
		m := jsonLD.FindAllSubmatch(b, -1)
		if len(m) != 1 {
			t.Errorf("%s: %d JSON-LD blocks, want 1", p, len(m))
			continue
		}
		var r review
		if err := json.Unmarshal(m[0][1], &r); err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		checkReview(t, p, r)
	}
	var all []review
	if err := json.Unmarshal(res.Files["claims.json"], &all); err != nil {
		t.Fatal(err)
	}
	if len(all) != pages || len(all) != len(res.Site.Claims) {
		t.Errorf("claims.json has %d reviews for %d claim pages", len(all), pages)
	}
	for _, r := range all {
		checkReview(t, "claims.json "+r.URL, r)
	}
}

func TestFeedAndSitemap(t *testing.T) {
	res := buildExample(t)
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(res.Files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != len(res.Site.Claims) {
		t.Errorf("feed has %d entries, want %d", len(feed.Entries), len(res.Site.Claims))
	}
	for _, e := range feed.Entries {
		if !strings.HasPrefix(e.Link.Href, "https://example.github.io/repo/claims/") || e.Title == "" || e.Updated == "" {
			t.Errorf("feed entry %+v", e)
		}
	}
	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(res.Files["sitemap.xml"], &sitemap); err != nil {
		t.Fatal(err)
	}
	for _, u := range sitemap.URLs {
		p := strings.TrimPrefix(u.Loc, "https://example.github.io/repo/")
		if p == u.Loc {
			t.Errorf("sitemap URL %s is outside the site", u.Loc)
			continue
		}
		// Ids in other scripts are percent-encoded in URLs ("irán").
		if q, err := url.PathUnescape(p); err == nil {
			p = q
		}
		if _, ok := res.Files[p+"index.html"]; !ok {
			t.Errorf("sitemap URL %s has no page", u.Loc)
		}
	}
	if len(sitemap.URLs) < 20 {
		t.Errorf("sitemap has only %d URLs", len(sitemap.URLs))
	}
	if !strings.Contains(string(res.Files["robots.txt"]), "Sitemap: https://example.github.io/repo/sitemap.xml") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", res.Files["robots.txt"])
	}
}
