package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 4095, 4096, 100_000} {
		name := filepath.Join(dir, "f")
		data := bytes.Repeat([]byte("abcdefg\n"), n/8+1)[:n]
		if err := os.WriteFile(name, []byte("longer text than some of the files, to be cut"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(DirFS(dir), "f")
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read back %d bytes, %v", n, len(got), err)
		}
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	for _, name := range []string{"missing", "sub", "../f", "/f", ""} {
		if _, err := fs.ReadFile(DirFS(dir), name); err == nil {
			t.Errorf("ReadFile(%q): no error", name)
		}
	}
	// Errors are os.DirFS's, the file named as the FS knows it.
	for _, name := range []string{"missing", "sub"} {
		_, got := fs.ReadFile(DirFS(dir), name)
		_, want := fs.ReadFile(os.DirFS(dir), name)
		if got == nil || want == nil || got.Error() != want.Error() {
			t.Errorf("ReadFile(%q): error %v, os.DirFS's %v", name, got, want)
		}
	}
	if _, err := fs.ReadFile(DirFS(""), "f"); err == nil {
		t.Error("DirFS(\"\").ReadFile: no error")
	}
	if runtime.GOOS != "windows" {
		os.Symlink("f", filepath.Join(dir, "link"))
		if fi, err := fs.Lstat(DirFS(dir), "link"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("Lstat(link) = %v, %v: want a symbolic link", fi, err)
		}
		entries, err := fs.ReadDir(DirFS(dir), ".")
		if err != nil || len(entries) != 3 {
			t.Errorf("ReadDir = %v, %v", entries, err)
		}
	}
}

// umask is the process's file mode creation mask.
func umask(t *testing.T) fs.FileMode {
	name := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(name, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ fi.Mode().Perm()
}
