package main

import (
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

func TestServePace(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		live    uint64
		percent int
	}{{0, 200}, {583 * mb, 200}, {700 * mb, 100}, {1000 * mb, 100}, {5000 * mb, 100}} {
		if p := servePace(tc.live, 1750*mb); p != tc.percent {
			t.Errorf("servePace(%d MB) = %d; want %d", tc.live/mb, p, tc.percent)
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

func TestSetServeGC(t *testing.T) {
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
	restore := setServeGC()
	if p := gcPercent0(); p != p0 {
		t.Errorf("with GOGC set, setServeGC changed the percent from %d to %d", p0, p)
	}
	restore()

	t.Setenv("GOGC", "")
	defer func(c uint64) { serveHeapCeiling = c }(serveHeapCeiling)
	// serveHeapCeiling changes only while no setServeGC is in force,
	// which reads it.
	serveHeapCeiling = 1 << 40 // far above what is live: GOGC=200
	restore = setServeGC()
	collect(t, done)
	if p, l := gcPercent0(), memoryLimit(); p != 200 || l != l0 {
		t.Errorf("setServeGC: percent %d, limit %d; want 200 and the limit left alone (%d)", p, l, l0)
	}
	restore()
	serveHeapCeiling = 1 // whatever is live is over it: Go's default after a collection
	restore = setServeGC()
	collect(t, done)
	if p := gcPercent0(); p != 100 {
		t.Errorf("after a collection over the ceiling: percent %d; want Go's default", p)
	}
	restore()
	// After restore no cleanup sets the pace (it checks, under the lock
	// restore takes, that pacing stopped), so this holds from here on.
	if p := gcPercent0(); p != p0 {
		t.Errorf("restored to %d; want %d", p, p0)
	}
}
