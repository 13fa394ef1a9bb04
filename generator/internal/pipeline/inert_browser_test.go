package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"factcheck/generator/internal/browsertest"
	"factcheck/generator/internal/site"
)

// TestInertInBrowser builds the payload site, serves it under a sub-path
// and opens every page, feed and sitemap in Chromium, then runs searches
// that find the payloads. Nothing may run: no dialog, no uncaught
// exception, no console error, no error in the browser's log (which also
// has failed loads and CSP violations). After each page has run its
// scripts, the live DOM is checked as the browser sees it: no event
// handler attribute, no script but the site's own, no link or source
// whose scheme (as the browser parsed it) can run code, and JSON-LD that
// parses to the claim's text.
//
// A canary page first shows that each kind of problem is caught.
func TestInertInBrowser(t *testing.T) {
	ctx := browsertest.New(t, 90*time.Second)
	base, res, rec := serveSite(t, "payloads")
	watch(t, ctx, rec)
	canary(t, ctx, base, rec)

	var pages []string
	for p := range res.Files {
		if strings.HasSuffix(p, ".html") || p == "feed.xml" || p == "sitemap.xml" {
			pages = append(pages, p)
		}
	}
	sort.Strings(pages)
	if len(pages) < 20 {
		t.Fatalf("only %d pages to open: %q", len(pages), pages)
	}
	for _, p := range pages {
		addr := base + (&url.URL{Path: strings.TrimSuffix(p, "index.html")}).EscapedPath()
		visit(t, ctx, rec, p, addr)
		id, inClaims := strings.CutPrefix(strings.TrimSuffix(p, "/index.html"), "claims/")
		if c := res.Site.Aliases[id]; inClaims && c != nil {
			// The alias page sends the browser on to its claim.
			until(t, ctx, p, `location.href === "`+base+"claims/"+c.ID+`/" && document.readyState === "complete"`)
		}
		checkDOM(t, ctx, p)
		if c := res.Site.Claim[id]; inClaims && c != nil {
			checkJSONLD(t, ctx, p, c.Claim)
		}
	}
	n := searchPayloads(t, ctx, base, res, rec)
	t.Logf("opened %d pages and ran %d searches", len(pages), n)

	for _, p := range rec.take() {
		t.Error(p)
	}
}

// serveSite builds testdata/sites/NAME.txtar in memory under a base URL
// on a local port, and serves it for the test; rec collects what the
// browser is seen to run or fail at there.
func serveSite(t *testing.T, name string) (base string, res *Result, rec *recorder) {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", "sites", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base = fmt.Sprintf("http://%s/sub/", ln.Addr())
	res, diags, err := Memory(Options{Src: extract(t, a), BaseURL: base})
	if err != nil || res == nil {
		ln.Close()
		t.Fatalf("the %s site did not build: %v\n%v", name, err, diags)
	}
	rec = &recorder{}
	serveFiles(t, ln, res.Files, rec)
	return base, res, rec
}

// recorder collects what ran, or failed, in the browser, labeled with
// the page that was open.
type recorder struct {
	mu       sync.Mutex
	page     string
	problems []string
}

func (r *recorder) at(page string) {
	r.mu.Lock()
	r.page = page
	r.mu.Unlock()
}

func (r *recorder) add(format string, args ...any) {
	r.mu.Lock()
	r.problems = append(r.problems, r.page+": "+fmt.Sprintf(format, args...))
	r.mu.Unlock()
}

// take returns the problems so far and forgets them.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.problems
	r.problems = nil
	return p
}

// serveFiles serves files under /sub/ on ln, a folder by its index.html.
// Anything else, and anything asked for outside /sub/, is a problem: the
// pages must load only the site's own files.
func serveFiles(t *testing.T, ln net.Listener, files map[string][]byte, rec *recorder) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/canary/" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(canaryHTML))
			return
		}
		if r.URL.Path == "/canary/missing.png" {
			http.NotFound(w, r)
			return
		}
		p, ok := strings.CutPrefix(r.URL.Path, "/sub/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		b, found := files[p]
		if !ok || !found {
			rec.add("request for %s, which the site does not have", r.URL)
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(b))
	}))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
}

// watch records every dialog (and dismisses it, or the page would wait for
// ever), uncaught exception, console error or failed assertion, and error
// in the browser's log.
func watch(t *testing.T, ctx context.Context, rec *recorder) {
	dialogs := make(chan struct{}, 64)
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			rec.add("%s dialog %q (%s)", ev.Type, ev.Message, ev.URL)
			select {
			case dialogs <- struct{}{}:
			default:
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			rec.add("exception: %s (%s:%d)", text, d.URL, d.LineNumber)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
				}
				rec.add("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *log.EventEntryAdded:
			if e := ev.Entry; e.Level == log.EntryLevelError {
				rec.add("log (%s): %s %s", e.Source, e.Text, e.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-dialogs:
			}
			if _, err := chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{}); err != nil && ctx.Err() == nil {
				rec.add("dismissing a dialog: %v", err)
			}
		}
	}()
}

const canaryHTML = `<!DOCTYPE html><title>canary</title>
<img src="missing.png" alt="">
<script>alert("canary"); console.error("canary"); throw new Error("canary");</script>`

// canary opens a page that does each thing the test looks for, to show
// that the test would see it.
func canary(t *testing.T, ctx context.Context, base string, rec *recorder) {
	u, _ := url.Parse(base)
	visit(t, ctx, rec, "canary", u.Scheme+"://"+u.Host+"/canary/")
	got := strings.Join(rec.take(), "\n")
	for _, want := range []string{`alert dialog "canary"`, "console.error: canary", "exception: Uncaught", "log (network): Failed to load resource"} {
		if !strings.Contains(got, want) {
			t.Errorf("the canary page did not report %q; it reported:\n%s", want, got)
		}
	}
}

// visit opens addr, waits for it to load and then a little longer, so
// that handlers of failed loads and deferred scripts have run.
func visit(t *testing.T, ctx context.Context, rec *recorder, label, addr string) {
	t.Helper()
	rec.at(label)
	nctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(addr)); err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	until(t, ctx, label, `document.readyState === "complete"`)
	if err := chromedp.Do(nctx, chromedp.Sleep(150*time.Millisecond)); err != nil {
		t.Fatalf("%s: %v", label, err)
	}
}

// until waits for expr to be true in the tab, across a redirect, which
// replaces the document and fails an evaluation under way.
func until(t *testing.T, ctx context.Context, label, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ectx, cancel := context.WithTimeout(ctx, time.Second)
		ok, err := chromedp.Run(ectx, chromedp.Evaluate[bool](`!!(`+expr+`)`))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: waited 10s for %s (last error: %v)", label, expr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ectx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	v, err := chromedp.Run(ectx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// activeDOM lists what in the live document could run code, with URLs as
// the browser parsed them (so "java\tscript:" counts as javascript:).
const activeDOM = `(() => {
	const bad = [];
	const safe = (u) => ["http:", "https:", "mailto:"].includes(new URL(u, location.href).protocol);
	for (const e of document.querySelectorAll("*")) {
		for (const a of e.attributes) {
			const n = a.name.toLowerCase();
			if (n.startsWith("on")) bad.push("handler: <" + e.localName + " " + n + "=" + a.value + ">");
			if (["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"].includes(n) && (n === "srcdoc" || !safe(a.value))) {
				bad.push("URL: <" + e.localName + " " + n + "=" + a.value + ">");
			}
		}
		if (["iframe", "frame", "object", "embed", "base", "applet", "portal"].includes(e.localName)) bad.push("element: " + e.outerHTML.slice(0, 120));
		if (e.localName === "meta" && e.httpEquiv) {
			// Only a redirect within the site, as an alias page does.
			const m = /^\s*0\s*;\s*url=(.*)$/i.exec(e.content);
			if (e.httpEquiv.toLowerCase() !== "refresh" || !m || new URL(m[1], location.href).origin !== location.origin) {
				bad.push("meta: " + e.outerHTML.slice(0, 120));
			}
		}
		if (e.localName === "script" && e.type !== "application/ld+json") {
			const own = e.src && new URL(e.src).origin === location.origin && new URL(e.src).pathname.startsWith("/sub/assets/");
			if (!own) bad.push("script: " + e.outerHTML.slice(0, 120));
		}
	}
	return bad;
})()`

// checkDOM checks the open page's document as it is after its scripts ran.
func checkDOM(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	for _, p := range eval[[]string](t, ctx, activeDOM) {
		t.Errorf("%s: %s", label, p)
	}
}

// checkJSONLD parses the open claim page's JSON-LD in the page: exactly
// one block, whose claimReviewed is the claim's text, so no payload closed
// the script element or broke out of the JSON string.
func checkJSONLD(t *testing.T, ctx context.Context, label, claim string) {
	t.Helper()
	got := eval[[]string](t, ctx, `[...document.querySelectorAll('script[type="application/ld+json"]')].map(s => JSON.parse(s.textContent).claimReviewed)`)
	if want := []string{claim}; !slices.Equal(got, want) {
		t.Errorf("%s: JSON-LD claimReviewed = %q, want %q", label, got, want)
	}
}

// searchPayloads runs searches whose words and filters are the payloads'
// and waits for the results. Each result must show a claim's text as it
// is, as text; searches by a filter must find exactly its claims.
// It returns how many searches it ran.
func searchPayloads(t *testing.T, ctx context.Context, base string, res *Result, rec *recorder) int {
	type search struct {
		q    url.Values
		want []*site.Claim // nil: at least one
	}
	searches := []search{
		{url.Values{"q": {"alert"}}, res.Site.Claims},
		{url.Values{"q": {"script onerror"}}, nil},
		{url.Values{"q": {`"><svg onload=alert(1)>`}}, nil},
		{url.Values{"q": {"al"}}, res.Site.Claims}, // a prefix
	}
	for _, g := range res.Site.Topics {
		searches = append(searches, search{url.Values{"topic": {g.ID}}, g.Claims})
	}
	for _, g := range res.Site.Claimants {
		searches = append(searches, search{url.Values{"q": {"img"}, "claimant": {g.ID}}, g.Claims})
	}
	for _, r := range res.Site.Config.Ratings {
		searches = append(searches, search{url.Values{"rating": {r.ID}}, res.Site.ByRating[r.ID]})
	}
	var all []string
	for _, c := range res.Site.Claims {
		all = append(all, c.Claim)
	}
	for _, s := range searches {
		label := "search/?" + s.q.Encode()
		visit(t, ctx, rec, label, base+label)
		wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		_, err := chromedp.Run(wctx, chromedp.Poll[chromedp.Void](`document.getElementById("search-status").textContent !== ""`))
		cancel()
		if err != nil {
			t.Errorf("%s: no results: %v", label, err)
			continue
		}
		status := eval[string](t, ctx, `document.getElementById("search-status").textContent`)
		cards := eval[[]string](t, ctx, `[...document.querySelectorAll("#search-results .card-claim a")].map(a => a.textContent)`)
		var want []string
		for _, c := range s.want {
			want = append(want, c.Claim)
		}
		switch {
		case s.want == nil && len(cards) == 0:
			t.Errorf("%s: nothing found (%q)", label, status)
		case s.want != nil && !sameSet(cards, want):
			t.Errorf("%s: found %q (%q), want %q", label, cards, status, want)
		}
		for _, c := range cards {
			if !slices.Contains(all, c) {
				t.Errorf("%s: a result shows %q, which is no claim's text as it is", label, c)
			}
		}
		checkDOM(t, ctx, label)
	}
	return len(searches)
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
