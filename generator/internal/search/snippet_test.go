package search_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSearchSnippets runs search.js in Chromium on a site whose claims
// have the query's words in different places: a result shows its short
// form as its headline, and the words that its headline, claimant and
// summary do not show are shown marked where they are: in the whole
// claim, a topic, or a snippet of the analysis, built as text.
func TestSearchSnippets(t *testing.T) {
	ctx := headlessBrowser(t)
	long := strings.Repeat("Filler words that say nothing at all. ", 12)
	s, files := buildSearch(t, fstest.MapFS{
		"content/site.yaml": {Data: []byte("title: T\n")},
		"content/claims/short.md": {Data: []byte("---\nclaim: The harbour dredging cost the city four hundred million.\n" +
			"short: Dredging cost 400 million\nclaimant: Mayor Lee\nclaim_date: 2020-01-01\nrating: false\n" +
			"summary: It cost less.\npublished: 2024-03-01\ntopics: [Ports]\n---\nThe audit differs.\n")},
		"content/claims/topic.md": {Data: []byte("---\nclaim: Fares rose twice.\nclaimant: Bus riders\nclaim_date: 2020-01-01\n" +
			"rating: accurate\nsummary: They did.\npublished: 2024-02-01\ntopics: [Public transport]\n---\nTwice, in May and June.\n")},
		"content/claims/analysis.md": {Data: []byte("---\nclaim: Wages fell.\nclaimant: A union\nclaim_date: 2020-01-01\n" +
			"rating: misleading\nsummary: Only in one sector.\npublished: 2024-01-01\n---\n" + long +
			"The statistics office revised its series in 2023, which explains the drop. Payload: `<img src=x onerror=window.pwned=1>` here. " + long + "\n")},
	})
	srv := serveSearch(t, s, files)
	type result struct {
		Headline string
		Marked   []string // every <mark> of the card, in order
		Meta     string
		Snippets []string
	}
	type shown struct {
		Results []result
		Markup  int
		Pwned   bool
	}
	search := func(q string) []result {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Navigate(srv+"/search/?q="+url.QueryEscape(q))); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Poll[shown](`document.getElementById("search-status").textContent && {
			Results: [...document.querySelectorAll("#search-results li")].map(li => ({
				Headline: li.querySelector(".card-claim").textContent,
				Marked: [...li.querySelectorAll("mark")].map(m => m.textContent),
				Meta: li.querySelector(".card-meta").textContent,
				Snippets: [...li.querySelectorAll(".card-snippet")].map(p => p.textContent),
			})),
			Markup: document.querySelectorAll("#search-results img, #search-results script").length,
			Pwned: "pwned" in window,
		}`, chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if got.Markup > 0 || got.Pwned {
			t.Errorf("%q: index text became markup", q)
		}
		return got.Results
	}

	// A word of the headline (the short form): no snippet.
	if got := search("dredging"); len(got) != 1 || got[0].Headline != "Dredging cost 400 million" ||
		!slices.Equal(got[0].Marked, []string{"Dredging"}) || len(got[0].Snippets) != 0 {
		t.Errorf("dredging: %+v, want the short form as headline, marked, and no snippet", got)
	}
	// A word of the claim that the short form does not have: the claim.
	if got := search("harbour"); len(got) != 1 || !slices.Equal(got[0].Snippets, []string{"The harbour dredging cost the city four hundred million."}) ||
		!slices.Equal(got[0].Marked, []string{"harbour"}) {
		t.Errorf("harbour: %+v, want the whole claim as snippet, harbour marked", got)
	}
	// A topic's word: the topic, marked, in the meta line.
	if got := search("transport"); len(got) != 1 || !strings.Contains(got[0].Meta, "topic Public transport") ||
		!slices.Equal(got[0].Marked, []string{"transport"}) || len(got[0].Snippets) != 0 {
		t.Errorf("transport: %+v, want the topic in the meta line, marked", got)
	}
	// Words of the analysis, the last one a prefix being typed: a snippet
	// around the first, both marked, cut with "…" on both sides.
	got := search("statistics revis")
	if len(got) != 1 || len(got[0].Snippets) != 1 {
		t.Fatalf("statistics revis: %+v, want one result with a snippet", got)
	}
	sn := got[0].Snippets[0]
	if !strings.HasPrefix(sn, "…") || !strings.HasSuffix(sn, "…") || !strings.Contains(sn, "The statistics office revised its series") || len([]rune(sn)) > 260 {
		t.Errorf("snippet %q, want about 200 characters around the match, cut with …", sn)
	}
	if !slices.Equal(got[0].Marked, []string{"statistics", "revised"}) {
		t.Errorf("marked %q, want statistics, revised", got[0].Marked)
	}
	// Markup in the analysis is text in the snippet.
	if got := search("onerror"); len(got) != 1 || len(got[0].Snippets) != 1 || !strings.Contains(got[0].Snippets[0], "<img src=x onerror=window.pwned=1>") {
		t.Errorf("onerror: %+v, want the payload as text in the snippet", got)
	}
	// Words in both the headline and the analysis: headline marked, and
	// no snippet needed.
	if got := search("wages"); len(got) != 1 || len(got[0].Snippets) != 0 {
		t.Errorf("wages: %+v, want no snippet", got)
	}
}
