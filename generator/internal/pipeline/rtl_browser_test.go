package pipeline

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/browsertest"
)

// TestRightToLeftInBrowser opens the Arabic site (testdata/sites/ar.txtar)
// in Chromium and checks that its layout is mirrored as a reader sees it:
// the header starts at the right, the rating badge of a card is at its
// right, the verdict's coloured edge is on its right, while a claimant's
// name written left to right keeps its own direction. The search page's
// script speaks Arabic too: its status and its dates.
func TestRightToLeftInBrowser(t *testing.T) {
	ctx := browsertest.New(t, 60*time.Second)
	base, _, rec := serveSite(t, "ar")
	watch(t, ctx, rec)

	// eval evaluates a JavaScript expression on the open page.
	eval := func(label, expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("%s: %s: %v", label, expr, err)
		}
		return v
	}
	// rect is the bounding box of the first element a selector finds.
	type box struct{ Left, Right float64 }
	rect := func(label, sel string) box {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[box](`(() => {
			const e = document.querySelector(`+quoteJS(sel)+`);
			if (!e) throw new Error("no element " + `+quoteJS(sel)+`);
			const r = e.getBoundingClientRect();
			return {Left: r.left, Right: r.right};
		})()`))
		if err != nil {
			t.Fatalf("%s: %s: %v", label, sel, err)
		}
		return v
	}

	visit(t, ctx, rec, "home", base)
	if got := eval("home", `[document.documentElement.dir, getComputedStyle(document.body).direction].join(" ")`); got != "rtl rtl" {
		t.Errorf("home: dir and direction %q, want rtl rtl", got)
	}
	width := eval("home", `document.documentElement.clientWidth`).(float64)
	// The header's first link, the site's name, is at the right; the
	// menu runs from right to left.
	if b := rect("home", ".site-header .brand"); b.Right < width*0.6 || b.Left < width/2 {
		t.Errorf("home: the site's name is at %+v in a page %v wide, want it at the right", b, width)
	}
	first, last := rect("home", ".site-header nav li:first-child a"), rect("home", ".site-header nav li:last-child a")
	if first.Left <= last.Right {
		t.Errorf("home: the menu's first link is at %+v, its last at %+v: want the first right of the last", first, last)
	}
	// A card's badge is at the right of its claim.
	if badge, claim := rect("home", ".claim-card .badge"), rect("home", ".claim-card .card-claim"); badge.Left < claim.Right {
		t.Errorf("home: a card's badge at %+v, its claim at %+v: want the badge right of the claim", badge, claim)
	}

	visit(t, ctx, rec, "claim", base+"claims/dariba/")
	if got := eval("claim", `(() => { const s = getComputedStyle(document.querySelector(".verdict"));
		return parseFloat(s.borderRightWidth) > parseFloat(s.borderLeftWidth); })()`); got != true {
		t.Errorf("claim: the verdict's wide edge is not on its right")
	}
	if got := eval("claim", `getComputedStyle(document.querySelector(".claim-by a")).direction`); got != "ltr" {
		t.Errorf("claim: the claimant John Smith is written %v, want ltr in its own isolate", got)
	}
	if got := eval("claim", `document.querySelector(".claim-by").textContent`).(string); !strings.Contains(got, "قاله") || !strings.Contains(got, "١١ مارس ٢٠٢٤") {
		t.Errorf("claim: claimed-by line %q, want it in Arabic with an Arabic date", got)
	}

	q := url.Values{"q": {"الضرائب"}}
	visit(t, ctx, rec, "search", base+"search/?"+q.Encode())
	until(t, ctx, "search", `document.querySelectorAll("#search-results .claim-card").length === 2`)
	if got := eval("search", `document.getElementById("search-status").textContent`); got != "عمليتا تحقق مطابقتان «الضرائب»." {
		t.Errorf("search: status %q, want the dual form, Arabic quotation marks and full stop", got)
	}
	if got := eval("search", `document.querySelector("#search-results .card-meta").textContent`).(string); !strings.Contains(got, "قيل في ١١ مارس ٢٠٢٤") {
		t.Errorf("search: a result's dates %q, want them in Arabic as the pages have them", got)
	}

	for _, p := range rec.take() {
		t.Error(p)
	}
}

// quoteJS writes s as a JavaScript string literal.
func quoteJS(s string) string {
	return "`" + strings.NewReplacer("\\", "\\\\", "`", "\\`", "${", "\\${").Replace(s) + "`"
}
