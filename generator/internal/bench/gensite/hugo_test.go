package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"factcheck/generator/internal/synth"
	"go.yaml.in/yaml/v3"
)

// hugoKeys are the front matter keys Hugo reads itself (besides the
// taxonomies), in lower case: https://gohugo.io/content-management/front-matter/
// and the keys of its date settings (frontmatter.date and the like).
var hugoKeys = map[string]bool{
	"aliases": true, "audio": true, "build": true, "_build": true, "cascade": true, "date": true,
	"description": true, "draft": true, "expirydate": true, "unpublishdate": true, "headless": true,
	"images": true, "iscjklanguage": true, "keywords": true, "layout": true, "lastmod": true,
	"modified": true, "linktitle": true, "markup": true, "outputs": true, "publishdate": true,
	"pubdate": true, "published": true, "resources": true, "series": true, "slug": true,
	"summary": true, "title": true, "type": true, "url": true, "videos": true, "weight": true,
	"translationkey": true, "menu": true, "menus": true, "sitemap": true, "params": true,
}

// hugoKeysMeant are the Hugo keys the pages set on purpose: title and the
// dates, and two of our keys that mean to Hugo what they mean to us
// (published is the date, summary the summary).
var hugoKeysMeant = map[string]bool{"title": true, "date": true, "lastmod": true, "published": true, "summary": true}

func TestHugoFiles(t *testing.T) {
	for _, shape := range synth.Shapes {
		t.Run(shape.String(), func(t *testing.T) { testHugoFiles(t, shape) })
	}
}

func testHugoFiles(t *testing.T, shape synth.Shape) {
	site := synth.Generate(100, 1)
	files := hugoFiles(site, shape)
	pages := 0
	for name, data := range files {
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		pages++
		front, _, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		var m map[string]any
		if err := yaml.Unmarshal([]byte(front), &m); !ok || err != nil {
			t.Fatalf("%s: front matter: %v", name, err)
		}
		if m["title"] == nil || (name != "content/about.md" && m["date"] == nil) {
			t.Errorf("%s: no title or date", name)
		}
		for k := range m {
			if hugoKeys[strings.ToLower(k)] && !hugoKeysMeant[strings.ToLower(k)] {
				t.Errorf("%s: %s is a key Hugo reads itself", name, k)
			}
		}
		switch {
		case strings.HasPrefix(name, "content/claims/"):
			if q, _ := m["quoted"].([]any); len(q) != 2 || m["cites"] == nil {
				t.Errorf("%s: quoted %v, cites %v: want 2 quotes and the sources cited", name, m["quoted"], m["cites"])
			}
		case strings.HasPrefix(name, "content/sources/"):
			if m["quoted_in"] == nil {
				t.Errorf("%s: no quoted_in (every source is quoted)", name)
			}
		}
	}
	if pages != 100+10+1 {
		t.Errorf("%d content files, want 111", pages)
	}
	for _, f := range []string{
		"hugo.toml", "data/ratings.json", "data/l10n.json", "static/assets/style.css",
		"layouts/_default/baseof.html", "layouts/_default/single.html", "layouts/_default/list.html",
		"layouts/_default/terms.html", "layouts/_default/term.html", "layouts/index.html",
		"layouts/index.claimsjson.json", "layouts/claims/single.html", "layouts/claims/list.html",
		"layouts/sources/single.html", "layouts/sources/list.html", "layouts/ratings/terms.html",
		"layouts/ratings/term.html",
	} {
		if files[f] == nil {
			t.Errorf("no %s", f)
		}
	}
}

// TestHugoBuild builds a small Hugo site of each shape with hugo and checks
// that its pages have the sections fc's pages have.
func TestHugoBuild(t *testing.T) {
	if _, err := exec.LookPath("hugo"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%v: .ci/install-test-tools installs hugo", err)
		}
		t.Skipf("%v: install hugo (apt-get install -y hugo) to run this test", err)
	}
	for _, shape := range synth.Shapes {
		t.Run(shape.String(), func(t *testing.T) { testHugoBuild(t, shape) })
	}
}

func testHugoBuild(t *testing.T, shape synth.Shape) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	// 120 claims: the claims list has 3 pages of 50.
	if err := synth.WriteFiles(src, hugoFiles(synth.Generate(120, 1), shape)); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("hugo", "--quiet", "-s", src, "-d", out)
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(dir, "cache"))
	if b, err := cmd.CombinedOutput(); err != nil || len(b) > 0 {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	every := []string{
		`<meta name="description" content="`, `<link rel="canonical" href="https://example.org/`,
		`<meta property="og:title"`, `<meta name="twitter:card"`, `<link rel="stylesheet" href="/assets/style.css">`,
		`<header class="site-header">`, `<a href="/about/">About</a>`, `<footer class="site-footer">`,
	}
	for name, want := range map[string][]string{
		"claims/claim-00001/index.html": {
			`<script type="application/ld+json">{"@context":"https://schema.org","@type":"ClaimReview"`,
			`<meta name="twitter:data1" content="`,
			`<p class="kicker">Fact-check · <a href="/topics/`,
			`<p class="claim-by">Claimed by <a href="/claimants/`,
			`<span class="byline-authors">By <a href="/authors/`,
			`<section class="verdict r-`, `<svg class="meter"`, `<p class="summary">`,
			`<p class="definition"><a href="/ratings/`,
			`<section class="analysis"`, `<h2>What the sources say</h2>`,
			`<li class="quote-item" id="quote-2">`, `— <a href="/sources/source-0001/"`,
			`<section class="sources"`, `<bdi>`,
			`<section class="related"`, `<span class="badge r-`,
			`<section class="share"`, `https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fclaims%2Fclaim-00001%2F`,
			`<section class="cite"`, `Synthetic Fact Check Desk. “`,
		},
		"sources/source-0001/index.html": {
			`<article class="source"`, `<dt>Publisher</dt>`, `<div class="text">`,
			`<section class="quoted-in"`, `<li data-c="claim-00001"><a href="/claims/claim-00001/"`, `#quote-1"`,
		},
		"index.html":                       {`<ul class="rating-counts">`, `<li class="claim-card">`, `All 120 fact-checks`},
		"claims/index.html":                {`<title>All fact-checks · `, `<li class="claim-card">`, `<span>Page 1 of 3</span>`, `aria-current="page"`},
		"claims/page/3/index.html":         {`<title>All fact-checks (page 3) · `, `<a rel="prev" href="/claims/page/2/">`},
		"topics/index.html":                {`<ul class="group-list">`},
		"ratings/index.html":               {`<dl class="scale">`},
		"ratings/false/index.html":         {`<h1>Rated <span class="badge r-false"`, `<li class="claim-card">`},
		"authors/index.html":               {`<ul class="group-list">`},
		"claimants/viral-video/index.html": {`<p class="kicker">Claimant</p>`, `<li class="claim-card">`},
		"sources/index.html":               {`<ul class="source-list">`, ` · cited by `},
	} {
		page := read(name)
		for _, w := range append(want, every...) {
			if !strings.Contains(page, w) {
				t.Errorf("%s: no %s", name, w)
			}
		}
	}
	if cards := strings.Count(read("claims/index.html"), `<li class="claim-card">`); cards != 50 {
		t.Errorf("claims/index.html: %d cards, want 50", cards)
	}
	if j := read("claims.json"); !strings.HasPrefix(j, "[\n{") || strings.Count(j, `"@type": "ClaimReview"`) != 120 {
		t.Errorf("claims.json: want the 120 claims' ClaimReview: %.200s", j)
	}
}
