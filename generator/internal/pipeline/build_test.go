package pipeline

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/sites")

// extract writes the files of a txtar archive below a new temporary
// folder and returns it.
func extract(t *testing.T, a *txtar.Archive) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSites builds each testdata/sites/NAME.txtar. The archive holds the
// site's files, and optionally "diagnostics.txt", the exact diagnostics
// expected (then nothing else is compared when they include errors).
// A site that builds is compared with NAME.golden.txtar, its HTML pages,
// feeds and data files; go test -update rewrites those.
func TestSites(t *testing.T) {
	archives, _ := filepath.Glob("testdata/sites/*.txtar")
	for _, file := range archives {
		if strings.HasSuffix(file, ".golden.txtar") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var wantDiags string
			for _, f := range a.Files {
				if f.Name == "diagnostics.txt" {
					wantDiags = string(f.Data)
				}
			}
			dir := extract(t, a)
			res, diags, err := Memory(Options{Src: dir})
			var got strings.Builder
			for _, d := range diags {
				got.WriteString(d.String() + "\n")
			}
			if got.String() != wantDiags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), wantDiags)
			}
			if err != nil {
				t.Fatal(err)
			}
			if res == nil {
				return
			}
			for _, p := range BrokenLinks(res.Files, res.Site.Config.BaseURL) {
				t.Error(p)
			}
			compareGolden(t, strings.TrimSuffix(file, ".txtar")+".golden.txtar", res.Files)
		})
	}
}

// golden keeps the files worth comparing: not the built-in assets, which
// change with the design and are the same for every site.
func golden(files map[string][]byte) *txtar.Archive {
	var names []string
	for p := range files {
		if strings.HasPrefix(p, "assets/") {
			continue
		}
		names = append(names, p)
	}
	sort.Strings(names)
	a := &txtar.Archive{}
	for _, n := range names {
		data := files[n]
		if strings.HasSuffix(n, ".png") {
			// An image is shown by its size; card_test.go looks at cards.
			data = []byte("PNG, not compared: " + pngSize(data) + "\n")
		}
		a.Files = append(a.Files, txtar.File{Name: n, Data: data})
	}
	return a
}

// pngSize is "WIDTHxHEIGHT" of a PNG, or why it is not one.
func pngSize(b []byte) string {
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return err.Error()
	}
	return strconv.Itoa(cfg.Width) + "x" + strconv.Itoa(cfg.Height)
}

func compareGolden(t *testing.T, path string, files map[string][]byte) {
	t.Helper()
	got := golden(files)
	if *update {
		if err := os.WriteFile(path, txtar.Format(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	wantFiles := map[string][]byte{}
	for _, f := range want.Files {
		wantFiles[f.Name] = f.Data
	}
	for _, f := range got.Files {
		w, ok := wantFiles[f.Name]
		if len(f.Data) > 0 && !bytes.HasSuffix(f.Data, []byte("\n")) {
			f.Data = append(f.Data, '\n') // as txtar stores it
		}
		switch {
		case !ok:
			t.Errorf("unexpected output file %s", f.Name)
		case !bytes.Equal(w, f.Data):
			t.Errorf("%s differs from %s:\n%s", f.Name, path, firstDiff(string(w), string(f.Data)))
		}
		delete(wantFiles, f.Name)
	}
	for n := range wantFiles {
		t.Errorf("missing output file %s", n)
	}
}

// firstDiff shows the first line that differs.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}
