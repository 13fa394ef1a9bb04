package main

import (
	"strconv"
	"strings"

	"factcheck/generator/internal/synth"
)

// hugoFiles renders the same claims and sources as a plain Hugo site with a
// minimal theme: one page per claim and source, paginated lists of 50, and
// taxonomies for topics, claimants and ratings (as our generator has pages
// for each). Citations and cross-links stay as plain text. The claims'
// front matter is written in the given shape.
func hugoFiles(s *synth.Site, shape synth.Shape) map[string][]byte {
	files := map[string][]byte{
		"hugo.toml": []byte(`baseURL = "https://example.org/"
title = "Synthetic Fact Checks"
languageCode = "en"

[taxonomies]
  topic = "topics"
  claimant = "claimants"
  rating = "ratings"

# One feed of the latest 50, like our generator's, rather than full feeds.
[services.rss]
  limit = 50
`),
		"layouts/_default/baseof.html": []byte(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`),
		"layouts/_default/single.html": []byte(`{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }}{{ with .Params.claimant }} · {{ . }}{{ end }}{{ with .Params.rating }} · {{ . }}{{ end }}</p>
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .GetTerms "topics" }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
</article>
{{ end }}
`),
		"layouts/_default/list.html": []byte(`{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pages := .Pages }}
{{ if .IsHome }}{{ $pages = .Site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages 50 }}
<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ .Date.Format "2006-01-02" }}</li>
{{ end }}</ul>
{{ with $pager.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
{{ end }}
`),
		"content/about.md": []byte(s.AboutBody("---\ntitle: About\n---\n")),
	}
	for _, src := range s.Sources {
		var b strings.Builder
		b.WriteString("---\n")
		b.WriteString("title: " + strconv.Quote(src.Title) + "\n")
		b.WriteString("date: " + src.Published + "\n")
		b.WriteString("publisher: " + strconv.Quote(src.Publisher) + "\n")
		b.WriteString("source_url: " + strconv.Quote(src.URL) + "\n") // "url" would set the page's URL in Hugo
		b.WriteString("kind: " + src.Kind + "\n")
		b.WriteString("---\n")
		b.WriteString(src.Body)
		files["content/sources/"+src.ID+".md"] = []byte(b.String())
	}
	for i, c := range s.Claims {
		var b strings.Builder
		b.WriteString("---\n")
		b.WriteString("title: " + strconv.Quote(c.Claim) + "\n")
		b.WriteString("date: " + c.Published + "\n")
		if c.Updated != "" {
			b.WriteString("lastmod: " + c.Updated + "\n")
		}
		// Our front matter, as Hugo params (its keys do not clash with Hugo's).
		b.WriteString(s.ClaimFrontMatter(i, shape))
		b.WriteString("claimants: [" + strconv.Quote(c.Claimant) + "]\n")
		b.WriteString("ratings: [" + strconv.Quote(c.Rating) + "]\n")
		b.WriteString("---\n")
		b.WriteString(c.Body)
		files["content/claims/"+c.ID+".md"] = []byte(b.String())
	}
	return files
}
