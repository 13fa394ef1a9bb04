//go:build unix

package card

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadHead: the cache reads a file's first bytes only when it is a
// plain file of at most the size asked; a link, a folder or a named pipe
// (which would block a reader) is refused without being read.
func TestReadHead(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain := file("plain", []byte("0123456789"))
	link := filepath.Join(dir, "link")
	if err := os.Symlink(plain, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		path string
		n    int
		max  int64
		want bool
	}{
		{"plain", plain, 4, 100, true},
		{"whole", plain, 10, 10, true},
		{"shorter than asked", plain, 11, 100, false},
		{"larger than max", plain, 4, 9, false},
		{"link", link, 4, 100, false},
		{"folder", dir, 4, 100, false},
		{"named pipe", fifo, 4, 100, false},
		{"missing", filepath.Join(dir, "missing"), 4, 100, false},
	} {
		b := make([]byte, tc.n)
		if got := readHead(tc.path, b, tc.max); got != tc.want {
			t.Errorf("%s: readHead = %v, want %v", tc.name, got, tc.want)
		}
		if tc.want && string(b) != "0123456789"[:tc.n] {
			t.Errorf("%s: read %q", tc.name, b)
		}
	}
}
