package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/browsertest"
)

// These tests drive a real browser (Chromium) against Run: they edit files
// of a site and watch the open page follow by itself. They skip without
// Chromium, except when CI=true.

// newBrowser starts a fresh headless browser for the test and returns the
// context of its first tab.
func newBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	return browsertest.New(t, 0, extra...)
}

// open navigates the tab to url and waits for the page to load.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := openErr(ctx, url); err != nil {
		t.Fatal(err)
	}
}

func openErr(ctx context.Context, url string) error {
	if err := chromedp.Do(ctx); err != nil { // the tab, made without a deadline that would close it
		return err
	}
	nctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("navigate to %s: %w", url, err)
	}
	return waitJSErr(ctx, `document.readyState === "complete"`)
}

// eval evaluates expr in the tab.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitJS waits until expr is true in the tab, across reloads, for at most
// fifteen seconds.
func waitJS(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if err := waitJSErr(ctx, expr); err != nil {
		t.Fatal(err)
	}
}

func waitJSErr(ctx context.Context, expr string) error {
	deadline := time.Now().Add(15 * time.Second)
	for {
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		ok, err := chromedp.Run(cctx, chromedp.Evaluate[bool](`!!(`+expr+`)`))
		cancel()
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			cctx, cancel := context.WithTimeout(ctx, time.Second)
			text, _ := chromedp.Run(cctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 300) : ""`))
			cancel()
			return fmt.Errorf("waited 15s for %s (last error %v); page text:\n%s", expr, err, text)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

const claimURL = "claims/no-foreign-attempt-to-alter-voting/"

// markPage leaves a mark in the page that a reload removes.
func markPage(t *testing.T, ctx context.Context) {
	eval[bool](t, ctx, `window.__mark = true`)
}

func TestBrowserEdit(t *testing.T) {
	dir := exampleSite(t)
	srv := start(t, Options{Src: dir})
	ctx := newBrowser(t)
	open(t, ctx, srv.url+claimURL)
	// Chromium restores the scroll position of a reload by itself; turn
	// that off (the setting lasts for this history entry) to test ours.
	y := eval[float64](t, ctx, `history.scrollRestoration = "manual", window.scrollTo(0, 300), window.scrollY`)
	if y < 100 {
		t.Fatalf("page too short to scroll: scrollY = %v", y)
	}
	markPage(t, ctx)

	edit(t, dir, claimPath, "Elena Marsh", "Zed Quill")
	waitJS(t, ctx, `document.body.innerText.includes("Zed Quill")`)
	if eval[bool](t, ctx, `window.__mark === true`) {
		t.Error("the page changed without a reload")
	}
	// The reader stays where they were.
	waitJS(t, ctx, `Math.abs(window.scrollY - `+strconv.FormatFloat(y, 'f', -1, 64)+`) < 2`)
}

func TestBrowserSaveByRename(t *testing.T) {
	dir := exampleSite(t)
	srv := start(t, Options{Src: dir})
	ctx := newBrowser(t)
	open(t, ctx, srv.url+claimURL)

	b, err := os.ReadFile(filepath.Join(dir, claimPath))
	if err != nil {
		t.Fatal(err)
	}
	saveByRename(t, dir, claimPath, strings.Replace(string(b), "Elena Marsh", "Ada Renamed", 1))
	waitJS(t, ctx, `document.body.innerText.includes("Ada Renamed")`)
}

func TestBrowserOverlay(t *testing.T) {
	dir := exampleSite(t)
	srv := start(t, Options{Src: dir})
	ctx := newBrowser(t)
	open(t, ctx, srv.url+claimURL)

	// A misquote, with markup in it that must show as text.
	const good = "no indications that any foreign actor attempted to alter"
	const bad = `no indications that any foreign actor \<b\>tried\</b\> to alter`
	b, err := os.ReadFile(filepath.Join(dir, claimPath))
	if err != nil {
		t.Fatal(err)
	}
	// The error is at the block quote's line, its text after "> ".
	line := strings.Count(string(b[:strings.Index(string(b), good)]), "\n") + 1
	edit(t, dir, claimPath, good, bad)
	const overlay = `document.getElementById("__fc-overlay")`
	waitJS(t, ctx, overlay)
	text := eval[string](t, ctx, overlay+`.innerText`)
	for _, want := range []string{fmt.Sprintf("%s:%d:3", claimPath, line), `quote not found in source "odni-ica-2020-00078d"`, "closest passage", "<b"} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay %q does not contain %q", text, want)
		}
	}
	if eval[bool](t, ctx, overlay+`.querySelector("b") !== null`) {
		t.Error("a message became markup")
	}

	// A page opened while the build is broken shows the errors too; its
	// content is the last good site.
	open(t, ctx, srv.url+"claims/")
	waitJS(t, ctx, overlay+` && `+overlay+`.innerText.includes("quote not found")`)

	// Dismissed, it stays away until the errors change.
	eval[bool](t, ctx, overlay+`.querySelector("button").click(), true`)
	waitJS(t, ctx, `!`+overlay)

	open(t, ctx, srv.url+claimURL)
	waitJS(t, ctx, overlay)
	markPage(t, ctx)
	edit(t, dir, claimPath, bad, good)
	waitJS(t, ctx, `!`+overlay+` && window.__mark === undefined`)
}

// TestBrowserOverlayInLanguage checks that the overlay speaks the site's
// language and takes its direction: an Arabic site's overlay says how many
// errors in Arabic, right to left, with its close button at the left,
// while the diagnostics, in English, read left to right.
func TestBrowserOverlayInLanguage(t *testing.T) {
	dir := exampleSite(t)
	// The example is in English and Spanish: Arabic first instead.
	edit(t, dir, "content/site.yaml", "\nlanguages: [en, es]\n", "\nlanguages: [ar, es]\n")
	// The sources are in English: their quotes keep English rules.
	for _, src := range []string{"content/sources/odni-ica-2020-00078d.md", "content/sources/article-2021-odni-report.md"} {
		edit(t, dir, src, "\nformat: text\n", "\nformat: text\nlanguage: en\n")
	}
	srv := start(t, Options{Src: dir})
	ctx := newBrowser(t)
	open(t, ctx, srv.url+claimURL)

	edit(t, dir, claimPath, "no indications that any foreign actor attempted to alter", "no indications that any foreign actor tried to alter")
	const overlay = `document.getElementById("__fc-overlay")`
	waitJS(t, ctx, overlay)
	if got, want := eval[string](t, ctx, overlay+`.querySelector("strong").textContent`), "في الموقع خطأ واحد؛ تشاهد آخر نسخة سليمة. أصلح الملفات وستُعاد تحميل هذه الصفحة."; got != want {
		t.Errorf("overlay heading %q, want %q", got, want)
	}
	if got := eval[string](t, ctx, overlay+`.querySelector("button").getAttribute("aria-label")`); got != "إغلاق" {
		t.Errorf("close button labelled %q, want إغلاق", got)
	}
	if got := eval[string](t, ctx, `getComputedStyle(`+overlay+`).direction + " " + getComputedStyle(`+overlay+`.querySelector("li")).direction`); got != "rtl ltr" {
		t.Errorf("overlay and diagnostic directions %q, want rtl ltr", got)
	}
	if !eval[bool](t, ctx, `(() => { const o = `+overlay+`.getBoundingClientRect(), b = `+overlay+`.querySelector("button").getBoundingClientRect();
		return b.right < o.left + o.width / 2; })()`) {
		t.Error("the close button is not at the overlay's left")
	}
}

func TestBrowserNewFolder(t *testing.T) {
	dir := exampleSite(t)
	srv := start(t, Options{Src: dir})
	ctx := newBrowser(t)
	open(t, ctx, srv.url+"claims/")

	writeFile(t, dir, "content/claims/2026/05/moon-is-cheese.md", `---
claim: The moon is made of green cheese.
claimant: Social media posts
claim_date: 2026-05-01
rating: false
summary: It is made of rock.
published: 2026-05-02
---

Rock, mostly.
`)
	waitJS(t, ctx, `document.body.innerText.includes("The moon is made of green cheese.")`)
	open(t, ctx, srv.url+"claims/moon-is-cheese/")
	waitJS(t, ctx, `document.body.innerText.includes("It is made of rock.")`)
}

func TestBrowserCSS(t *testing.T) {
	dir := exampleSite(t)
	css, err := os.ReadFile("../../../static/assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "static/assets/style.css", string(css)+"\nbody { background: rgb(1, 2, 3) !important }\n")
	srv := start(t, Options{Src: dir})
	ctx := newBrowser(t)
	open(t, ctx, srv.url+claimURL)
	const bg = `getComputedStyle(document.body).backgroundColor`
	waitJS(t, ctx, bg+` === "rgb(1, 2, 3)"`)
	markPage(t, ctx)

	saveByRename(t, dir, "static/assets/style.css", string(css)+"\nbody { background: rgb(4, 5, 6) !important }\n")
	waitJS(t, ctx, bg+` === "rgb(4, 5, 6)"`)
	if !eval[bool](t, ctx, `window.__mark === true`) {
		t.Error("a CSS change reloaded the page")
	}
}

// TestBrowserTenTabs opens more tabs than a browser opens connections to
// one host: all of them must follow a change.
func TestBrowserTenTabs(t *testing.T) {
	dir := exampleSite(t)
	srv := start(t, Options{Src: dir})
	// Tabs of one site share a renderer process, to spare the machine.
	first := newBrowser(t, chromedp.Flag("process-per-site", true))
	tabs := []context.Context{first}
	for range 9 {
		ctx, cancel := chromedp.NewContext(first)
		t.Cleanup(cancel)
		tabs = append(tabs, ctx)
	}
	var wg sync.WaitGroup
	for i, ctx := range tabs {
		wg.Go(func() {
			err := openErr(ctx, srv.url+claimURL+"?tab="+strconv.Itoa(i))
			if err == nil {
				_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__mark = true`))
			}
			if err != nil {
				t.Errorf("tab %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	begin := time.Now()
	edit(t, dir, claimPath, "Elena Marsh", "Tenfold Tabs")
	for i, ctx := range tabs {
		wg.Go(func() {
			if err := waitJSErr(ctx, `document.body.innerText.includes("Tenfold Tabs") && window.__mark === undefined`); err != nil {
				t.Errorf("tab %d did not reload: %v", i, err)
			}
		})
	}
	wg.Wait()
	t.Logf("reloaded in %s", time.Since(begin))
}
