// Command edit measures the dev server as an editor meets it, on a site
// made by generator/internal/bench/gensite: how long after start the first claim page is
// served, and how long after saving a claim its new page is served.
//
//	go run ./generator/internal/bench/edit -fc BIN -src SITE [-edits 9]
//
// It starts BIN serve, the generator built as users run it (its own
// collector pacing included, see generator/gc.go), on a free port;
// listens to the live-reload event stream like an open tab; and for each
// edit saves a claim the way editors do (write a temporary file, rename
// it over the claim), waits for the reload event, fetches the claim's
// page and checks it holds the new text. The time of an edit runs from
// the rename to the last byte of that page, so the watcher's batching is
// included. The claims are restored at the end, and the server stopped
// as Ctrl-C stops it: with FC_CPUPROFILE=FILE in the environment, it
// writes a CPU profile of its whole run there.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	fc := flag.String("fc", "", "the generator's executable (go build -o BIN ./generator)")
	src := flag.String("src", "", "site folder made by generator/internal/bench/gensite")
	edits := flag.Int("edits", 9, "number of saves to time")
	flag.Parse()
	if *src == "" || *fc == "" {
		fmt.Fprintln(os.Stderr, "usage: edit -fc BIN -src SITE [-edits N]")
		os.Exit(2)
	}
	if err := run(*fc, *src, *edits); err != nil {
		fmt.Fprintln(os.Stderr, "edit:", err)
		os.Exit(1)
	}
}

func run(fc, src string, edits int) error {
	// Claims are in sub-folders or not, as the site's shape has them.
	var claims []string
	err := filepath.WalkDir(filepath.Join(src, "content", "claims"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), "claim-") && strings.HasSuffix(p, ".md") {
			claims = append(claims, p)
		}
		return err
	})
	if err != nil || len(claims) == 0 {
		return fmt.Errorf("no claims in %s/content/claims: %v", src, err)
	}
	slices.Sort(claims)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := new(lockedBuffer)
	cmd := exec.Command(fc, "serve", "--src", src, "--port", strconv.Itoa(port))
	cmd.Stdout, cmd.Stderr = log, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cmd.Process.Signal(os.Interrupt)
		return <-done
	}
	defer stop()
	first := pageURL(base, claims[0])
	for {
		if _, err := get(first); err == nil {
			break
		}
		select {
		case err := <-done:
			stopped = true
			return fmt.Errorf("server stopped: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	fmt.Printf("serve: first claim page served %.2f s after start (%d claims)\n", time.Since(start).Seconds(), len(claims))

	events, err := listen(ctx, base)
	if err != nil {
		return err
	}
	var times []time.Duration
	for i := range edits {
		// Spread the edits over the site.
		file := claims[(i*len(claims)/edits+len(claims)/(2*edits))%len(claims)]
		orig, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		marker := fmt.Sprintf("edit-marker-%d-%d", i, time.Now().UnixNano())
		edited := strings.TrimRight(string(orig), "\n") + "\n\nAdded in the benchmark: " + marker + ".\n"
		drain(events)
		t0, err := save(file, edited)
		if err != nil {
			return err
		}
		var page string
		for !strings.Contains(page, marker) {
			select {
			case <-events:
			case <-time.After(30 * time.Second):
				return fmt.Errorf("no new page 30 s after saving %s", file)
			}
			if page, err = get(pageURL(base, file)); err != nil {
				return err
			}
		}
		times = append(times, time.Since(t0))
		if _, err := save(file, string(orig)); err != nil {
			return err
		}
		// Let the restore's rebuild pass before the next edit.
		select {
		case <-events:
		case <-time.After(30 * time.Second):
		}
	}
	slices.Sort(times)
	var parts []string
	for _, t := range times {
		parts = append(parts, fmt.Sprintf("%.0f", ms(t)))
	}
	fmt.Printf("serve: save to new page served, median %.0f ms, min %.0f ms, max %.0f ms (%d saves: %s ms)\n",
		ms(times[len(times)/2]), ms(times[0]), ms(times[len(times)-1]), len(times), strings.Join(parts, " "))
	cancel()
	err = stop()
	fmt.Print("serve's own log (rebuild times):\n", log.String())
	return err
}

// lockedBuffer is the server's output, written from its goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// pageURL is the URL of a claim file's page.
func pageURL(base, file string) string {
	return base + "claims/" + strings.TrimSuffix(filepath.Base(file), ".md") + "/"
}

func get(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s: %s", url, resp.Status)
	}
	return string(b), err
}

// save writes text to file as editors do, through a temporary file renamed
// over it, and returns when the rename is done.
func save(file, text string) (time.Time, error) {
	tmp := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		return time.Time{}, err
	}
	if err := os.Rename(tmp, file); err != nil {
		return time.Time{}, err
	}
	return time.Now(), nil
}

// listen opens the live-reload event stream and passes on each event.
func listen(ctx context.Context, base string) (<-chan struct{}, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"__reload/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	out := make(chan struct{}, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event:") {
				select {
				case out <- struct{}{}:
				default:
				}
			}
		}
	}()
	// The stream starts with the current state.
	select {
	case <-out:
	case <-time.After(10 * time.Second):
		return nil, fmt.Errorf("no event from %s__reload/events", base)
	}
	return out, nil
}

func drain(c <-chan struct{}) {
	for {
		select {
		case <-c:
		default:
			return
		}
	}
}
