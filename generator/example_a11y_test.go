package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/browsertest"
	"factcheck/generator/internal/pipeline"
)

// axeScript returns axe-core's axe.min.js: from $AXE_JS, or from where
// `npm install -g axe-core` (as .ci/install-test-tools does) or a manual
// copy puts it.
func axeScript(t *testing.T) string {
	t.Helper()
	var tried []string
	if p := os.Getenv("AXE_JS"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("AXE_JS=%s: %v", p, err)
		}
		return string(b)
	}
	cands := []string{
		"/usr/local/lib/axe-core/axe.min.js",
		"/usr/local/lib/node_modules/axe-core/axe.min.js",
		"/usr/lib/node_modules/axe-core/axe.min.js",
	}
	if npm, err := exec.LookPath("npm"); err == nil {
		if out, err := exec.Command(npm, "root", "-g").Output(); err == nil {
			if root := strings.TrimSpace(string(out)); root != "" {
				cands = append([]string{filepath.Join(root, "axe-core", "axe.min.js")}, cands...)
			}
		}
	}
	seen := map[string]bool{}
	for _, p := range cands {
		if seen[p] {
			continue
		}
		seen[p] = true
		tried = append(tried, p)
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	browsertest.Missing(t, "no axe-core (looked in "+strings.Join(tried, ", ")+"): run .ci/install-test-tools, which installs the version CI uses "+
		"with `npm install -g`, or set AXE_JS to an axe.min.js")
	return ""
}

// axeResult is the part of axe.run's result the test reports.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target         []any  `json:"target"`
			FailureSummary string `json:"failureSummary"`
		} `json:"nodes"`
	} `json:"violations"`
}

// TestAccessibilityAxe builds the example site under a sub-path, serves it,
// and runs axe-core in headless Chromium on the home, a claim, a source and
// a search results page, in the light and the dark color scheme. Any
// serious or critical violation fails the test.
func TestAccessibilityAxe(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test; skipped with -short")
	}
	browsertest.Require(t)
	axe := axeScript(t)

	// Listen first so the base URL can name the port.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("http://%s/sub/", ln.Addr())
	dir := filepath.Join(t.TempDir(), "public")
	if _, diags, err := pipeline.Write(pipeline.Options{Src: "..", BaseURL: base}, dir); err != nil {
		ln.Close()
		t.Fatalf("build: %v %v", err, diags)
	}
	srv := httptest.NewUnstartedServer(http.StripPrefix("/sub", http.FileServer(http.Dir(dir))))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	defer srv.Close()

	ctx := browsertest.New(t, 3*time.Minute, chromedp.WindowSize(1280, 1000))

	pages := []string{
		"",
		"claims/article-quotes-voting-finding-verbatim/",
		"sources/odni-ica-2020-00078d/",
		"search/?q=iran",
		"search/?q=wording+accuracy", // snippets of analyses, a matched topic
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range pages {
			url := base + p
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			}); err != nil {
				t.Fatalf("emulate %s scheme: %v", scheme, err)
			}
			if err := chromedp.Do(ctx,
				chromedp.Navigate(url),
				chromedp.WaitReady(chromedp.CSS("body")),
				a11yWaitSearch(p),
				chromedp.Evaluate[chromedp.Void](axe),
			); err != nil {
				t.Fatalf("%s (%s): %v", url, scheme, err)
			}
			dark, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`matchMedia("(prefers-color-scheme: dark)").matches`))
			if err != nil || dark != (scheme == "dark") {
				t.Fatalf("%s: the %s scheme is not in effect (%v)", url, scheme, err)
			}
			axeCheck(t, ctx, url, scheme)
		}
	}
}

// a11yWaitSearch waits, on the search page, until the script has shown
// results, so axe checks what a reader sees.
func a11yWaitSearch(page string) chromedp.Action[chromedp.Void] {
	if !strings.HasPrefix(page, "search/") {
		return chromedp.Steps()
	}
	return chromedp.Poll[chromedp.Void](`document.querySelector("#search-results li") !== null`,
		chromedp.WithPollingTimeout(15*time.Second))
}

// axeCheck runs axe (already injected) on the page loaded in ctx, named
// page in messages, in the colour scheme scheme: serious and critical
// violations are errors, others logged.
func axeCheck(t *testing.T, ctx context.Context, page, scheme string) {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s (%s): axe.run: %v", page, scheme, err)
	}
	var res axeResult
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatalf("%s (%s): axe result: %v", page, scheme, err)
	}
	for _, v := range res.Violations {
		if v.Impact != "serious" && v.Impact != "critical" {
			t.Logf("%s (%s): %s [%s] %s (%d nodes; not failing)", page, scheme, v.ID, v.Impact, v.Help, len(v.Nodes))
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s (%s scheme): %s [%s] %s", page, scheme, v.ID, v.Impact, v.Help)
		for _, n := range v.Nodes {
			target, _ := json.Marshal(n.Target)
			fmt.Fprintf(&b, "\n    %s: %s", target, strings.ReplaceAll(n.FailureSummary, "\n", " "))
		}
		t.Error(b.String())
	}
}
