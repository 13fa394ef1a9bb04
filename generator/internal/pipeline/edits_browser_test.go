package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/browsertest"
)

// TestQuoteEditsInBrowser opens the basic test site in Chromium. On the
// claim page, a quote's gap shows the words it left out, visibly and in
// the text a screen reader reads. On the source page, the link "see it in
// the source" marks every piece of the quoted passage (underlined, its
// blocks with a bar beside them), the words the
// gap left out included, and scrolls it into view.
func TestQuoteEditsInBrowser(t *testing.T) {
	ctx := browsertest.New(t, 60*time.Second)
	base, _, rec := serveSite(t, "basic")
	watch(t, ctx, rec)

	visit(t, ctx, rec, "claim page", base+"claims/tax-doubled/")
	type shownText struct {
		Text    string
		Visible bool
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[shownText](`(() => {
		const e = document.querySelector(".qedit-src");
		if (!e) return {Text: "", Visible: false};
		const r = e.getBoundingClientRect();
		return {Text: e.closest("p").innerText, Visible: r.width > 0 && r.height > 0 && getComputedStyle(e).visibility === "visible"};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if !shown.Visible || !strings.Contains(shown.Text, `... (left out: “, as the roads office said:”) spending on roads`) {
		t.Errorf("claim page: the gap's words are not shown (visible %v): %q", shown.Visible, shown.Text)
	}

	visit(t, ctx, rec, "source page", base+"sources/budget-2023/#q-tax-doubled-3")
	// The passage is a mark, a mark with the quote of another claim
	// overlapping it, another mark, three pieces the gap left out (one
	// inside the source's own link) and the last mark.
	until(t, ctx, "source page", `document.querySelectorAll(".passage-target").length === 7`)
	type piece struct {
		Class      string
		Decoration string
		InBlock    bool
		Top        float64
	}
	pieces, err := chromedp.Run(ctx, chromedp.Evaluate[[]piece](`[...document.querySelectorAll(".passage-target")].map(e => ({
		Class: e.className, Decoration: getComputedStyle(e).textDecorationLine, InBlock: !!e.closest(".passage-block"),
		Top: e.getBoundingClientRect().top}))`))
	if err != nil {
		t.Fatal(err)
	}
	omitted := 0
	for _, p := range pieces {
		if !strings.Contains(p.Decoration, "underline") {
			t.Errorf("source page: a piece of the passage (%s) is not underlined", p.Class)
		}
		if !p.InBlock {
			t.Errorf("source page: a piece of the passage (%s) is not in a block marked with the bar", p.Class)
		}
		if p.Top < 0 {
			t.Errorf("source page: a piece of the passage (%s) is above the top of the window (%v)", p.Class, p.Top)
		}
		if strings.Contains(p.Class, "omitted") {
			omitted++
		}
	}
	if omitted != 3 {
		t.Errorf("source page: %d marked pieces left out by the gap, want 3", omitted)
	}
	// Another quote's link marks its passage only.
	nctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(nctx, chromedp.Evaluate[string](`location.hash = "#q-spending-fell-1"`)); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "source page", `document.querySelectorAll(".passage-target").length === 1 && document.querySelectorAll(".passage-block").length === 1`)
	for _, p := range rec.take() {
		t.Error(p)
	}
}
