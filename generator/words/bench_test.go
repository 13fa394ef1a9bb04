package words

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDictSet numbers the words of the bench site's claims (set
// FC_BENCH_TEXT to a folder of .md files), or of a generated text.
func BenchmarkDictSet(b *testing.B) {
	var texts [][]byte
	if dir := os.Getenv("FC_BENCH_TEXT"); dir != "" {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, p := range paths {
			t, _ := os.ReadFile(p)
			texts = append(texts, t)
		}
	}
	if len(texts) == 0 {
		b.Skip("FC_BENCH_TEXT not set")
	}
	var d Dict
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			d.Set(t)
		}
	}
}
