package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/browsertest"
	"factcheck/generator/internal/pipeline"
)

// serveExample builds the example site under a sub-path into a temporary
// folder, serves it on a local port for the test, and returns its base
// URL and the output paths of its HTML pages.
func serveExample(t *testing.T) (base string, pages []string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base = fmt.Sprintf("http://%s/sub/", ln.Addr())
	dir := filepath.Join(t.TempDir(), "public")
	if _, diags, err := pipeline.Write(pipeline.Options{Src: "..", BaseURL: base}, dir); err != nil {
		ln.Close()
		t.Fatalf("build: %v %v", err, diags)
	}
	srv := httptest.NewUnstartedServer(http.StripPrefix("/sub", http.FileServer(http.Dir(dir))))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pages = append(pages, strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return base, pages
}

// waitResults waits, on a search page with a query, until the script has
// shown its results.
func waitResults(p string) chromedp.Action[chromedp.Void] {
	if !strings.Contains(p, "?q=") {
		return chromedp.Steps()
	}
	return a11yWaitSearch(p)
}

// overflowJS measures the page: its scroll width, the viewport's width,
// and the elements that reach past the viewport's right edge (the
// outermost few), to say what is too wide.
const overflowJS = `(() => {
	const w = innerWidth, wide = [];
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (r.width > 0 && r.right > w + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > w + 0.5)) {
			wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " (" + Math.round(r.right) + "px)");
		}
	}
	return JSON.stringify({scroll: document.scrollingElement.scrollWidth, inner: w, wide: wide.slice(0, 5)});
})()`

// TestLayoutWidths opens every page of the example site, and a source
// page reached from a claim's quote link (with its anchor), at a phone's
// width (360 CSS pixels) and a desktop's (1280): no page may be wider than
// the window (document.scrollingElement.scrollWidth <= innerWidth), so
// that nobody scrolls sideways. Scrollbars are hidden, so that the window's
// width is the page's. On the source page it checks what a reader coming
// from a claim sees (see checkArrival), and on a claim page that the copy
// button appears where the browser can share or copy.
func TestLayoutWidths(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test; skipped with -short")
	}
	browsertest.Require(t)
	base, pages := serveExample(t)
	if len(pages) < 20 {
		t.Fatalf("only %d pages: %q", len(pages), pages)
	}
	const arrival = "sources/odni-ica-2020-00078d/#q-no-persistent-cyber-efforts-2"
	pages = append(pages, "search/?q=iran", "search/?q=wording+accuracy", arrival)
	ctx := browsertest.New(t, 3*time.Minute, chromedp.Flag("hide-scrollbars", true))
	for _, width := range []int64{360, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")), waitResults(p)); err != nil {
				t.Fatalf("%s at %d px: %v", p, width, err)
			}
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](overflowJS))
			if err != nil {
				t.Fatalf("%s at %d px: %v", p, width, err)
			}
			var m struct {
				Scroll, Inner int
				Wide          []string
			}
			if err := json.Unmarshal([]byte(raw), &m); err != nil {
				t.Fatal(err)
			}
			if m.Inner != int(width) {
				t.Fatalf("%s: the window is %d px wide, not %d", p, m.Inner, width)
			}
			if m.Scroll > m.Inner {
				t.Errorf("%s at %d px: the page is %d px wide; too wide: %s", p, width, m.Scroll, strings.Join(m.Wide, ", "))
			}
			if p == arrival {
				checkArrival(t, ctx, p, width)
			}
			if strings.HasPrefix(p, "claims/") && p != "claims/" && !strings.HasPrefix(p, "claims/page/") {
				checkShareButton(t, ctx, p)
			}
		}
	}
}

// checkArrival checks a source page opened at a quote's anchor, as from a
// claim page: the whole passage is outlined (every piece of it, and
// nothing else), its first words are in the window, not under its top
// edge; the passages of the same claim stand out and the others do not;
// the note names the claim; and every numbered marker shows the number
// that its link gives the quote on its claim's page (#quote-N).
func checkArrival(t *testing.T, ctx context.Context, p string, width int64) {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const id = decodeURIComponent(location.hash.slice(1));
		const pieces = [...document.querySelectorAll("[data-q]")].filter(e => e.dataset.q.split(" ").includes(id));
		const targets = [...document.querySelectorAll(".passage-target")];
		const first = pieces[0] ? pieces[0].getBoundingClientRect() : {top: -1, bottom: -1};
		const claim = id.replace(/^q-/, "").replace(/-\d+$/, "");
		const ofClaim = [...document.querySelectorAll(".of-claim")];
		const marks = [...document.querySelectorAll("mark.quoted")];
		const wrongNumbers = [...document.querySelectorAll("a.qref")].filter(a => !a.href.endsWith("#quote-" + a.textContent)).map(a => a.textContent + " → " + a.href);
		const note = document.querySelector(".focus-note");
		return JSON.stringify({
			pieces: pieces.length,
			same: pieces.length === targets.length && pieces.every(e => targets.includes(e)),
			top: first.top, bottom: first.bottom, height: innerHeight,
			focus: document.querySelector(".stored-text .text").classList.contains("focus"),
			ofClaim: ofClaim.length,
			ofOther: ofClaim.filter(e => !e.dataset.c.split(" ").includes(claim)).length,
			receding: marks.filter(e => !e.classList.contains("of-claim")).length,
			note: note && !note.hidden ? note.textContent : "",
			wrongNumbers: wrongNumbers,
		});
	})()`))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	var a struct {
		Pieces           int
		Same             bool
		Top, Bottom      float64
		Height           float64
		Focus            bool
		OfClaim, OfOther int
		Receding         int
		Note             string
		WrongNumbers     []string
	}
	if err := json.Unmarshal([]byte(raw), &a); err != nil {
		t.Fatal(err)
	}
	at := fmt.Sprintf("%s at %d px", p, width)
	switch {
	case a.Pieces == 0:
		t.Errorf("%s: no piece of the passage", at)
	case !a.Same:
		t.Errorf("%s: the outlined pieces are not the passage's %d pieces", at, a.Pieces)
	}
	if a.Top < 2 || a.Bottom > a.Height {
		t.Errorf("%s: the passage's first words are at %.0f–%.0f px, not within the %0.f px window below its top edge", at, a.Top, a.Bottom, a.Height)
	}
	if !a.Focus || a.OfClaim == 0 || a.OfOther > 0 || a.Receding == 0 {
		t.Errorf("%s: focus %v, %d pieces of the claim brought forward, %d of other claims among them, %d receding", at, a.Focus, a.OfClaim, a.OfOther, a.Receding)
	}
	if !strings.Contains(a.Note, "Unlike in 2016") {
		t.Errorf("%s: the note does not name the claim: %q", at, a.Note)
	}
	for _, w := range a.WrongNumbers {
		t.Errorf("%s: a marker's number is not its quote's on the claim page: %s", at, w)
	}
}

// checkShareButton checks that a claim page's copy button is shown where
// the browser can share or copy, and hidden where it cannot.
func checkShareButton(t *testing.T, ctx context.Context, p string) {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const copy = document.querySelector(".share-copy");
		const can = typeof navigator.share === "function" || !!(navigator.clipboard && navigator.clipboard.writeText);
		return JSON.stringify({links: document.querySelectorAll(".share-links a").length, shown: !!copy && !copy.hidden, can: can,
			label: copy ? copy.querySelector("button").textContent : ""});
	})()`))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	var s struct {
		Links      int
		Shown, Can bool
		Label      string
	}
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatal(err)
	}
	if s.Links != 6 {
		t.Errorf("%s: %d share links, want 6", p, s.Links)
	}
	if s.Shown != s.Can || (s.Shown && s.Label != "Share…" && s.Label != "Copy link") {
		t.Errorf("%s: the copy button is shown %v (label %q) where the browser can share or copy %v", p, s.Shown, s.Label, s.Can)
	}
}

// TestAccessibilityEveryKind runs axe-core, in light and dark, on one page
// of every kind of the example site, and on a source page reached from a
// claim's quote (its passages brought forward): any serious or critical
// violation fails. TestAccessibilityAxe does the same for fewer pages.
func TestAccessibilityEveryKind(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test; skipped with -short")
	}
	browsertest.Require(t)
	axe := axeScript(t)
	base, pages := serveExample(t)
	kinds := map[string]string{}
	for _, p := range pages {
		kind := p
		if i := strings.Index(p, "/"); i >= 0 && i < len(p)-1 {
			kind = p[:i] + "/ID/"
		}
		if _, ok := kinds[kind]; !ok {
			kinds[kind] = p
		}
	}
	var some []string
	for _, p := range kinds {
		some = append(some, p)
	}
	slices.Sort(some)
	// Pages under es/ are one kind above: a Spanish claim page, with its
	// language switch, and the Spanish home page are checked too.
	some = append(some, "search/?q=iran", "sources/odni-ica-2020-00078d/#q-no-persistent-cyber-efforts-2", "es/", "es/claims/no-persistent-cyber-efforts/")
	ctx := browsertest.New(t, 4*time.Minute, chromedp.WindowSize(1280, 1000))
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatalf("emulate %s scheme: %v", scheme, err)
		}
		for _, p := range some {
			url := base + p
			if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body")), waitResults(p), chromedp.Evaluate[chromedp.Void](axe)); err != nil {
				t.Fatalf("%s (%s): %v", url, scheme, err)
			}
			axeCheck(t, ctx, p, scheme)
		}
	}
	t.Logf("axe ran on %d pages in light and dark: %q", len(some), some)
}
