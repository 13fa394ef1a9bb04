package pipeline

import (
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
