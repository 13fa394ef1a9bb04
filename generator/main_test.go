package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 12056: "12,056", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSeconds(t *testing.T) {
	for d, want := range map[time.Duration]string{700 * time.Microsecond: "700µs", 23456 * time.Microsecond: "23ms", 1500 * time.Millisecond: "1.5 s"} {
		if got := seconds(d); got != want {
			t.Errorf("seconds(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestBuildSummary runs build on the example content and checks its
// summary and timings lines.
func TestBuildSummary(t *testing.T) {
	var stdout, stderr strings.Builder
	dir := t.TempDir()
	out, cache := dir+"/public", dir+"/cache"
	if code := run([]string{"build", "--src", "..", "--out", out, "--cache", cache, "--timings"}, &stdout, &stderr); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "timings: read and parse ") || !strings.Contains(lines[0], " quotes ") ||
		!strings.HasPrefix(lines[1], "built ") || !strings.Contains(lines[1], " claims, ") || !strings.HasSuffix(lines[1], " into "+out) {
		t.Errorf("unexpected output:\n%s", stdout.String())
	}
	if !strings.Contains(lines[0], " share cards drawn)") {
		t.Errorf("the timings do not count the share cards drawn:\n%s", lines[0])
	}
	if cards, _ := filepath.Glob(cache + "/cards/*.png"); len(cards) == 0 {
		t.Errorf("no share cards kept in %s", cache)
	}
}
