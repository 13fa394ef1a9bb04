package words

import (
	"strings"
	"testing"

	"factcheck/generator/internal/synth"
)

// BenchmarkDictSet numbers the words of the claims of a generated
// 1,000-claim site, as loading does.
func BenchmarkDictSet(b *testing.B) {
	var texts [][]byte
	n := 0
	for name, data := range synth.Files(1000, 1) {
		if strings.HasPrefix(name, "content/claims/") {
			texts = append(texts, data)
			n += len(data)
		}
	}
	b.SetBytes(int64(n))
	var d Dict
	for b.Loop() {
		for _, t := range texts {
			d.Set(t)
		}
	}
}
