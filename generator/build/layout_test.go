package build

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"factcheck"

	"golang.org/x/tools/txtar"
)

// TestLayoutInGo checks that the Go versions of the built-in base.html,
// claim.html and claim-card (render/layout.go) print what the templates print: each site
// is built as it is, which uses the Go versions, and again with copies of
// the built-in files in its templates/ folder, which makes the build run
// the templates. Every file must be the same, byte for byte.
func TestLayoutInGo(t *testing.T) {
	sites := map[string]string{}
	for _, name := range []string{"basic", "payloads"} {
		a, err := txtar.ParseFile(filepath.Join("testdata", "sites", name+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		sites[name] = extract(t, a)
	}
	// The real content, under a sub-path.
	real := t.TempDir()
	if out, err := exec.Command("cp", "-r", filepath.Join("..", "..", "content"), real).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
	sites["content"] = real
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			opts := Options{Src: dir}
			if name == "content" {
				opts.BaseURL = "https://org.github.io/repo/"
			}
			inGo, _, err := Memory(opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"base.html", "claim.html", "partials.html"} {
				b, err := fs.ReadFile(factcheck.Files, "templates/"+f)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "templates", f), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			byTemplates, _, err := Memory(opts)
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			for p := range byTemplates.Files {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			claims := 0
			for _, p := range paths {
				got, ok := inGo.Files[p]
				if !ok {
					t.Errorf("%s: missing", p)
					continue
				}
				if want := string(byTemplates.Files[p]); string(got) != want {
					t.Errorf("%s differs from the templates' output: %s", p, firstDiff(want, string(got)))
				}
				if filepath.Dir(filepath.Dir(p)) == "claims" {
					claims++
				}
			}
			if len(inGo.Files) != len(byTemplates.Files) {
				t.Errorf("%d files, the templates make %d", len(inGo.Files), len(byTemplates.Files))
			}
			if claims == 0 {
				t.Error("no claim pages compared")
			}
		})
	}
}
