package search_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/browsertest"
)

// headlessBrowser starts a headless Chromium for the test and returns its
// context.
func headlessBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.New(t, 90*time.Second, chromedp.WindowSize(1280, 1000))
}
