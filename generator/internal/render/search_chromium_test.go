package render

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/browsertest"
)

// HeadlessBrowser starts a headless Chromium for the test and returns its
// context. It is for the tests of package render_test too.
func HeadlessBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.New(t, 90*time.Second, chromedp.WindowSize(1280, 1000))
}
