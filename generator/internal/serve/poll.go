package serve

import (
	"context"
	"io/fs"
	"path/filepath"
	"sort"
	"time"
)

// stamp is what polling compares to tell that a file changed.
type stamp struct {
	mod  time.Time
	size int64
}

// poll reports batches of changed paths, like watch, by comparing the
// modification times and sizes of the files every interval. It is for
// file systems that send no events, such as Docker volumes and WSL.
func poll(ctx context.Context, src string, every time.Duration) <-chan []string {
	out := make(chan []string)
	// The first scan is made before poll returns: a change made after
	// that is reported.
	prev := scan(src)
	go func() {
		defer close(out)
		tick := time.NewTicker(every)
		defer tick.Stop()
		var ready []string
		for {
			var send chan<- []string
			if len(ready) > 0 {
				send = out
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				cur := scan(src)
				ready = append(ready, diff(prev, cur)...)
				prev = cur
			case send <- ready:
				ready = nil
			}
		}
	}()
	return out
}

// scan stamps the files of the watched folders, skipping ignored names.
func scan(src string) map[string]stamp {
	files := map[string]stamp{}
	for _, d := range watchedDirs {
		filepath.WalkDir(filepath.Join(src, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if ignored(e.Name()) && p != filepath.Join(src, d) {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				return nil
			}
			fi, err := e.Info()
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(src, p)
			files[filepath.ToSlash(rel)] = stamp{fi.ModTime(), fi.Size()}
			return nil
		})
	}
	return files
}

// diff returns the paths added, removed or changed from prev to cur.
func diff(prev, cur map[string]stamp) []string {
	var changed []string
	for p, s := range cur {
		if old, ok := prev[p]; !ok || !old.mod.Equal(s.mod) || old.size != s.size {
			changed = append(changed, p)
		}
	}
	for p := range prev {
		if _, ok := cur[p]; !ok {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
}
