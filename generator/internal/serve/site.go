package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/locale"
)

// snapshot is what the server shows: the last good site and the outcome
// of the latest build. It is never changed once published; a rebuild
// publishes a new one.
type snapshot struct {
	files Files
	// gen counts good builds: a tab showing an older gen is out of date.
	gen int
	// css is set when this gen differs from the one before only in
	// stylesheets.
	css bool
	// errors are the latest build's errors; none when it succeeded.
	errors diag.List
	// l10n are the overlay's texts in the language of the last good
	// build's site (see overlayTexts), nil before one.
	l10n map[string]any
}

// overlayKeys are the messages of the error overlay (client.js).
var overlayKeys = []string{
	"The site has %d errors; you are seeing the last good build. Fix the files and this page reloads.",
	"Dismiss",
}

// overlayTexts are the overlay's texts in the language of files' site,
// when files say it (pipeline.LazyFiles does), else in English.
func overlayTexts(files Files) map[string]any {
	if f, ok := files.(interface{ Locale() *locale.Locale }); ok && f.Locale() != nil {
		return f.Locale().ScriptData(overlayKeys...)
	}
	return englishOverlay()
}

// englishOverlay are the overlay's texts before a good build.
var englishOverlay = sync.OnceValue(func() map[string]any {
	en, _ := locale.New("en", nil)
	return en.ScriptData(overlayKeys...)
})

// Files are a built site's files by output path ("claims/x/index.html").
type Files interface {
	// File returns a file's contents; ok is false when there is none.
	File(path string) (b []byte, ok bool)
}

// MapFiles are files already in memory.
type MapFiles map[string][]byte

// File implements Files.
func (m MapFiles) File(path string) ([]byte, bool) {
	b, ok := m[path]
	return b, ok
}

// server serves the current snapshot and the reload endpoints.
type server struct {
	cur atomic.Pointer[snapshot]
	hub hub
	// id tells this run of the server from an earlier one, whose
	// generations a tab may still show.
	id        string
	keepAlive time.Duration
	quit      chan struct{}
	// bind is the address or name the server listens on (--bind);
	// requests must name it, localhost or a loopback address (see
	// hostAllowed).
	bind string
}

func newServer() *server {
	s := &server{
		id:        strconv.FormatInt(time.Now().UnixNano(), 36),
		keepAlive: 15 * time.Second,
		quit:      make(chan struct{}),
	}
	s.hub.subs = map[chan []byte]struct{}{}
	s.cur.Store(&snapshot{files: MapFiles{}})
	return s
}

// close ends the event streams.
func (s *server) close() { close(s.quit) }

// rebuild builds the site, publishes the result and tells the tabs.
func (s *server) rebuild(b Builder, changed []string, stdout, stderr io.Writer) {
	start := time.Now()
	files, diags, err := safeBuild(b, changed)
	took := time.Since(start).Round(time.Millisecond)
	diag.WriteText(stderr, diags, false)
	if err != nil {
		fmt.Fprintf(stderr, "error: %s\n", diag.Escape(err.Error()))
	}
	s.publish(files, diags, err, changed)
	what, done := "build", "built"
	if changed != nil {
		what, done = "rebuild", "rebuilt"
	}
	if n := s.cur.Load().errors; len(n) > 0 {
		fmt.Fprintf(stderr, "%s failed in %s%s: %s; still serving the last good site\n",
			what, took, countChanges(changed), plural(len(n), "error"))
		return
	}
	fmt.Fprintf(stdout, "%s in %s%s\n", done, took, countChanges(changed))
}

// safeBuild runs b, turning a panic into an error: a bug in a template
// function should not end the preview.
func safeBuild(b Builder, changed []string) (files Files, diags diag.List, err error) {
	defer func() {
		if v := recover(); v != nil {
			files, err = nil, fmt.Errorf("the build crashed: %v", v)
		}
	}()
	return b(changed)
}

// publish swaps in the outcome of a build, then tells the tabs.
func (s *server) publish(files Files, diags diag.List, err error, changed []string) {
	old := s.cur.Load()
	next := &snapshot{files: old.files, gen: old.gen, l10n: old.l10n}
	for _, d := range diags {
		if d.Severity == diag.Error {
			next.errors = append(next.errors, d)
		}
	}
	if err != nil {
		next.errors = append(next.errors, diag.Diagnostic{Severity: diag.Error, Message: err.Error()})
	}
	if files != nil && len(next.errors) == 0 {
		next.files = files
		next.l10n = overlayTexts(files)
		next.gen++
		next.css = len(old.errors) == 0 && onlyCSS(changed)
	} else if len(next.errors) == 0 { // a builder that returns nothing: keep the site, report it
		next.errors = diag.List{{Severity: diag.Error, Message: "the build produced no site"}}
	}
	s.cur.Store(next)
	s.hub.publish(s.state(next))
}

func onlyCSS(changed []string) bool {
	for _, p := range changed {
		if !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return len(changed) > 0
}

// state is the JSON a tab gets on /__reload/errors and in each event.
type state struct {
	Server string       `json:"server"`
	Gen    int          `json:"gen"`
	OK     bool         `json:"ok"`
	CSS    bool         `json:"css"`
	Errors []errorState `json:"errors"`
	// L10n are the overlay's texts (snapshot.l10n), sent with errors.
	L10n map[string]any `json:"l10n,omitempty"`
}

type errorState struct {
	Pos     string `json:"pos"` // PATH:LINE:COL, or empty
	Message string `json:"message"`
}

func (s *server) state(snap *snapshot) []byte {
	st := state{Server: s.id, Gen: snap.gen, OK: len(snap.errors) == 0, CSS: snap.css, Errors: []errorState{}}
	for _, d := range snap.errors {
		pos := ""
		if d.Path != "" {
			pos = d.Pos()
		}
		st.Errors = append(st.Errors, errorState{pos, d.Message})
	}
	if len(snap.errors) > 0 {
		st.L10n = snap.l10n
		if st.L10n == nil {
			st.L10n = englishOverlay()
		}
	}
	b, _ := json.Marshal(st)
	return b
}

func countChanges(changed []string) string {
	if changed == nil {
		return ""
	}
	return " (" + plural(len(changed), "change") + ")"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// dedupe drops repeated paths, keeping the first of each.
func dedupe(paths []string) []string {
	seen := map[string]bool{}
	out := paths[:0]
	for _, p := range paths {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
