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
		percent       int
		limit         int64
	}{
		{0, 1750 * mb, 400, 1750 * mb},
		{100 * mb, 1750 * mb, 400, 1750 * mb},
		{350 * mb, 1750 * mb, 400, 1750 * mb},
		{400 * mb, 1750 * mb, 337, 1750 * mb},
		{583 * mb, 1750 * mb, 200, 1750 * mb},
		{700 * mb, 1750 * mb, 150, 1750 * mb},
		{1000 * mb, 1750 * mb, 75, 1750 * mb},
		{1166 * mb, 1750 * mb, 50, 1750 * mb},
		{1200 * mb, 1750 * mb, 100, math.MaxInt64},
		{5000 * mb, 1750 * mb, 100, math.MaxInt64},
	} {
		if p, l := pace(tc.live, tc.ceiling); p != tc.percent || l != tc.limit {
			t.Errorf("pace(%d MB, %d MB) = %d, %d; want %d, %d", tc.live/mb, tc.ceiling/mb, p, l, tc.percent, tc.limit)
		}
	}
}

func TestServePace(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		live    uint64
		percent int
	}{{0, 200}, {583 * mb, 200}, {700 * mb, 100}, {1000 * mb, 100}, {5000 * mb, 100}} {
		if p, l := servePace(tc.live, 1750*mb); p != tc.percent || l != math.MaxInt64 {
			t.Errorf("servePace(%d MB) = %d, %d; want %d and no limit", tc.live/mb, p, l, tc.percent)
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
	p0, l0 := gcPercent0(), memoryLimit()
	t.Setenv("GOGC", "50")
	restore := setGC()
	if p := gcPercent0(); p != p0 {
		t.Errorf("with GOGC set, setGC changed the percent from %d to %d", p0, p)
	}
	restore()

	t.Setenv("GOGC", "")
	defer func(c uint64) { heapCeiling = c }(heapCeiling)
	// heapCeiling changes only while no setGC is in force, which reads it.
	heapCeiling = 1 << 40 // far above what is live: GOGC=400
	restore = setGC()
	collect(t, done)
	if p, l := gcPercent0(), memoryLimit(); p != 400 || l != 1<<40 {
		t.Errorf("setGC: percent %d, limit %d; want 400 and the ceiling", p, l)
	}
	restore()
	heapCeiling = 1 // whatever is live is over it: Go's defaults after a collection
	restore = setGC()
	collect(t, done)
	if p, l := gcPercent0(), memoryLimit(); p != 100 || l != math.MaxInt64 {
		t.Errorf("after a collection over the ceiling: percent %d, limit %d; want Go's defaults", p, l)
	}
	restore()
	// After restore no cleanup sets the pace (it checks, under the lock
	// restore takes, that pacing stopped), so this holds from here on.
	if p, l := gcPercent0(), memoryLimit(); p != p0 || l != l0 {
		t.Errorf("restored to %d, %d; want %d, %d", p, l, p0, l0)
	}
	// GOMEMLIMIT set: the limit is left alone.
	t.Setenv("GOMEMLIMIT", "8GiB")
	restore = setGC()
	collect(t, done)
	if l := memoryLimit(); l != l0 {
		t.Errorf("with GOMEMLIMIT set, setGC changed the limit from %d to %d", l0, l)
	}
	restore()
}
