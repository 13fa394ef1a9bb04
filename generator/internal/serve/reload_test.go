package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"factcheck/generator/internal/diag"
)

// stream is a client of the event stream.
type stream struct {
	resp   *http.Response
	r      *bufio.Reader
	cancel context.CancelFunc
}

func openStream(t *testing.T, client *http.Client, url string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"/__reload/events", nil)
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	return &stream{resp, bufio.NewReader(resp.Body), cancel}
}

func (s *stream) close() {
	s.cancel()
	s.resp.Body.Close()
}

// next reads lines up to the next blank line, and returns the event's
// lines (comments included), failing after a second.
func (s *stream) next(t *testing.T) []string {
	t.Helper()
	done := make(chan []string, 1)
	go func() {
		var lines []string
		for {
			l, err := s.r.ReadString('\n')
			if err != nil {
				done <- append(lines, "ERROR "+err.Error())
				return
			}
			l = strings.TrimSuffix(l, "\n")
			if l == "" {
				done <- lines
				return
			}
			lines = append(lines, l)
		}
	}()
	select {
	case lines := <-done:
		return lines
	case <-time.After(5 * time.Second):
		t.Fatal("no event within five seconds")
		return nil
	}
}

// nextState reads the next event and decodes its state.
func (s *stream) nextState(t *testing.T) state {
	t.Helper()
	lines := s.next(t)
	var st state
	for _, l := range lines {
		if data, ok := strings.CutPrefix(l, "data: "); ok {
			if err := json.Unmarshal([]byte(data), &st); err != nil {
				t.Fatal(err)
			}
			return st
		}
	}
	t.Fatalf("no data in event %q", lines)
	return st
}

func TestEventsAfterRebuild(t *testing.T) {
	s := testServer(t, testFiles)
	ts := httptest.NewServer(s)
	defer ts.Close()
	es := openStream(t, ts.Client(), ts.URL)
	defer es.close()

	if st := es.nextState(t); !st.OK || st.Gen != 1 {
		t.Fatalf("first state %+v, want gen 1 ok", st)
	}

	// The event comes after the new site is in place.
	built := func(changed []string) (Files, diag.List, error) {
		return MapFiles{"index.html": []byte("<body>v2</body>")}, nil, nil
	}
	s.rebuild(built, []string{"content/claims/x.md"}, io.Discard, io.Discard)
	st := es.nextState(t)
	if !st.OK || st.Gen != 2 || st.CSS {
		t.Fatalf("after rebuild %+v, want gen 2 ok, not css", st)
	}
	if body := get(t, s, "GET", "/").Body.String(); !strings.Contains(body, "v2") {
		t.Errorf("event sent before the site was swapped: %s", body)
	}

	s.rebuild(built, []string{"static/assets/style.css"}, io.Discard, io.Discard)
	if st := es.nextState(t); !st.CSS || st.Gen != 3 {
		t.Errorf("after a CSS change %+v, want gen 3 css", st)
	}

	broken := func([]string) (Files, diag.List, error) {
		return nil, diag.List{{Path: "content/claims/x.md", Line: 4, Col: 2, Message: "quote not found"}}, nil
	}
	s.rebuild(broken, []string{"content/claims/x.md"}, io.Discard, io.Discard)
	st = es.nextState(t)
	if st.OK || st.Gen != 3 || len(st.Errors) != 1 || st.Errors[0].Pos != "content/claims/x.md:4:2" {
		t.Errorf("after a failed rebuild %+v", st)
	}
	// A CSS fix after a failure reloads: the page may show the errors.
	s.rebuild(built, []string{"static/assets/style.css"}, io.Discard, io.Discard)
	if st := es.nextState(t); !st.OK || st.CSS || st.Gen != 4 {
		t.Errorf("after the fix %+v, want gen 4 ok, not css", st)
	}
}

func TestKeepAlive(t *testing.T) {
	s := testServer(t, testFiles)
	s.keepAlive = 20 * time.Millisecond
	ts := httptest.NewServer(s)
	defer ts.Close()
	es := openStream(t, ts.Client(), ts.URL)
	defer es.close()
	es.next(t) // the state
	if lines := es.next(t); len(lines) != 1 || !strings.HasPrefix(lines[0], ":") {
		t.Errorf("keep-alive = %q, want a comment", lines)
	}
}

// TestEventsNoLeak opens many streams, closes them, and checks that the
// server forgets them: no subscriber, no goroutine left.
func TestEventsNoLeak(t *testing.T) {
	s := testServer(t, testFiles)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	base := runtime.NumGoroutine()

	var streams []*stream
	for range 50 {
		es := openStream(t, client, ts.URL)
		es.next(t)
		streams = append(streams, es)
	}
	if n := s.hub.count(); n != 50 {
		t.Fatalf("%d subscribers, want 50", n)
	}
	s.publish(MapFiles{}, nil, nil, nil)
	for _, es := range streams {
		es.nextState(t)
		es.close()
	}
	waitFor(t, 10*time.Second, func() bool { return s.hub.count() == 0 })
	waitFor(t, 10*time.Second, func() bool { return runtime.NumGoroutine() <= base })
}

func TestCloseEndsStreams(t *testing.T) {
	s := testServer(t, testFiles)
	ts := httptest.NewServer(s)
	defer ts.Close()
	es := openStream(t, ts.Client(), ts.URL)
	defer es.close()
	es.next(t)
	s.close()
	if lines := es.next(t); len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], "ERROR") {
		t.Errorf("stream still open after close: %q", lines)
	}
	waitFor(t, 10*time.Second, func() bool { return s.hub.count() == 0 })
}

// waitFor waits until cond holds, failing after d.
func waitFor(t *testing.T, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met within %s", d)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
