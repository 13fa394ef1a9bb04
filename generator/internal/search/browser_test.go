package search_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"factcheck/generator/internal/pipeline"
)

// serveSub builds the example site under http://127.0.0.1:PORT/sub/ and
// serves it there. Requests outside /sub/ fail the test: every link and
// fetch must stay under the base path.
func serveSub(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("http://%s/sub/", ln.Addr())
	out := filepath.Join(t.TempDir(), "public")
	if _, diags, err := pipeline.Write(pipeline.Options{Src: "../../..", BaseURL: base}, out); err != nil {
		ln.Close()
		t.Fatalf("build: %v\n%v", err, diags)
	}
	files := http.StripPrefix("/sub", http.FileServer(http.Dir(out)))
	var mu sync.Mutex
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/sub/") && r.URL.Path != "/favicon.ico" {
			mu.Lock()
			t.Errorf("request outside the base path: %s", r.URL)
			mu.Unlock()
		}
		files.ServeHTTP(w, r)
	}))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return base
}

type card struct {
	Claim, Href, Badge, Rating string
}

const readCards = `[...document.querySelectorAll("#search-results > li.claim-card")].map(li => ({
	Claim: li.querySelector(".card-claim a").textContent,
	Href: li.querySelector(".card-claim a").getAttribute("href"),
	Badge: li.querySelector(".badge").textContent,
	Rating: li.querySelector(".badge").className,
}))`

// run runs one action, failing the test on an error.
func run[T any](ctx context.Context, t *testing.T, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func do(ctx context.Context, t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// waitCards waits until the result list satisfies ok and returns it.
func waitCards(ctx context.Context, t *testing.T, what string, ok func([]card) bool) []card {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		cards := run(ctx, t, chromedp.Evaluate[[]card](readCards))
		if ok(cards) {
			return cards
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: results never came; last %+v, status %q", what, cards, status(ctx, t))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func status(ctx context.Context, t *testing.T) string {
	return run(ctx, t, chromedp.Evaluate[string](`document.getElementById("search-status").textContent`))
}

func TestSearchInBrowser(t *testing.T) {
	ctx := headlessBrowser(t)
	base := serveSub(t)
	path := base[strings.Index(base, "/sub/"):]

	var mu sync.Mutex
	var jsErrors []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			// Without a <link rel="icon">, browsers ask for /favicon.ico
			// at the root, outside the site.
			if (m.Type == chromedp.ConsoleError || m.IsException()) && !strings.HasSuffix(m.URL, "/favicon.ico") {
				mu.Lock()
				jsErrors = append(jsErrors, m.String()+" "+m.URL)
				mu.Unlock()
			}
		}
	}()

	// The form is shown once the script runs; type a word.
	do(ctx, t,
		chromedp.Navigate(base+"search/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.Click(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "Iran"))
	if run(ctx, t, chromedp.Evaluate[bool](`document.querySelector("form.search").hidden`)) {
		t.Fatal("the search form is still hidden")
	}
	iran := path + "claims/iran-covert-influence-campaign/"
	cards := waitCards(ctx, t, "typing Iran", func(cs []card) bool {
		return slices.ContainsFunc(cs, func(c card) bool { return c.Href == iran })
	})
	if len(cards) < 2 {
		t.Errorf("Iran finds %d claims, want several: %+v", len(cards), cards)
	}
	for _, c := range cards {
		if !strings.HasPrefix(c.Href, path+"claims/") || !strings.HasPrefix(c.Rating, "badge r-") || c.Badge == "" {
			t.Errorf("bad result card %+v", c)
		}
	}
	if got, want := status(ctx, t), fmt.Sprintf("%d fact-checks match “Iran”", len(cards)); !strings.Contains(got, want) {
		t.Errorf("status = %q, want %q", got, want)
	}
	if loc := run(ctx, t, chromedp.Location()); !strings.HasSuffix(loc, path+"search/?q=Iran") {
		t.Errorf("address = %s, want it to hold the query", loc)
	}

	// Pick a rating with the keyboard: the list narrows to it.
	do(ctx, t, chromedp.Focus(chromedp.ID("f-rating")), chromedp.KeyEvent(kb.ArrowDown))
	picked := run(ctx, t, chromedp.Value(chromedp.ID("f-rating")))
	how := "with the keyboard"
	if picked == "" {
		how = "by script"
		// Where the arrow opens a popup instead, choose the value directly.
		picked = "accurate"
		run(ctx, t, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("f-rating");
			s.value = "accurate"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`))
	}
	t.Logf("rating %q picked %s", picked, how)
	filtered := waitCards(ctx, t, "rating "+picked, func(cs []card) bool {
		return len(cs) > 0 && len(cs) < len(cards) && !slices.ContainsFunc(cs, func(c card) bool { return c.Rating != "badge r-"+picked })
	})
	for _, c := range filtered {
		if !slices.Contains(cards, c) {
			t.Errorf("with a rating, %+v appears, which Iran alone did not find", c)
		}
	}
	loc := run(ctx, t, chromedp.Location())
	if !strings.HasSuffix(loc, path+"search/?q=Iran&rating="+picked) {
		t.Errorf("address = %s, want it to hold the query and the rating", loc)
	}

	// The address restores the search.
	do(ctx, t, chromedp.Navigate(loc), chromedp.WaitVisible(chromedp.ID("q")))
	q := run(ctx, t, chromedp.Value(chromedp.ID("q")))
	rating := run(ctx, t, chromedp.Value(chromedp.ID("f-rating")))
	if q != "Iran" || rating != picked {
		t.Errorf("reloaded form = %q, %q; want Iran, %s", q, rating, picked)
	}
	waitCards(ctx, t, "reloaded", func(cs []card) bool { return slices.Equal(cs, filtered) })

	// A filter alone lists its claims.
	do(ctx, t, chromedp.Navigate(base+"search/?rating=misleading"), chromedp.WaitVisible(chromedp.ID("q")))
	waitCards(ctx, t, "rating misleading alone", func(cs []card) bool {
		return len(cs) > 0 && !slices.ContainsFunc(cs, func(c card) bool { return c.Rating != "badge r-misleading" })
	})

	// A word nobody used: no results, and the status says so.
	do(ctx, t,
		chromedp.Navigate(base+"search/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "zzyzx"))
	deadline := time.Now().Add(10 * time.Second)
	for !strings.HasPrefix(status(ctx, t), "No fact-checks match") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if got := status(ctx, t); !strings.HasPrefix(got, "No fact-checks match") {
		t.Errorf("status for a word nobody used = %q", got)
	}

	// Without JavaScript the form stays hidden and the page says where to
	// browse instead.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	do(ctx, t, chromedp.Navigate(base+"search/"))
	noJS := run(ctx, t, chromedp.Evaluate[[]string](`[getComputedStyle(document.querySelector("form.search")).display,
		document.querySelector("noscript") ? "noscript" : ""]`))
	if !slices.Equal(noJS, []string{"none", "noscript"}) {
		t.Errorf("without JavaScript: form display, fallback = %q, want none, noscript", noJS)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, e := range jsErrors {
		t.Errorf("JavaScript error: %s", e)
	}
}
