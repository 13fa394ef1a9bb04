//go:build linux

package site

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countingFS counts the content files read through it.
type countingFS struct {
	fs.FS
	reads *atomic.Int64
}

func (c countingFS) ReadFile(name string) ([]byte, error) {
	if strings.HasSuffix(name, ".md") {
		c.reads.Add(1)
	}
	return fs.ReadFile(c.FS, name)
}
func (c countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }
func (c countingFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(c.FS, name) }
func (c countingFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(c.FS, name) }
func (c countingFS) ReadLink(name string) (string, error)       { return fs.ReadLink(c.FS, name) }

// TestDiskCacheTrustsMetadata checks which files a Load from a cache on
// disk reads: none whose size, times, inode and device are those its
// entry recorded, and every one whose metadata changed or was recent
// when it was recorded (racy); and that a file edited with its size and
// modification time restored is parsed again (its change time tells).
func TestDiskCacheTrustsMetadata(t *testing.T) {
	var dir string
	for _, d := range testSites(t) {
		if ms, _ := filepath.Glob(filepath.Join(d, "content/claims/*.md")); len(ms) > 0 {
			dir = d
			break
		}
	}
	defer func() { timeNow = time.Now }()
	later := func() time.Time { return time.Now().Add(time.Hour) }
	cacheDir := filepath.Join(t.TempDir(), "parsed")
	var reads atomic.Int64
	fsys := countingFS{os.DirFS(dir), &reads}
	load := func(now func() time.Time) (*Site, int) {
		t.Helper()
		timeNow = now
		reads.Store(0)
		c := OpenCache(cacheDir, "stamp")
		s, _ := c.Load(fsys, Options{}, nil)
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		return s, int(reads.Load())
	}

	// Written just now: every file racy, read again by each Load.
	s, _ := load(time.Now)
	files := s.Stats.Files
	if len(s.Claims) == 0 {
		t.Fatal("no claims")
	}
	claim := filepath.Join(dir, filepath.FromSlash(s.Claims[0].Path))
	if _, n := load(time.Now); n != files {
		t.Errorf("racy files: %d of %d read, want all", n, files)
	}
	// Two seconds later, as the clock says: the Load that reads them
	// records their metadata, and the next one reads none.
	if _, n := load(later); n != files {
		t.Errorf("%d of %d read, want all (the cache had no metadata)", n, files)
	}
	if s, n := load(later); n != 0 || s.Stats.Parsed != 0 {
		t.Errorf("unchanged files: %d read, %d parsed, want none", n, s.Stats.Parsed)
	}

	// Touched: read again, unchanged, not parsed; then trusted again.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(claim, old, old); err != nil {
		t.Fatal(err)
	}
	if s, n := load(later); n != 1 || s.Stats.Parsed != 0 {
		t.Errorf("touched file: %d read, %d parsed, want 1 read and none parsed", n, s.Stats.Parsed)
	}
	if s, n := load(later); n != 0 || s.Stats.Parsed != 0 {
		t.Errorf("after a touch: %d read, %d parsed, want none", n, s.Stats.Parsed)
	}

	// Edited in place with the same size, its modification time put
	// back: the change time differs, so it is read and parsed again.
	b, err := os.ReadFile(claim)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndexAny(string(b), "abcdefghijklmnopqrstuvwxyz")
	edited := append([]byte{}, b...)
	edited[i] = 'x'
	if edited[i] == b[i] {
		edited[i] = 'y'
	}
	if err := os.WriteFile(claim, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(claim, old, old); err != nil {
		t.Fatal(err)
	}
	s, n := load(later)
	if n == 0 || s.Stats.Parsed == 0 {
		t.Errorf("edited file, same size and mtime: %d read, %d parsed, want it parsed", n, s.Stats.Parsed)
	}
	sum := sha256.Sum256(edited)
	rel, _ := filepath.Rel(dir, claim)
	var found bool
	for _, c := range s.Claims {
		if c.Path == filepath.ToSlash(rel) {
			found = c.Digest == hex.EncodeToString(sum[:16])
		}
	}
	if !found {
		t.Errorf("the edited claim %s does not have the edited file's digest", rel)
	}
}
