package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"factcheck/generator/internal/diag"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// exampleSite copies the example site (the repository's content/) into a
// temporary folder.
func exampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "..", "content")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		dst := filepath.Join(dir, "content", rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// running is a server started by Run.
type running struct {
	url            string
	stdout, stderr *syncBuffer
	stop           func() error
}

var servingLine = regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)\n`)

// start runs the server on a free port until the test ends.
func start(t *testing.T, opts Options) *running {
	t.Helper()
	r := &running{stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	opts.Stdout, opts.Stderr = r.stdout, r.stderr
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts) }()
	var once sync.Once
	var err error
	r.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				err = fmt.Errorf("Run did not return within 5s of the cancel")
			}
		})
		return err
	}
	t.Cleanup(func() { r.stop() })
	deadline := time.Now().Add(20 * time.Second)
	for {
		if m := servingLine.FindStringSubmatch(r.stdout.String()); m != nil {
			r.url = m[1]
			return r
		}
		select {
		case err := <-done:
			t.Fatalf("Run returned %v before serving; stderr:\n%s", err, r.stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no serving line; stdout:\n%s", r.stdout)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const claimPath = "content/claims/no-foreign-attempt-to-alter-voting.md"

// edit replaces old with new in a file of the site.
func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRun(t *testing.T) {
	dir := exampleSite(t)
	srv := start(t, Options{Src: dir})
	code, body := httpGet(t, srv.url+"claims/no-foreign-attempt-to-alter-voting/")
	if code != 200 || !strings.Contains(body, "/__reload/client.js") {
		t.Fatalf("claim page: %d\n%s", code, body)
	}
	// An open event stream must not hold up the shutdown.
	resp, err := http.Get(srv.url + "__reload/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()

	edit(t, dir, claimPath, "Elena Marsh", "Zed Quill")
	waitFor(t, 10*time.Second, func() bool {
		_, body := httpGet(t, srv.url+"claims/no-foreign-attempt-to-alter-voting/")
		return strings.Contains(body, "Zed Quill")
	})
	if !regexp.MustCompile(`rebuilt in \d+ms \(1 change\)\n`).MatchString(srv.stdout.String()) {
		t.Errorf("stdout:\n%s", srv.stdout)
	}
	start := time.Now()
	if err := srv.stop(); err != nil {
		t.Fatal(err)
	}
	// Shutdown gives up on open connections after 3 s.
	if d := time.Since(start); d > 2500*time.Millisecond {
		t.Errorf("shutdown took %s", d)
	}
	if _, err := http.Get(srv.url); err == nil {
		t.Error("still serving after the context ended")
	}
}

func TestRunPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	err = Run(context.Background(), Options{Src: t.TempDir(), Port: port})
	want := fmt.Sprintf("port %d is in use; try --port %d", port, port+1)
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestRunOneSaveOneRebuild counts the builds for an editor's save made
// of many events.
func TestRunOneSaveOneRebuild(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/claims/a.md", "a")
	var builds atomic.Int32
	var last atomic.Value
	b := func(changed []string) (Files, diag.List, error) {
		builds.Add(1)
		last.Store(changed)
		return MapFiles{"index.html": []byte("<body>x</body>")}, nil, nil
	}
	start(t, Options{Src: dir, Builder: b})
	p := filepath.Join(dir, "content/claims/a.md")
	writeFile(t, dir, "content/claims/4913", "")
	os.Remove(filepath.Join(dir, "content/claims/4913"))
	writeFile(t, dir, "content/claims/.a.md.swp", "")
	os.Rename(p, p+"~")
	writeFile(t, dir, "content/claims/a.md", "b")
	os.Chmod(p, 0o600)
	os.Remove(p + "~")
	waitFor(t, 10*time.Second, func() bool { return builds.Load() == 2 })
	if got := last.Load().([]string); len(got) != 1 || got[0] != "content/claims/a.md" {
		t.Errorf("changed = %q", got)
	}
	// A marker saved after the save is rebuilt third, and alone: changes
	// are reported in the order they were made, so an event of the save
	// still on its way would make a rebuild before it or join it.
	const marker = "content/claims/marker.md"
	saveByRename(t, dir, marker, "m")
	waitFor(t, 10*time.Second, func() bool { return slices.Contains(last.Load().([]string), marker) })
	if n, got := builds.Load(), last.Load().([]string); n != 3 || len(got) != 1 {
		t.Errorf("the marker's build is build %d, of %q; want build 3 (after the first and the save's), of the marker alone", n, got)
	}
}

func TestRunFirstBuildFails(t *testing.T) {
	dir := exampleSite(t)
	edit(t, dir, claimPath, "rating: accurate", "rating: sort-of")
	srv := start(t, Options{Src: dir})
	code, body := httpGet(t, srv.url)
	if code != 404 || !strings.Contains(body, "/__reload/client.js") {
		t.Errorf("broken first build: %d\n%s", code, body)
	}
	var st state
	_, body = httpGet(t, srv.url+"__reload/errors")
	json.Unmarshal([]byte(body), &st)
	if st.OK || len(st.Errors) != 1 || !strings.HasPrefix(st.Errors[0].Pos, claimPath+":") {
		t.Errorf("errors: %s", body)
	}
	if !strings.Contains(srv.stderr.String(), claimPath) || !strings.Contains(srv.stderr.String(), "build failed") {
		t.Errorf("stderr:\n%s", srv.stderr)
	}
	edit(t, dir, claimPath, "rating: sort-of", "rating: accurate")
	waitFor(t, 10*time.Second, func() bool {
		code, _ := httpGet(t, srv.url)
		return code == 200
	})
}
