package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

// benchClaims is the size of the benchmarks' synthetic site:
// FC_BENCH_CLAIMS, or 10,000 claims (and 1,000 sources) as in bench/run.
func benchClaims(b *testing.B) int {
	if s := os.Getenv("FC_BENCH_CLAIMS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("FC_BENCH_CLAIMS=%q is not a number of claims", s)
		}
		return n
	}
	return 10000
}

// benchSite writes the synthetic site once per benchmark.
func benchSite(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := synth.Write(dir, benchClaims(b), 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLoad loads and checks the whole synthetic site: reading,
// parsing, linking and verifying every quote.
func BenchmarkLoad(b *testing.B) {
	dir := benchSite(b)
	for b.Loop() {
		if _, diags := Load(Options{Src: dir}); diags.Errors() > 0 {
			b.Fatal(diags)
		}
	}
}

// BenchmarkEdit is the dev server's work after a save: one claim changed
// on disk, the site loaded again with the cache, and the claim's page
// rendered (the file watcher's batching is not included; generator/internal/bench/edit
// measures the whole loop).
func BenchmarkEdit(b *testing.B) {
	dir := benchSite(b)
	cache := new(site.Cache)
	opts := Options{Src: dir, Dev: true}
	if _, diags, err := Lazy(opts, cache, nil); err != nil || diags.Errors() > 0 {
		b.Fatal(err, diags)
	}
	rel := fmt.Sprintf("content/claims/%d/%s.md", 0, synth.ClaimID(1))
	file := filepath.Join(dir, filepath.FromSlash(rel))
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		text := fmt.Appendf(append([]byte(nil), orig...), "\nEdit number %d.\n", i)
		if err := os.WriteFile(file, text, 0o644); err != nil {
			b.Fatal(err)
		}
		files, diags, err := Lazy(opts, cache, []string{rel})
		if err != nil || diags.Errors() > 0 {
			b.Fatal(err, diags)
		}
		if _, ok := files.File("claims/" + synth.ClaimID(1) + "/index.html"); !ok {
			b.Fatal("no claim page")
		}
	}
}

// BenchmarkWrite builds the synthetic site into its output folder on the
// disk that holds the test's temporary folder (not a RAM disk, unless
// TMPDIR is one), with the share cards cached as the command does:
//
//   - new: into a new folder, every file written;
//   - rebuild: into the existing output, nothing changed;
//   - edit: into the existing output, after one claim's text changed (in
//     turns, so that each build has something to write).
//
// Each reports the files written per build.
func BenchmarkWrite(b *testing.B) {
	dir := benchSite(b)
	cache := filepath.Join(b.TempDir(), "cache")
	outs := b.TempDir()
	build := func(b *testing.B, out string) *Result {
		res, diags, err := Write(Options{Src: dir, Cache: cache}, out)
		if err != nil || diags.Errors() > 0 {
			b.Fatal(err, diags)
		}
		return res
	}
	// The cards are drawn once, outside the measured builds.
	build(b, filepath.Join(outs, "warm"))
	os.RemoveAll(filepath.Join(outs, "warm"))
	written := func(b *testing.B, n int) {
		b.ReportMetric(float64(n)/float64(b.N), "written/op")
	}
	b.Run("new", func(b *testing.B) {
		n := 0
		for i := 0; b.Loop(); i++ {
			out := filepath.Join(outs, fmt.Sprint("new", i))
			n += build(b, out).Written
			b.StopTimer()
			os.RemoveAll(out)
			b.StartTimer()
		}
		written(b, n)
	})
	out := filepath.Join(outs, "public")
	build(b, out)
	b.Run("rebuild", func(b *testing.B) {
		n := 0
		for b.Loop() {
			n += build(b, out).Written
		}
		written(b, n)
	})
	b.Run("edit", func(b *testing.B) {
		file := filepath.Join(dir, "content", "claims", "0", synth.ClaimID(1)+".md")
		orig, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		defer os.WriteFile(file, orig, 0o644)
		n := 0
		for i := 0; b.Loop(); i++ {
			text := bytes.Replace(orig, []byte("\nclaim: \""), fmt.Appendf(nil, "\nclaim: \"Edit %d: ", i), 1)
			if err := os.WriteFile(file, text, 0o644); err != nil {
				b.Fatal(err)
			}
			n += build(b, out).Written
		}
		written(b, n)
	})
}
