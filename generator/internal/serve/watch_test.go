package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// writeFile writes a file of the site below dir, making its folders.
func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// A file of the same length is written in place, in one write; any
	// other is written whole under a hidden name and renamed, so that the
	// polling watcher never sees it half written (empty, then full: two
	// changes).
	if fi, err := os.Stat(p); err == nil && fi.Size() == int64(len(data)) {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt([]byte(data), 0); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return
	}
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".write")
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// saveByRename saves like many editors: a temporary file renamed over the
// original.
func saveByRename(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp12345")
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// watchers are the two ways to watch, tested alike.
var watchers = []struct {
	name  string
	start func(ctx context.Context, dir string) (<-chan []string, error)
}{
	{"fsnotify", func(ctx context.Context, dir string) (<-chan []string, error) {
		return watch(ctx, dir, batchDelay)
	}},
	{"poll", func(ctx context.Context, dir string) (<-chan []string, error) {
		return poll(ctx, dir, 30*time.Millisecond), nil
	}},
}

// newWatchedSite makes a small site folder and watches it.
func newWatchedSite(t *testing.T, start func(context.Context, string) (<-chan []string, error)) (string, <-chan []string) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "content/site.yaml", "title: T\n")
	writeFile(t, dir, "content/claims/a.md", "a")
	writeFile(t, dir, "static/assets/style.css", "body{}")
	ctx, cancel := context.WithCancel(context.Background())
	changes, err := start(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		for range changes { // the watcher closes its channel when done
		}
	})
	return dir, changes
}

// nextBatch waits for a batch of changes, failing after five seconds.
func nextBatch(t *testing.T, changes <-chan []string) []string {
	t.Helper()
	select {
	case b := <-changes:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported within five seconds")
		return nil
	}
}

// batchWith waits for the batch that reports name, made in a folder
// created with it: the folder may be reported first, in a batch of its
// own, when the watcher sees it before the file in it.
func batchWith(t *testing.T, changes <-chan []string, name string) {
	t.Helper()
	for {
		got := nextBatch(t, changes)
		if slices.Contains(got, name) {
			return
		}
		for _, p := range got {
			if !strings.HasPrefix(name, p+"/") {
				t.Fatalf("changes %q, want %s or the folders it is in", got, name)
			}
		}
	}
}

// markers numbers the marker files of noBatch.
var markers atomic.Int32

// noBatch checks that nothing was reported since the last batch: it saves
// a new marker file (by rename, so that it appears whole) and checks that
// the next batch holds the marker alone. Changes are reported in the
// order they were made, so one still on its way would come before the
// marker or with it.
func noBatch(t *testing.T, dir string, changes <-chan []string) {
	t.Helper()
	marker := fmt.Sprintf("content/claims/marker-%d.md", markers.Add(1))
	saveByRename(t, dir, marker, "m")
	if got := nextBatch(t, changes); !slices.Equal(got, []string{marker}) {
		t.Fatalf("changes %q, want only the marker %s", got, marker)
	}
}

func TestWatch(t *testing.T) {
	for _, w := range watchers {
		t.Run(w.name, func(t *testing.T) {
			dir, changes := newWatchedSite(t, w.start)
			check := func(what string, want ...string) {
				t.Helper()
				if got := nextBatch(t, changes); !slices.Equal(got, want) {
					t.Errorf("%s: changes %q, want %q", what, got, want)
				}
			}
			writeFile(t, dir, "content/claims/a.md", "b") // in place
			check("write", "content/claims/a.md")

			saveByRename(t, dir, "content/claims/a.md", "a3")
			check("save by rename", "content/claims/a.md")

			writeFile(t, dir, "content/site.yaml", "title: U\n")
			check("site.yaml", "content/site.yaml")

			// A new sub-folder with a claim, then a change inside it: the
			// folder is watched from its creation on.
			writeFile(t, dir, "content/claims/2026/05/new.md", "n")
			batchWith(t, changes, "content/claims/2026/05/new.md")
			writeFile(t, dir, "content/claims/2026/05/new.md", "n2")
			check("write in new folder", "content/claims/2026/05/new.md")

			// Folders created after the start, at the top.
			writeFile(t, dir, "templates/claim.html", "x")
			batchWith(t, changes, "templates/claim.html")

			if err := os.Remove(filepath.Join(dir, "content/claims/a.md")); err != nil {
				t.Fatal(err)
			}
			check("remove", "content/claims/a.md")

			// Editors' files and files outside the watched folders.
			for _, name := range []string{"content/claims/4913", "content/claims/.b.md.swp", "content/claims/b.md.swx",
				"content/claims/b.md~", "content/claims/#b.md#", "content/claims/.#b.md", "content/claims/b.md___jb_tmp___",
				"content/claims/b.md___jb_old___", "content/.DS_Store", "content/.hidden/x.md", "public/index.html", "notes.md"} {
				writeFile(t, dir, name, "x")
			}
			noBatch(t, dir, changes)
		})
	}
}

// TestWatchBatches checks that one save is one batch, however many
// events the editor's way of saving makes.
//
// The batch delay is ten times the server's here: a save's events, and
// the slow writer's writes 10 ms apart, stay within it even when a busy
// machine pauses the test between them.
func TestWatchBatches(t *testing.T) {
	dir, changes := newWatchedSite(t, func(ctx context.Context, dir string) (<-chan []string, error) {
		return watch(ctx, dir, 10*batchDelay)
	})
	p := filepath.Join(dir, "content/claims/a.md")

	// vim: probe file, swap file, backup by rename, write, drop backup.
	writeFile(t, dir, "content/claims/4913", "")
	os.Remove(filepath.Join(dir, "content/claims/4913"))
	writeFile(t, dir, "content/claims/.a.md.swp", "swap")
	os.Rename(p, p+"~")
	writeFile(t, dir, "content/claims/a.md", "new")
	os.Remove(p + "~")
	os.Remove(filepath.Join(dir, "content/claims/.a.md.swp"))
	if got := nextBatch(t, changes); !slices.Equal(got, []string{"content/claims/a.md"}) {
		t.Errorf("vim save: %q", got)
	}
	noBatch(t, dir, changes)

	// A slow writer: three writes 10 ms apart, within the batch delay.
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		f.WriteString("more ")
		time.Sleep(10 * time.Millisecond)
	}
	f.Close()
	if got := nextBatch(t, changes); !slices.Equal(got, []string{"content/claims/a.md"}) {
		t.Errorf("slow write: %q", got)
	}
	noBatch(t, dir, changes)

	// A temporary file with a visible name, renamed over a stylesheet: only
	// the stylesheet changed, so the page can swap styles.
	css := filepath.Join(dir, "static/assets/style.css")
	os.WriteFile(css+".tmp-1", []byte("body{color:red}"), 0o644)
	os.Rename(css+".tmp-1", css)
	if got := nextBatch(t, changes); !slices.Equal(got, []string{"static/assets/style.css"}) {
		t.Errorf("CSS save by rename: %q", got)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": false, "style.css": false, "2021.md": false, "claim-4913.md": false, "site.yaml": false,
		"4913": true, "5036": true, "2026": false, "05": false, "4914": false, "+4913": false, ".a.md.swp": true, "a.swx": true, "a.md~": true, "#a.md#": true,
		".#a.md": true, "a.md___jb_tmp___": true, "a.md___jb_old___": true, ".DS_Store": true, ".git": true,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}
