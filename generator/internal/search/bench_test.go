package search

import (
	"strings"
	"testing"

	"factcheck/generator/internal/synth"
)

// BenchmarkScan splits the claims of a generated 1,000-claim site into
// words.
func BenchmarkScan(b *testing.B) {
	var texts [][]byte
	n := 0
	for name, data := range synth.Files(1000, 1) {
		if strings.HasPrefix(name, "content/claims/") {
			texts = append(texts, data)
			n += len(data)
		}
	}
	b.SetBytes(int64(n))
	var buf []byte
	for b.Loop() {
		for _, t := range texts {
			buf = Scan(t, buf, func([]byte) {})
		}
	}
}
