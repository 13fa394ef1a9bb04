package search_test

import (
	"testing"
	"testing/fstest"

	"factcheck/generator/internal/search"
	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

// BenchmarkIndex builds the index of a generated 1,000-claim site.
func BenchmarkIndex(b *testing.B) {
	fsys := fstest.MapFS{}
	for name, data := range synth.Files(1000, 1) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	s, diags := site.Load(fsys, site.Options{})
	if diags.Errors() > 0 {
		b.Fatalf("site has errors: %v", diags)
	}
	b.ReportAllocs()
	for b.Loop() {
		search.Index(s, links, nil)
	}
}
