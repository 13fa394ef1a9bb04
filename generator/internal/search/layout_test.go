package search_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// maxShift is the most cumulative layout shift the search page may have:
// Lighthouse calls under 0.1 good; the page aims at none.
const maxShift = 0.01

// TestSearchNoLayoutShift opens the example site's search page, with and
// without a query, at a phone's and a desktop's width, and adds up the
// layout shifts that a PerformanceObserver sees from the first paint
// until the results are shown (none of them follows input, so all of
// them count): the form must not push the page when the script shows it,
// nor the results the footer.
func TestSearchNoLayoutShift(t *testing.T) {
	ctx := headlessBrowser(t)
	base := serveSub(t)
	// The observer is installed before any of the page's own scripts.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__shifts = [];
		new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput)
			window.__shifts.push({value: e.value, nodes: e.sources.map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?").join(" ")}); })
			.observe({type: "layout-shift", buffered: true});`}); err != nil {
		t.Fatal(err)
	}
	type shift struct {
		Value float64
		Nodes string
	}
	for _, width := range []int64{360, 1280} {
		if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: width < 600}); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct{ query, ready string }{
			{"", `document.querySelector("form.search") && !document.querySelector("form.search").hidden &&
				document.readyState === "complete"`},
			{"?q=iran", `document.getElementById("search-status").textContent !== "" &&
				document.querySelector("#search-results li") !== null`},
		} {
			name := fmt.Sprintf("search/%s at %d px", tc.query, width)
			if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"search/"+tc.query)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](tc.ready, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
				t.Fatalf("%s: never ready: %v", name, err)
			}
			// Two frames after the results are in the page, their layout
			// and any shift it makes have been reported.
			shifts, err := chromedp.Run(ctx, chromedp.Evaluate[[]shift](`new Promise((done) =>
				requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(window.__shifts)))))`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			total := 0.0
			for _, s := range shifts {
				total += s.Value
			}
			t.Logf("%s: layout shift %.4f %+v", name, total, shifts)
			if total >= maxShift {
				t.Errorf("%s: cumulative layout shift %.4f, want under %.2f: %+v", name, total, maxShift, shifts)
			}
		}
	}
}
