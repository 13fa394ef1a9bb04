package output

import (
	"os"
	"path/filepath"
	"testing"
)

// buildKept builds fs, each file with the ID "id:" and its content's fingerprint,
// keeping (Build.Keep) those the previous build made and still there; it
// returns the paths kept. With all, it first tries Build.KeepAll.
func buildKept(t *testing.T, site, out string, fs files, all bool) (kept []string, keptAll bool) {
	t.Helper()
	f, err := Open(out, site)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := f.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if all && b.KeepAll() {
		keptAll = true
	} else {
		for p, data := range fs {
			id := "id:" + fingerprint([]byte(data))
			if b.Keep(p, id) {
				kept = append(kept, p)
				continue
			}
			if err := b.Add(File{Path: p, Data: []byte(data), ID: id}); err != nil {
				t.Fatal(b.Abort(err))
			}
		}
	}
	if _, err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return kept, keptAll
}

// TestKeep: a file kept by its ID, or all of them by KeepAll, is one
// still in the output as a regular file of the size it had; a file
// removed, resized or replaced by a symbolic link by hand is made again.
func TestKeep(t *testing.T) {
	site, out := dirs(t)
	buildKept(t, site, out, prev, false)
	if kept, _ := buildKept(t, site, out, prev, false); len(kept) != len(prev) {
		t.Errorf("kept %d of %d files", len(kept), len(prev))
	}
	if _, all := buildKept(t, site, out, prev, true); !all {
		t.Errorf("KeepAll: false with the output intact")
	}
	for _, tc := range []struct {
		name   string
		change func(p string) error
	}{
		{"removed", os.Remove},
		{"resized", func(p string) error { return os.WriteFile(p, []byte("much longer than it was"), 0o644) }},
		{"a symbolic link to a file of its size", func(p string) error {
			os.WriteFile(p+".x", []byte(prev["claims/b/card.png"]), 0o644)
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Symlink(filepath.Base(p)+".x", p)
		}},
	} {
		for _, all := range []bool{false, true} {
			p := filepath.Join(out, "claims", "b", "card.png")
			if err := tc.change(p); err != nil {
				t.Fatal(err)
			}
			kept, keptAll := buildKept(t, site, out, prev, all)
			if keptAll || len(kept) == len(prev) {
				t.Errorf("%s (KeepAll %v): everything kept", tc.name, all)
			}
			got := read(t, out)
			delete(got, "claims/b/card.png.x")
			same(t, tc.name, got, prev)
			if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
				t.Errorf("%s: not made again", tc.name)
			}
		}
	}
}
