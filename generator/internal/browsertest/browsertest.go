// Package browsertest starts headless Chromium for the project's
// real-browser tests (live reload, search, accessibility).
//
// A test that needs a browser is skipped when none is installed, except in
// CI (CI=true), where a missing browser is a failure: .ci/install-test-tools
// (run by .ci/run and the Test workflow) installs one. Either way the
// message says what to install.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds Chromium, or Chrome, or returns "".
func Path() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Require returns the browser's path, or skips the test (fails it in CI).
func Require(t testing.TB) string {
	t.Helper()
	p := Path()
	if p == "" {
		Missing(t, "no browser found (looked for /usr/bin/chromium, and chromium, chromium-browser and google-chrome on PATH): "+
			"install Chromium (Debian: apt-get install chromium) or Google Chrome, or run .ci/install-test-tools, which installs everything the tests need")
	}
	return p
}

// Missing skips the test for want of something it needs, or fails it in
// CI, where everything the tests need is installed.
func Missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why + "; CI=true, so the browser tests must run")
	}
	t.Skip("skipping the browser test: " + why)
}

// New starts a fresh headless browser with its own profile, stopped when
// the test ends, and returns the context of its first tab. A timeout of 0
// means none. The flags keep Chromium off the network: this machine's
// network is closed, and its background connections would be refused.
func New(t testing.TB, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Require(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	opts = append(opts, extra...)
	ctx := context.Background()
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		t.Cleanup(cancel)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tab, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return tab
}
