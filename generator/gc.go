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

// The collector's pace. Go collects when the heap reaches twice what the
// last collection found live (GOGC=100). A build or a save's rebuild
// holds the whole parsed site, most of it from start to end, and each
// collection walks all of it. So, unless GOGC is set, build and serve
// let the heap reach up to five times what is live (GOGC=400) while that
// stays under a ceiling, and less as the live heap nears it: the goal
// (live × (1 + GOGC/100)) stays within the ceiling, down to Go's default
// when half the ceiling is live (pace). No memory limit is set for that:
// a limit near what a large site holds would have the collector run all
// the time.
//
// Before the first collection nothing is known of what is live, and a
// program that starts with an empty heap collects at 4 MiB, then at each
// few doublings, walking the site loaded so far each time. So build's
// first collection comes when the memory the runtime holds reaches
// firstCollection, unless a memory limit is in force (GOMEMLIMIT): until
// then the collector is off, with that as the memory limit, and once the
// first collection is over the limit is put back and the pace set (by
// the same cleanup that sets it after each collection). A build that
// stays under it never collects, and one that goes past it peaks where
// it would have. The dev server does not wait so: it lives on after its
// first build, and a small site's saves would pile up garbage to that
// size.
//
// buildHeapCeiling is the ceiling of build: a cold build's peak then
// stays near what Go's default gives it (about twice the live heap, a
// few hundred MiB at 10,000 claims), and a rebuild skips most
// collections. serveHeapCeiling is the dev server's, which holds two
// sites while it rebuilds, and collects at most half as often as Go's
// default (GOGC=200).
var (
	firstCollection  int64  = 512 << 20
	buildHeapCeiling uint64 = 512 << 20
	serveHeapCeiling uint64 = 1750 << 20
)

const (
	buildMostPercent = 400
	serveMostPercent = 200
)

// paced, when set (by tests), is called each time a collection has set
// the pace.
var paced atomic.Pointer[func()]

// setGC paces the garbage collector (see pace) with ceiling and most,
// unless GOGC is set, and returns a function that puts back what it
// changed. After each collection it sets GOGC from what that collection
// found live. With first > 0 and no memory limit in force, the
// collector is off until the first collection, which the memory limit
// first brings about.
func setGC(ceiling uint64, most int, first int64) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	var (
		mu      sync.Mutex
		stopped bool
	)
	prevPercent := debug.SetGCPercent(pace(0, ceiling, most))
	prevLimit := debug.SetMemoryLimit(-1)
	waiting := first > 0 && prevLimit == math.MaxInt64
	if waiting {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(first)
	}
	var arm func()
	arm = func() {
		// The cleanup of an object dropped at once runs after the next
		// collection.
		runtime.AddCleanup(new([64]byte), func(int) {
			mu.Lock()
			defer mu.Unlock()
			if !stopped {
				debug.SetGCPercent(pace(liveHeap(), ceiling, most))
				if waiting {
					debug.SetMemoryLimit(prevLimit)
					waiting = false
				}
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

// pace is the GOGC for live bytes live: the largest whose heap goal,
// live × (1 + GOGC/100), is within ceiling, between Go's default (100)
// and most.
func pace(live, ceiling uint64, most int) (percent int) {
	if live == 0 {
		return most
	}
	return max(100, int(min(uint64(most)+100, ceiling*100/live))-100)
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
