package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Soak test sizes: saves to one claim, and open event streams.
const (
	soakSaves   = 500
	soakClients = 200
)

// Allowed growth from before the clients opened to after they closed.
// Goroutines and descriptors may differ by a few for things that come and
// go on their own (a timer, the runtime's own).
//
// The heap is measured after two collections. Its growth has a floor that
// is not a leak: the runtime keeps the descriptor of every goroutine it
// ever ran for reuse, and 200 streams make about a thousand (the server's
// connection, the client's readLoop and writeLoop, the test's reader), so
// the live heap ends about 0.5 MB higher and the heap in use (whole spans)
// about 2.5 MB higher the first time, and not again when the test runs a
// second time in the process (-count=2). One build of the example site,
// with the server around it, takes 1.3 MB live. The saves make 35 to 55
// rebuilds (fewer on a busy machine), so keeping a site per rebuild would
// add 35 MB or more, and keeping 120 KB per rebuild, or 20 KB per stream,
// would pass the live limit.
const (
	soakGoroutineSlack = 5
	soakFDSlack        = 5
	soakInuseSlack     = 8 << 20
	soakLiveSlack      = 4 << 20
)

// soakStream is a client of the event stream that records what it got.
type soakStream struct {
	cancel context.CancelFunc
	body   io.ReadCloser
	first  chan struct{} // closed at the first event
	done   chan struct{} // closed when the reader returns

	mu     sync.Mutex
	events int
	errors int       // events with "ok":false
	last   string    // the last event's data
	lastAt time.Time // when it came
	ended  error     // why the reader stopped, when not closed by us
}

// openSoakStream opens one event stream on its own connection and starts
// reading it; addr gets the connection's local address.
func openSoakStream(t *testing.T, client *http.Client, base string) (*soakStream, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var addr string
	trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) {
		addr = info.Conn.LocalAddr().String()
	}}
	req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), "GET", base+"__reload/events", nil)
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		resp.Body.Close()
		cancel()
		t.Fatalf("event stream: %s, Content-Type %q", resp.Status, resp.Header.Get("Content-Type"))
	}
	s := &soakStream{cancel: cancel, body: resp.Body, first: make(chan struct{}), done: make(chan struct{})}
	go s.read()
	return s, addr
}

func (s *soakStream) read() {
	defer close(s.done)
	sc := bufio.NewScanner(s.body)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		s.mu.Lock()
		if s.events == 0 {
			close(s.first)
		}
		s.events++
		if strings.Contains(data, `"ok":false`) {
			s.errors++
		}
		s.last, s.lastAt = data, time.Now()
		s.mu.Unlock()
	}
	s.mu.Lock()
	s.ended = sc.Err()
	if s.ended == nil {
		s.ended = io.EOF
	}
	s.mu.Unlock()
}

// status returns what the stream has got so far.
func (s *soakStream) status() (events, errors int, last string, lastAt time.Time, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.events, s.errors, s.last, s.lastAt, s.ended
}

func (s *soakStream) close() {
	s.cancel()
	s.body.Close()
	<-s.done
}

// usage is what the soak test measures.
type usage struct {
	goroutines int
	fds        int // -1 where /proc/self/fd is missing
	heapInuse  uint64
	heapAlloc  uint64
}

func (u usage) String() string {
	return fmt.Sprintf("%d goroutines, %d fds, heap in use %s (live %s)",
		u.goroutines, u.fds, mb(u.heapInuse), mb(u.heapAlloc))
}

// countFDs counts this process's open file descriptors, or returns -1
// where it cannot (not Linux).
func countFDs() int {
	if runtime.GOOS != "linux" {
		return -1
	}
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(ents) - 1 // without the one ReadDir had open
}

func measure() usage {
	runtime.GC()
	runtime.GC() // the second empties the sync.Pools' victim caches
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return usage{runtime.NumGoroutine(), countFDs(), m.HeapInuse, m.HeapAlloc}
}

// settle waits up to d for the goroutines and descriptors to come down to
// at most the limits (fds < 0: not checked), and fails with every
// goroutine's stack if they do not.
func settle(t *testing.T, d time.Duration, what string, goroutines, fds int) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		g, f := runtime.NumGoroutine(), countFDs()
		if g <= goroutines && (fds < 0 || f <= fds) {
			return
		}
		if time.Now().After(deadline) {
			var stacks strings.Builder
			pprof.Lookup("goroutine").WriteTo(&stacks, 1)
			t.Fatalf("%s: %d goroutines (at most %d), %d fds (at most %d) after %s; goroutines:\n%s",
				what, g, goroutines, f, fds, d, stacks.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// soakContent is the claim as the test saves it: the author names the
// save, and a broken save misquotes the report.
func soakContent(orig string, i int, broken bool) string {
	s := strings.Replace(orig, "Elena Marsh", fmt.Sprintf("Soak Writer %03d", i), 1)
	if broken {
		s = strings.Replace(s, "> We have no indications", "> We have strong indications", 1)
	}
	return s
}

// TestSoak saves a claim 500 times in quick succession with 200 event
// streams open, and checks that every stream follows to the last save and
// that the server keeps no goroutine, descriptor or memory for them.
func TestSoak(t *testing.T) {
	before0 := runtime.NumGoroutine()
	dir := exampleSite(t)
	orig, err := os.ReadFile(filepath.Join(dir, claimPath))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(orig), "> We have no indications") {
		t.Fatal("the claim no longer holds the quote the test breaks")
	}
	// A marker file saved after the last save tells when the saves are all
	// rebuilt: changes are rebuilt in the order they were made.
	const marker = "static/soak-marker.txt"
	var markerRebuilt atomic.Bool
	if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	srv := start(t, Options{Src: dir, rebuilt: func(changed []string) {
		if slices.Contains(changed, marker) {
			markerRebuilt.Store(true)
		}
	}})
	pageURL := srv.url + "claims/no-foreign-attempt-to-alter-voting/"

	pages := &http.Transport{}
	defer pages.CloseIdleConnections()
	get := func(url string) string {
		t.Helper()
		resp, err := (&http.Client{Transport: pages}).Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// Render the page once, so that what the first render sets up is in
	// the baseline.
	if body := get(pageURL); !strings.Contains(body, "Elena Marsh") {
		t.Fatalf("claim page before the saves:\n%s", body)
	}
	pages.CloseIdleConnections()
	before := measure()
	t.Logf("before the clients: %s", before)

	streams := &http.Transport{MaxConnsPerHost: soakClients + 1, MaxIdleConnsPerHost: soakClients + 1}
	client := &http.Client{Transport: streams}
	clients := make([]*soakStream, 0, soakClients)
	closeAll := func() {
		for _, c := range clients {
			c.close()
		}
		clients = nil
		streams.CloseIdleConnections()
	}
	defer closeAll()
	conns := map[string]bool{}
	for range soakClients {
		c, addr := openSoakStream(t, client, srv.url)
		clients = append(clients, c)
		conns[addr] = true
	}
	if len(conns) != soakClients {
		t.Fatalf("%d streams share %d connections", soakClients, len(conns))
	}
	for i, c := range clients {
		select {
		case <-c.first:
		case <-time.After(5 * time.Second):
			t.Fatalf("stream %d: no first event within 5s", i)
		}
	}

	// The saves: two in three write the file in place, one in three
	// rename a temporary file over it; one in twenty breaks the quote and
	// the next fixes it again, and the last is good. After every tenth the
	// folder stays quiet a little longer than the watcher waits, so that
	// the saves make many rebuilds, not one. Halfway, the test waits until
	// every stream has shown the error, so that the failing path is
	// soaked too.
	var lastSave time.Time
	for i := range soakSaves {
		broken := i%20 == 9
		data := soakContent(string(orig), i, broken)
		if i%3 == 2 {
			saveByRename(t, dir, claimPath, data)
		} else {
			writeFile(t, dir, claimPath, data)
		}
		lastSave = time.Now()
		if i == soakSaves/2-1 {
			waitForErrors(t, clients)
		}
		if i%10 == 9 {
			time.Sleep(batchDelay + 10*time.Millisecond)
		}
	}

	// Settled: the marker saved after the last save is rebuilt, the page
	// shows the last save, and every stream's last event is the final
	// state and came after the last save.
	saveByRename(t, dir, marker, "m")
	final := waitSettled(t, srv, get, pageURL, clients, lastSave, markerRebuilt.Load)
	if !strings.Contains(final, `"ok":true`) {
		t.Errorf("final state %s, want ok", final)
	}
	builds := strings.Count(srv.stdout.String(), "rebuilt in")
	failed := strings.Count(srv.stderr.String(), "rebuild failed")
	events := 0
	for _, c := range clients {
		n, _, _, _, _ := c.status()
		events += n
	}
	t.Logf("%d saves: %d rebuilds, %d failed; %d events to %d streams", soakSaves, builds, failed, events, len(clients))

	closeAll()
	pages.CloseIdleConnections()
	settle(t, 10*time.Second, "after the clients closed", before.goroutines+soakGoroutineSlack, fdLimit(before.fds, soakFDSlack))
	after := measure()
	t.Logf("after the clients: %s", after)
	if after.heapInuse > before.heapInuse+soakInuseSlack {
		t.Errorf("heap in use grew by %s (at most %s)", mb(after.heapInuse-before.heapInuse), mb(soakInuseSlack))
	}
	if after.heapAlloc > before.heapAlloc+soakLiveSlack {
		t.Errorf("live heap grew by %s (at most %s)", mb(after.heapAlloc-before.heapAlloc), mb(soakLiveSlack))
	}

	if err := srv.stop(); err != nil {
		t.Fatal(err)
	}
	settle(t, 10*time.Second, "after the server stopped", before0, -1)
	t.Logf("goroutines: %d before Run, %d after it returned", before0, runtime.NumGoroutine())
}

func mb(n uint64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

func fdLimit(fds, slack int) int {
	if fds < 0 {
		return -1
	}
	return fds + slack
}

// waitForErrors waits until every stream has got a failed build's state.
func waitForErrors(t *testing.T, clients []*soakStream) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for i, c := range clients {
		for {
			_, errors, _, _, err := c.status()
			if errors > 0 {
				break
			}
			if err != nil {
				t.Fatalf("stream %d ended: %v", i, err)
			}
			if time.Now().After(deadline) {
				t.Fatalf("stream %d got no failed build's state", i)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// waitSettled waits until rebuilt reports the marker saved after the last
// save rebuilt, the page shows the last save, and every stream got the
// final state after lastSave. It returns the final state.
func waitSettled(t *testing.T, srv *running, get func(string) string, pageURL string, clients []*soakStream, lastSave time.Time, rebuilt func() bool) string {
	t.Helper()
	want := fmt.Sprintf("Soak Writer %03d", soakSaves-1)
	deadline := time.Now().Add(30 * time.Second)
	for {
		final := get(srv.url + "__reload/errors")
		page := get(pageURL)
		problem := ""
		switch {
		case !rebuilt():
			problem = "the marker saved after the last save is not rebuilt"
		case !strings.Contains(page, want):
			problem = "the page does not show " + want
		default:
			for i, c := range clients {
				_, _, last, at, err := c.status()
				if err != nil {
					t.Fatalf("stream %d ended: %v", i, err)
				}
				if last != final || !at.After(lastSave) {
					problem = fmt.Sprintf("stream %d: last event %s at %s after the last save, want %s",
						i, last, at.Sub(lastSave), final)
					break
				}
			}
		}
		if problem == "" {
			return final
		}
		if time.Now().After(deadline) {
			t.Fatalf("not settled within 30s: %s", problem)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
