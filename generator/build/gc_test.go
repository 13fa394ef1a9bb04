package build

import (
	"runtime/debug"
	"testing"
)

// gcSettings reads the collector's percent and memory limit.
func gcSettings() (int, int64) {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p, debug.SetMemoryLimit(-1)
}

func TestSetGC(t *testing.T) {
	p0, l0 := gcSettings()
	for _, tc := range []struct {
		gogc, gomemlimit string
		percent          int
		limit            int64
	}{
		{"", "", 200, heapCeiling},
		{"50", "", p0, heapCeiling},
		{"", "8GiB", 200, l0},
		{"off", "8GiB", p0, l0},
	} {
		t.Setenv("GOGC", tc.gogc)
		t.Setenv("GOMEMLIMIT", tc.gomemlimit)
		restore := SetGC()
		if p, l := gcSettings(); p != tc.percent || l != tc.limit {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: percent %d, limit %d; want %d, %d", tc.gogc, tc.gomemlimit, p, l, tc.percent, tc.limit)
		}
		restore()
		if p, l := gcSettings(); p != p0 || l != l0 {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: restored to %d, %d; want %d, %d", tc.gogc, tc.gomemlimit, p, l, p0, l0)
		}
	}
}
