package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent0 reads the collector's percent.
func gcPercent0() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func memoryLimit() int64 { return debug.SetMemoryLimit(-1) }

func TestPace(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		live, ceiling uint64
		most, percent int
	}{
		{0, 1750 * mb, 200, 200},
		{583 * mb, 1750 * mb, 200, 200},
		{700 * mb, 1750 * mb, 200, 150},
		{875 * mb, 1750 * mb, 200, 100},
		{5000 * mb, 1750 * mb, 200, 100},
		{0, 512 * mb, 400, 400},
		{100 * mb, 512 * mb, 400, 400},
		{128 * mb, 512 * mb, 400, 300},
		{256 * mb, 512 * mb, 400, 100},
		{2000 * mb, 512 * mb, 400, 100},
	} {
		p := pace(tc.live, tc.ceiling, tc.most)
		if p != tc.percent {
			t.Errorf("pace(%d MB, %d MB, %d) = %d; want %d", tc.live/mb, tc.ceiling/mb, tc.most, p, tc.percent)
		}
		// The heap goal stays within the ceiling, unless Go's default
		// goal is over it.
		if goal := tc.live * uint64(100+p) / 100; goal > tc.ceiling && p > 100 {
			t.Errorf("pace(%d MB, %d MB, %d) = %d: a goal of %d MB", tc.live/mb, tc.ceiling/mb, tc.most, p, goal/mb)
		}
	}
}

// collect runs collections until pacing has set the pace after one: the
// pace is set by a cleanup that runs after the collection, on another
// goroutine, which paced signals.
func collect(t *testing.T, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done: // from before the pacing now in force
	default:
	}
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		runtime.GC()
		select {
		case <-done:
			return
		case <-time.After(100 * time.Millisecond):
			// The object whose cleanup sets the pace was not freed
			// by that collection: collect again.
		}
	}
	t.Fatal("no collection set the pace")
}

func TestSetGC(t *testing.T) {
	done := make(chan struct{}, 1)
	signal := func() {
		select {
		case done <- struct{}{}:
		default:
		}
	}
	paced.Store(&signal)
	defer paced.Store(nil)
	// No memory limit in force, whatever GOMEMLIMIT the tests run with.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	p0, l0 := gcPercent0(), memoryLimit()
	const first = 1 << 30
	t.Setenv("GOGC", "50")
	restore := setGC(1<<40, 200, first)
	if p, l := gcPercent0(), memoryLimit(); p != p0 || l != l0 {
		t.Errorf("with GOGC set, setGC changed the percent from %d to %d, the limit from %d to %d", p0, p, l0, l)
	}
	restore()

	t.Setenv("GOGC", "")
	restore = setGC(1<<40, 200, first) // far above what is live: GOGC=200
	// Until the first collection: off, with first as the limit.
	if p, l := gcPercent0(), memoryLimit(); p != -1 || l != first {
		t.Errorf("before a collection: percent %d, limit %d; want off and %d", p, l, first)
	}
	collect(t, done)
	if p, l := gcPercent0(), memoryLimit(); p != 200 || l != l0 {
		t.Errorf("setGC: percent %d, limit %d; want 200 and the limit put back (%d)", p, l, l0)
	}
	restore()
	// Without a first collection to wait for (serve), paced at once.
	restore = setGC(1, 200, 0) // whatever is live is over it: Go's default after a collection
	if p, l := gcPercent0(), memoryLimit(); p != 200 || l != l0 {
		t.Errorf("with no first collection to wait for: percent %d, limit %d; want 200 and %d", p, l, l0)
	}
	collect(t, done)
	if p := gcPercent0(); p != 100 {
		t.Errorf("after a collection over the ceiling: percent %d; want Go's default", p)
	}
	restore()
	if p, l := gcPercent0(), memoryLimit(); p != p0 || l != l0 {
		t.Errorf("restored: percent %d, limit %d; want %d and %d", p, l, p0, l0)
	}
	// Restored while waiting for the first collection: all put back, and
	// that collection's cleanup changes nothing.
	restore = setGC(1<<40, 200, first)
	restore()
	runtime.GC()
	if p, l := gcPercent0(), memoryLimit(); p != p0 || l != l0 {
		t.Errorf("restored before the first collection: percent %d, limit %d; want %d and %d", p, l, p0, l0)
	}
	// With a memory limit in force (GOMEMLIMIT), the collector starts
	// paced and the limit is left alone.
	debug.SetMemoryLimit(1 << 40)
	restore = setGC(1<<40, 200, first)
	if p, l := gcPercent0(), memoryLimit(); p != 200 || l != 1<<40 {
		t.Errorf("with a memory limit: percent %d, limit %d; want 200 and %d", p, l, int64(1<<40))
	}
	restore()
	debug.SetMemoryLimit(l0)
	// After restore no cleanup sets the pace (it checks, under the lock
	// restore takes, that pacing stopped), so this holds from here on.
	if p := gcPercent0(); p != p0 {
		t.Errorf("restored to %d; want %d", p, p0)
	}
}
