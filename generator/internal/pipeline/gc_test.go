package pipeline

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

func TestSetGC(t *testing.T) {
	p0, l0 := gcPercent0(), memoryLimit()
	t.Setenv("GOGC", "50")
	restore := SetGC()
	if p := gcPercent0(); p != p0 {
		t.Errorf("with GOGC set, SetGC changed the percent from %d to %d", p0, p)
	}
	restore()

	t.Setenv("GOGC", "")
	defer func(c uint64) { heapCeiling = c }(heapCeiling)
	// heapCeiling changes only while no SetGC is in force, which reads it.
	heapCeiling = 1 << 40 // far above what is live: GOGC=400
	restore = SetGC()
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if p, l := gcPercent0(), memoryLimit(); p != 400 || l != 1<<40 {
		t.Errorf("SetGC: percent %d, limit %d; want 400 and the ceiling", p, l)
	}
	restore()
	heapCeiling = 1 // whatever is live is over it: Go's defaults after a collection
	restore = SetGC()
	var p int
	for range 100 {
		runtime.GC()
		time.Sleep(time.Millisecond) // for the cleanup to run
		if p = gcPercent0(); p == 100 {
			break
		}
	}
	if l := memoryLimit(); p != 100 || l != math.MaxInt64 {
		t.Errorf("after collections over the ceiling: percent %d, limit %d; want Go's defaults", p, l)
	}
	restore()
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if p, l := gcPercent0(), memoryLimit(); p != p0 || l != l0 {
		t.Errorf("restored to %d, %d; want %d, %d", p, l, p0, l0)
	}
	// GOMEMLIMIT set: the limit is left alone.
	t.Setenv("GOMEMLIMIT", "8GiB")
	restore = SetGC()
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if l := memoryLimit(); l != l0 {
		t.Errorf("with GOMEMLIMIT set, SetGC changed the limit from %d to %d", l0, l)
	}
	restore()
}
