package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// heapCeiling is the heap size that setGC keeps a build under while what
// the build holds is small enough: the whole of a 100,000-claim site fits.
var heapCeiling uint64 = 1750 << 20

// paced, when set (by tests), is called each time a collection has set
// the pace.
var paced atomic.Pointer[func()]

// setGC paces the garbage collector for loading and rendering a site, unless
// GOGC is set, and returns a function that puts back what it changed.
//
// A build makes a lot of short-lived garbage around data it keeps to the
// end. Go's default (GOGC=100) collects when the heap has grown by as much
// as is live, which for a build is often. After each
// collection setGC sets the next pace from what that collection found
// live (see pace): the heap may grow by four times what is live while
// that stays under heapCeiling, then just up to the ceiling, with a soft
// memory limit there that makes the collector finish in time; once holding
// the ceiling would take collecting more than twice as often as Go's
// default, it leaves the pace and the limit to Go's defaults. GOMEMLIMIT,
// if set, replaces the limit. bench/README.md has what this pacing
// saves and costs against Go's defaults.
func setGC() (restore func()) { return startPacing(pace) }

// setServeGC paces the garbage collector for the dev server, unless GOGC
// is set, and returns a function that puts back what it changed. The
// server holds the parsed files, the site being served and the one being
// rebuilt, and each save makes garbage: servePace sets no memory limit,
// as a limit close to what the server holds would have the collector run
// all the time.
func setServeGC() (restore func()) { return startPacing(servePace) }

// startPacing sets the collector's pace after each collection from what
// is live, with pace, until restore is called.
func startPacing(pace func(live, ceiling uint64) (int, int64)) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	setLimit := os.Getenv("GOMEMLIMIT") == ""
	var (
		mu      sync.Mutex
		stopped bool
	)
	prevPercent, prevLimit := debug.SetGCPercent(200), debug.SetMemoryLimit(-1)
	set := func(live uint64) {
		percent, limit := pace(live, heapCeiling)
		debug.SetGCPercent(percent)
		if setLimit {
			debug.SetMemoryLimit(limit)
		}
	}
	set(0)
	var arm func()
	arm = func() {
		// The cleanup of an object dropped at once runs after the next
		// collection.
		runtime.AddCleanup(new([64]byte), func(int) {
			mu.Lock()
			defer mu.Unlock()
			if !stopped {
				set(liveHeap())
				arm()
				if f := paced.Load(); f != nil {
					(*f)()
				}
			}
		}, 0)
	}
	arm()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	}
}

// pace is the GOGC and the soft memory limit for a heap with live bytes
// live: GOGC=400 while five times live is under the ceiling, then the
// GOGC that reaches the ceiling, down to 50, and with the ceiling as the
// limit; past that, Go's defaults (GOGC=100, no limit).
func pace(live, ceiling uint64) (percent int, limit int64) {
	switch {
	case live*5 <= ceiling:
		return 400, int64(ceiling)
	case live*3 <= ceiling*2:
		return int(ceiling*100/live) - 100, int64(ceiling)
	}
	return 100, math.MaxInt64
}

// servePace is the GOGC for a dev server with live bytes live, and no
// memory limit: GOGC=200 while three times live is under the ceiling (a
// collection running beside a save's rebuild makes it take twice as
// long), then Go's default.
func servePace(live, ceiling uint64) (percent int, limit int64) {
	if live*3 <= ceiling {
		return 200, math.MaxInt64
	}
	return 100, math.MaxInt64
}

// liveHeap is what the last collection found live on the heap.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
