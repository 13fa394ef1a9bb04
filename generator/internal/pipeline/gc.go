package pipeline

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// heapCeiling is the heap size that SetGC keeps a build under while what
// the build holds is small enough: the whole of a 100,000-claim site fits.
var heapCeiling uint64 = 1750 << 20

// SetGC paces the garbage collector for loading and rendering a site, unless
// GOGC is set, and returns a function that puts back what it changed.
//
// A build makes a lot of short-lived garbage around data it keeps to the
// end. Go's default (GOGC=100) collects when the heap has grown by as much
// as is live, and spends a sixth of a build collecting. After each
// collection SetGC sets the next pace from what that collection found
// live (see pace): the heap may grow by four times what is live while
// that stays under heapCeiling, then just up to the ceiling, with a soft
// memory limit there that makes the collector finish in time; once holding
// the ceiling would take collecting more than twice as often as Go's
// default, it leaves the pace and the limit to Go's defaults. GOMEMLIMIT,
// if set, replaces the limit. Against Go's defaults, 10,000 claims build
// 13% faster, in 380 MiB instead of 250; 100,000 in 1.74 GiB instead of
// 2.2 but 15% slower (18.5 s instead of 16); 200,000 about as with the
// defaults (39 s and 4.6 GiB instead of 37 s and 5.1 GiB).
func SetGC() (restore func()) { return setGC(pace) }

// SetServeGC paces the garbage collector for the dev server, unless GOGC
// is set, and returns a function that puts back what it changed. The
// server holds the parsed files, the site being served and the one being
// rebuilt, and each save makes garbage: servePace sets no memory limit,
// as a limit close to what the server holds would have the collector run
// all the time (at 100,000 claims, a save took 2 s instead of 0.7).
func SetServeGC() (restore func()) { return setGC(servePace) }

func setGC(pace func(live, ceiling uint64) (int, int64)) (restore func()) {
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
