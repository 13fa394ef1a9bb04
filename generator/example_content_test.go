package main

import (
	"testing"

	"factcheck/generator/internal/pipeline"
)

// TestContent builds the example site in content/ as the publishing
// workflow does, under a sub-path, and fails on any diagnostic (errors and
// warnings alike) and on any link that leads nowhere.
func TestContent(t *testing.T) {
	const base = "https://example.github.io/repo/"
	res, diags, err := pipeline.Memory(pipeline.Options{Src: "..", BaseURL: base})
	for _, d := range diags {
		t.Error(d)
	}
	if err != nil {
		t.Fatal(err)
	}
	if res == nil {
		t.Fatal("the example site did not build")
	}
	if n := len(res.Site.Claims); n < 8 {
		t.Errorf("the example site has %d claims, want at least 8", n)
	}
	for _, p := range pipeline.BrokenLinks(res.Files, base) {
		t.Error(p)
	}
	for _, want := range []string{"index.html", "claims/index.html", "feed.xml", "sitemap.xml", "claims.json", "robots.txt", "404.html", ".nojekyll", "about/index.html", "methodology/index.html", "corrections-policy/index.html", "corrections/index.html", "search/index.html"} {
		if _, ok := res.Files[want]; !ok {
			t.Errorf("missing %s", want)
		}
	}
}
