package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/browsertest"
)

// TestSpanishPages opens the example site's Spanish pages in a browser,
// published under a sub-path as the Pages workflow does: a search on the
// Spanish search page finds the Spanish fact-check, with Spanish words
// and links to the Spanish pages; and the language switch of a Spanish
// fact-check leads to the English one, and back.
func TestSpanishPages(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test; skipped with -short")
	}
	browsertest.Require(t)
	base, _ := serveExample(t)
	ctx := browsertest.New(t, 2*time.Minute)

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"es/search/?q=iran"), chromedp.WaitReady(chromedp.CSS("body")),
		chromedp.Poll[chromedp.Void](`document.querySelector("#search-results li") !== null`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("es/search/?q=iran: %v", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
		lang: document.documentElement.lang,
		status: document.getElementById("search-status").textContent,
		links: [...document.querySelectorAll("#search-results .card-claim a")].map(a => [a.getAttribute("href"), a.textContent]),
	})`))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Lang, Status string
		Links        [][2]string
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatal(err)
	}
	if got.Lang != "es" || !strings.Contains(got.Status, "verificaci") {
		t.Errorf("search page: lang %q, status %q; want Spanish", got.Lang, got.Status)
	}
	found := false
	for _, l := range got.Links {
		if !strings.HasPrefix(l[0], "/sub/es/claims/") {
			t.Errorf("result %q links to %s, not to a Spanish page", l[1], l[0])
		}
		found = found || l[0] == "/sub/es/claims/iran-covert-influence-campaign/" && strings.Contains(l[1], "Irán")
	}
	if !found {
		t.Errorf("searching iran on the Spanish page did not find the Spanish fact-check on Iran: %v", got.Links)
	}

	// The switch, both ways: its link leads to the page in the other
	// language.
	for _, step := range []struct{ from, want, lang string }{
		{"es/claims/iran-covert-influence-campaign/", "/sub/claims/iran-covert-influence-campaign/", "en"},
		{"claims/iran-covert-influence-campaign/", "/sub/es/claims/iran-covert-influence-campaign/", "es"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+step.from), chromedp.WaitReady(chromedp.CSS("nav.languages a"))); err != nil {
			t.Fatalf("%s: %v", step.from, err)
		}
		href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("nav.languages a").href`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(href, step.want) {
			t.Errorf("%s: the switch links to %s, want %s", step.from, href, step.want)
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(href), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatalf("%s: %v", href, err)
		}
		lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
		if err != nil || lang != step.lang {
			t.Errorf("%s: the switch led to a page in %q (%v), want %q", step.from, lang, err, step.lang)
		}
	}
}
