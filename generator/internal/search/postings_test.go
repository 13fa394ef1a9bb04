package search

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestPostingsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := [][]int{nil, {0}, {31}, {32}, {1023, 1024, 40000}, {0, 1, 2, 3, 4, 5, 6, 7, 8}}
	for range 200 {
		n := r.IntN(3000)
		var ns []int
		density := r.Float64()
		for i := range n {
			if r.Float64() < density {
				ns = append(ns, i)
			}
		}
		cases = append(cases, ns)
	}
	for _, ns := range cases {
		enc := encodePostings(ns)
		got, err := decodePostings(enc)
		if err != nil || !slices.Equal(got, ns) {
			t.Fatalf("decode(encode(%v)) = %v, %v (encoded %q)", ns, got, err, enc)
		}
		if strings.ContainsAny(enc, `"\`) {
			t.Fatalf("encoding %q needs escaping in JSON", enc)
		}
	}
	// A dense list is a bitmap, a sparse one a list.
	dense := make([]int, 1000)
	for i := range dense {
		dense[i] = i
	}
	if enc := encodePostings(dense); !strings.HasPrefix(enc, "~") || len(enc) > 200 {
		t.Errorf("1000 consecutive claims encode as %d bytes %.10q…, want a bitmap", len(enc), enc)
	}
	if enc := encodePostings([]int{5, 9000}); enc != "F"+vlq(9000-5-1) {
		t.Errorf("encodePostings([5 9000]) = %q", enc)
	}
}

// TestPlistJoin checks that lists built in blocks, each numbered from
// its first claim, and joined, as indexTerms does, equal the list built
// in one go.
func TestPlistJoin(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		var ns []int
		for i, n := 0, r.IntN(200); i < n; i++ {
			ns = append(ns, r.IntN(5000))
		}
		slices.Sort(ns)
		ns = slices.Compact(ns)
		whole, joined := newPlist(), newPlist()
		for _, n := range ns {
			whole.add(n)
		}
		// Three blocks, starting at 0 and at two random numbers, some of
		// them empty.
		cuts := []int{0, r.IntN(5001), r.IntN(5001), 5001}
		slices.Sort(cuts)
		for b := range 3 {
			part := newPlist()
			for _, n := range ns {
				if n >= cuts[b] && n < cuts[b+1] {
					part.add(n - cuts[b])
				}
			}
			joined.join(part, cuts[b])
		}
		if !bytes.Equal(joined.vlq, whole.vlq) || joined.last != whole.last || joined.n != whole.n || joined.n != len(ns) {
			t.Fatalf("%v cut at %v: joined %q (last %d, n %d), want %q (last %d, n %d)",
				ns, cuts, joined.vlq, joined.last, joined.n, whole.vlq, whole.last, whole.n)
		}
		if got, _ := decodePostings(string(joined.appendTo(nil))); !slices.Equal(got, ns) {
			t.Fatalf("%v: joined list decodes as %v", ns, got)
		}
	}
}

func vlq(v int) string {
	var b []byte
	for v >= 32 {
		b = append(b, vlqDigits[32|v&31])
		v >>= 5
	}
	return string(append(b, vlqDigits[v]))
}
