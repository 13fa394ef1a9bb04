package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// build and check run with Go's collector defaults (GOGC=100, no memory
// limit): a build's heap peaks near twice what it holds, under half of
// Hugo's peak for the same site, and a higher GOGC bought no time on disk
// (bench/README.md, "The collector").

// serveHeapCeiling is the heap size under which the dev server collects
// half as often as Go's default.
var serveHeapCeiling uint64 = 1750 << 20

// paced, when set (by tests), is called each time a collection has set
// the pace.
var paced atomic.Pointer[func()]

// setServeGC paces the garbage collector for the dev server, unless GOGC
// is set, and returns a function that puts back what it changed. After
// each collection it sets GOGC from what that collection found live
// (servePace): a save's rebuild takes twice as long when a collection
// runs beside it, so the server collects less often while its heap is
// small. It sets no memory limit: a limit close to what the server holds
// (the parsed files, the site being served and the one being rebuilt)
// would have the collector run all the time.
func setServeGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	var (
		mu      sync.Mutex
		stopped bool
	)
	prevPercent := debug.SetGCPercent(servePace(0, serveHeapCeiling))
	var arm func()
	arm = func() {
		// The cleanup of an object dropped at once runs after the next
		// collection.
		runtime.AddCleanup(new([64]byte), func(int) {
			mu.Lock()
			defer mu.Unlock()
			if !stopped {
				debug.SetGCPercent(servePace(liveHeap(), serveHeapCeiling))
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
	}
}

// servePace is the GOGC for a dev server with live bytes live: 200 while
// three times live is under the ceiling, then Go's default.
func servePace(live, ceiling uint64) (percent int) {
	if live*3 <= ceiling {
		return 200
	}
	return 100
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
