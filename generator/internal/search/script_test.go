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

// TestSearchJS runs search.js in Chromium on a small site whose texts try
// to inject markup and use several scripts: words match across case and
// diacritics as the Go index splits them, and index text is never markup.
func TestSearchJS(t *testing.T) {
	ctx := headlessBrowser(t)
	claim := func(claim, claimant, rating, summary, published string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nclaim: '" + claim + "'\nclaimant: '" + claimant +
			"'\nclaim_date: 2020-01-01\nrating: " + rating + "\nsummary: '" + summary +
			"'\npublished: " + published + "\n---\nBody.\n")}
	}
	s, files := buildSearch(t, fstest.MapFS{
		"content/site.yaml": {Data: []byte("title: T\n")},
		"content/claims/xss.md": claim(`<img src=x onerror="window.pwned=1"> L’Élysée a signé.`, "Émile Zola", "false",
			`<script>window.pwned=2</script> & "quoted"`, "2023-01-01"),
		"content/claims/greek.md": claim("Ο ΟΔΥΣΣΕΥΣ έφυγε.", "Ομηρος", "accurate", "Ναι.", "2022-01-01"),
		"content/claims/tokyo.md": claim("東京都の選挙は延期された。", "Social media posts", "misleading", "いいえ。", "2021-01-01"),
	})
	srv := serveSearch(t, s, files)
	type shown struct {
		Status  string
		Claims  []string
		Summary []string
		Markup  int
		Pwned   bool
	}
	search := func(params url.Values) shown {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Navigate(srv+"/search/?"+params.Encode())); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Poll[shown](`document.getElementById("search-status").textContent && {
			Status: document.getElementById("search-status").textContent,
			Claims: [...document.querySelectorAll("#search-results .card-claim a")].map(a => a.textContent),
			Summary: [...document.querySelectorAll("#search-results .card-summary")].map(a => a.textContent),
			Markup: document.querySelectorAll("#search-results img, #search-results script").length,
			Pwned: "pwned" in window,
		}`, chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Fatalf("%v: %v", params, err)
		}
		if got.Markup > 0 || got.Pwned {
			t.Errorf("%v: index text became markup: %+v", params, got)
		}
		return got
	}
	xss := `<img src=x onerror="window.pwned=1"> L’Élysée a signé.`
	for _, tc := range []struct {
		params url.Values
		want   []string
	}{
		{url.Values{"q": {"ELYSEE signe"}}, []string{xss}},
		{url.Values{"q": {"img onerror"}}, []string{xss}},
		{url.Values{"q": {"script"}}, []string{xss}},
		{url.Values{"q": {"ély"}}, []string{xss}},
		{url.Values{"claimant": {"émile-zola"}}, []string{xss}},
		{url.Values{"q": {"οδυσσευς"}}, []string{"Ο ΟΔΥΣΣΕΥΣ έφυγε."}},
		{url.Values{"q": {"Οδυσσεύς"}}, []string{"Ο ΟΔΥΣΣΕΥΣ έφυγε."}},
		{url.Values{"q": {"東京都の選挙"}}, []string{"東京都の選挙は延期された。"}},
		{url.Values{"q": {"選挙"}}, []string{"東京都の選挙は延期された。"}},
		{url.Values{"q": {"京の選"}}, nil},                     // 京 and の are not side by side
		{url.Values{"q": {"延"}}, []string{"東京都の選挙は延期された。"}}, // a lone character: the pairs it begins
		{url.Values{"q": {"media"}, "rating": {"misleading"}}, []string{"東京都の選挙は延期された。"}},
		{url.Values{"q": {"media"}, "rating": {"false"}}, nil},
	} {
		got := search(tc.params)
		if !slices.Equal(got.Claims, tc.want) {
			t.Errorf("%v: shows %q (%s), want %q", tc.params, got.Claims, got.Status, tc.want)
		}
		if len(tc.want) == 0 && !strings.HasPrefix(got.Status, "No fact-checks match") {
			t.Errorf("%v: status %q", tc.params, got.Status)
		}
	}
	if got := search(url.Values{"q": {"script"}}); len(got.Summary) != 1 || got.Summary[0] != `<script>window.pwned=2</script> & "quoted"` {
		t.Errorf("summary shown as %q", got.Summary)
	}
}
