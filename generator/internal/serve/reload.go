package serve

import (
	_ "embed"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// reloadPrefix holds the server's own URLs. Site ids cannot start with an
// underscore, so they never hide a page.
const reloadPrefix = "/__reload/"

// clientJS is the script added to every page: see client.js.
//
//go:embed client.js
var clientJS []byte

// serveReload serves the script, the event stream and the state.
func (s *server) serveReload(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path[len(reloadPrefix):] {
	case "client.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(clientJS)))
		if r.Method != http.MethodHead {
			w.Write(clientJS)
		}
	case "errors":
		w.Header().Set("Content-Type", "application/json")
		w.Write(s.state(s.cur.Load()))
	case "events":
		s.serveEvents(w, r)
	default:
		http.NotFound(w, r)
	}
}

// serveEvents streams the site's state: once at once, then after every
// build, with a comment every keepAlive so that proxies and browsers keep
// the connection open. It returns when the tab goes away or the server
// stops.
func (s *server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	c := s.hub.subscribe()
	defer s.hub.unsubscribe(c)
	// The state is read after subscribing, so no build falls in between.
	fmt.Fprintf(w, "retry: 1000\nevent: state\ndata: %s\n\n", s.state(s.cur.Load()))
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(s.keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		case msg := <-c:
			fmt.Fprintf(w, "event: state\ndata: %s\n\n", msg)
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		}
		if rc.Flush() != nil {
			return
		}
	}
}

// hub passes each new state to every open event stream.
type hub struct {
	mu   sync.Mutex
	subs map[chan []byte]struct{}
}

// subscribe returns a channel that gets each new state. Its buffer holds
// one: each state replaces the one before, so a slow tab gets the latest
// and never blocks a build.
func (h *hub) subscribe() chan []byte {
	c := make(chan []byte, 1)
	h.mu.Lock()
	h.subs[c] = struct{}{}
	h.mu.Unlock()
	return c
}

func (h *hub) unsubscribe(c chan []byte) {
	h.mu.Lock()
	delete(h.subs, c)
	h.mu.Unlock()
}

func (h *hub) publish(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select { // drop a state the tab has not taken yet
		case <-c:
		default:
		}
		c <- msg
	}
}

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}
