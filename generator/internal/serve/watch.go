package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"factcheck/generator/internal/pipeline"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs are the folders of a site whose files make the site.
var watchedDirs = []string{"content", "templates", "static"}

// batchDelay is how long the folder must stay quiet before a batch of
// changes is passed on: an editor's save is a burst of events (temporary
// file, write, rename, chmod) within a few milliseconds. Every save waits
// for it, so it is kept short (webpack waits 20 ms).
const batchDelay = 25 * time.Millisecond

// watch reports batches of changed paths (slash-separated, relative to
// src) until ctx is done, then closes the channel. It watches src itself
// too, to notice content/, templates/ or static/ created later.
func watch(ctx context.Context, src string, delay time.Duration) (<-chan []string, error) {
	root, err := filepath.Abs(src)
	if err != nil {
		return nil, err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, err
	}
	t := &tree{w: w, root: root}
	for _, d := range watchedDirs {
		t.addTree(filepath.Join(root, d))
	}
	out := make(chan []string)
	go t.run(ctx, delay, out)
	return out, nil
}

// tree is a recursive watch over the watched folders of root.
type tree struct {
	w    *fsnotify.Watcher
	root string
}

// run collects events into batches; it never blocks on out, so events are
// still taken while a rebuild runs, and end up in the next batch.
func (t *tree) run(ctx context.Context, delay time.Duration, out chan<- []string) {
	defer close(out)
	defer t.w.Close()
	// pending maps each changed path to whether the batch created it: a
	// file created and gone again within one batch is an editor's
	// temporary file, not a change.
	pending := map[string]bool{}
	var ready []string
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	for {
		var send chan<- []string
		if len(ready) > 0 {
			send = out
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-t.w.Events:
			if !ok {
				return
			}
			for _, p := range t.changed(ev) {
				if _, seen := pending[p]; !seen {
					pending[p] = ev.Has(fsnotify.Create)
				}
				quiet.Reset(delay)
			}
		case <-t.w.Errors:
			// An overflow of the kernel's queue loses events: rebuild all.
			pending["."] = false
			quiet.Reset(delay)
		case <-quiet.C:
			ready = append(ready, t.flush(pending)...)
			clear(pending)
		case send <- ready:
			ready = nil
		}
	}
}

// changed returns the paths an event changes: none for ignored files and
// attribute changes, the files inside a folder created (or moved in),
// which is watched from now on.
func (t *tree) changed(ev fsnotify.Event) []string {
	rel, ok := t.rel(ev.Name)
	if !ok || ev.Op == fsnotify.Chmod {
		return nil
	}
	if ev.Has(fsnotify.Create) {
		if files := t.addTree(ev.Name); files != nil {
			return append(files, rel)
		}
	}
	return []string{rel}
}

// rel makes name relative to root, slash-separated, if it lies in a
// watched folder and no part of it is an ignored name.
func (t *tree) rel(name string) (string, bool) {
	r, err := filepath.Rel(t.root, name)
	if err != nil {
		return "", false
	}
	r = filepath.ToSlash(r)
	top, _, _ := strings.Cut(r, "/")
	watched := false
	for _, d := range watchedDirs {
		watched = watched || top == d
	}
	if !watched {
		return "", false
	}
	for seg := range strings.SplitSeq(r, "/") {
		if ignored(seg) {
			return "", false
		}
	}
	return r, true
}

// addTree watches dir and its sub-folders, and returns the files in them
// (relative to root), or nil when dir is not a folder to watch.
func (t *tree) addTree(dir string) []string {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil
	}
	if _, ok := t.rel(dir); !ok {
		return nil
	}
	files := []string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil: // gone already, or unreadable: nothing to watch
			return nil
		case p != dir && ignored(d.Name()) && d.IsDir():
			return filepath.SkipDir
		case d.IsDir():
			t.w.Add(p)
		default:
			if r, ok := t.rel(p); ok {
				files = append(files, r)
			}
		}
		return nil
	})
	return files
}

// ignored tells the names of editors' temporary, swap and backup files,
// and of hidden files, which are never part of a site.
func ignored(name string) bool {
	return pipeline.Hidden(name) || vimProbe(name)
}

// vimProbe tells the file vim writes to test whether it may write in a
// folder: 4913, or if that exists 5036, 5159 … (vim's fileio.c). Other
// numbers are fine names, for folders such as claims/2026/05.
func vimProbe(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && name[0] != '+' && name[0] != '-' && n >= 4913 && (n-4913)%123 == 0
}

// flush returns the pending paths, sorted, without the temporary files.
func (t *tree) flush(pending map[string]bool) []string {
	var paths []string
	for p, created := range pending {
		if created {
			if _, err := os.Lstat(filepath.Join(t.root, filepath.FromSlash(p))); err != nil {
				continue
			}
		}
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}
