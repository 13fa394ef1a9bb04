package words

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// scan returns the words of s, in order.
func scan(s string) []string {
	var out []string
	Scan(s, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

func TestScan(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Iran's covert influence-campaign, 2020!", []string{"iran", "s", "covert", "influence", "campaign", "2020"}},
		{"Tomás Quiroga ÉLYSÉE naïve Ærø", []string{"tomas", "quiroga", "elysee", "naive", "ærø"}},
		{"Straße İstanbul", []string{"straße", "istanbul"}},
		{"ΟΔΥΣΣΕΥΣ", []string{"οδυσσευσ"}},
		{"ﬁnance ｆｕｌｌ", []string{"finance", "full"}},
		{"Путин заявил", []string{"путин", "заявил"}},
		{"東京都 election", []string{"東", "京", "都", "election"}},
		{"  --  ", nil},
		{"e\u0301te\u0301 ete", []string{"ete", "ete"}},
	} {
		if got := scan(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Scan(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDictSet checks that a Set holds each distinct word of its text once,
// from texts numbered by one Dict on several goroutines.
func TestDictSet(t *testing.T) {
	vocab := strings.Fields("a b c the of and budget tariff élysée 東 2020 x1 zz " + strings.Repeat("w ", 3))
	for i := range 300 { // ids past one varint byte
		vocab = append(vocab, "word"+strings.Repeat("q", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	r := rand.New(rand.NewPCG(5, 6))
	texts := make([]string, 200)
	for i := range texts {
		var ws []string
		for range r.IntN(400) {
			ws = append(ws, vocab[r.IntN(len(vocab))])
		}
		texts[i] = strings.Join(ws, " , ")
	}
	texts = append(texts, "", "  --  ")
	var d Dict
	sets := make([]Set, len(texts))
	var wg sync.WaitGroup
	for k := range 4 {
		wg.Go(func() {
			for i := k; i < len(texts); i += 4 {
				sets[i] = d.Set([]byte(texts[i]))
			}
		})
	}
	wg.Wait()
	byID := d.Words()
	for i, text := range texts {
		want := scan(text)
		slices.Sort(want)
		want = slices.Compact(want)
		var got []string
		sets[i].Each(func(id uint32) { got = append(got, byID[id]) })
		slices.Sort(got) // also shows each word once
		if !slices.Equal(got, want) {
			t.Fatalf("text %d: set holds %q, want %q", i, got, want)
		}
	}
	// Ids are dense and each word has one.
	seen := map[string]bool{}
	for _, w := range byID {
		if seen[w] {
			t.Fatalf("%q has two ids", w)
		}
		seen[w] = true
	}
	if n := len(byID); n < 300 {
		t.Fatalf("%d words numbered, want at least 300", n)
	}
	// A snapshot does not change as the Dict grows.
	before := d.Words()
	d.Set([]byte("brandnewword"))
	if len(before) != len(byID) || len(d.Words()) != len(byID)+1 || d.Words()[len(byID)] != "brandnewword" {
		t.Fatalf("snapshot %d words, now %d", len(before), len(d.Words()))
	}
}

// FuzzScanASCII checks that ASCII text is split a byte at a time as it
// is a rune at a time.
func FuzzScanASCII(f *testing.F) {
	f.Add("Iran's covert influence-campaign, 2020! A_B z9 ZZ")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		var a, b []string
		scanASCII(s, nil, func(w []byte) { a = append(a, string(w)) })
		scanRunes(s, nil, func(w []byte) { b = append(b, string(w)) })
		if !slices.Equal(a, b) {
			t.Fatalf("%q: a byte at a time %q, a rune at a time %q", s, a, b)
		}
	})
}
