package cachefile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWrite checks that Write replaces a file whole, leaves no new file
// behind, and that a reader holding the old file still reads it whole.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f.bin")
	if err := Write(name, ".f-*.tmp", []byte("old")); err != nil {
		t.Fatal(err)
	}
	old, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if err := Write(name, ".f-*.tmp", []byte("new content")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(name); string(b) != "new content" {
		t.Errorf("the file holds %q", b)
	}
	b := make([]byte, 16)
	if n, _ := old.Read(b); string(b[:n]) != "old" {
		t.Errorf("a reader of the old file reads %q", b[:n])
	}
	if err := Write(filepath.Join(dir, "missing", "f.bin"), ".f-*.tmp", []byte("x")); err == nil {
		t.Error("no error writing into a folder that does not exist")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want 1", len(entries))
	}
}
