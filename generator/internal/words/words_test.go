package words

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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

// scanNFKD is what Scan does, done as the definition of words says: the
// whole text normalized first, then read a rune at a time.
func scanNFKD(s string) []string {
	var out []string
	emit := func(w []byte) { out = append(out, string(w)) }
	var w []byte
	for _, c := range norm.NFKD.String(s) {
		w = addRune(w, c, emit)
	}
	if len(w) > 0 {
		emit(w)
	}
	return out
}

// FuzzScan checks that Scan, which decomposes one character at a time,
// splits text as normalizing all of it first does.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"Iran's covert influence-campaign, 2020! A_B z9 ZZ", "", "e\u0301\u0327te\u0323\u0301 — “quoted” ﬁnance",
		"\ufdfa x \u0344\u0345 \u1100\u1161\u11a8 한국어 東京 ΣΟΦΟΣ ǅ Ⅻ ½ \U0001d400", "a\u0300\u0301\u0302b c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Loaded text is valid UTF-8 (site replaces what is not). In
		// what is not, x/text's NFKD leaves some characters after an
		// invalid byte whole ("\xf5й"), which Scan still decomposes.
		if !utf8.ValidString(s) {
			return
		}
		if got, want := scan(s), scanNFKD(s); !slices.Equal(got, want) {
			t.Fatalf("%q: Scan %q, normalized first %q", s, got, want)
		}
		var fromBytes []string
		Scan([]byte(s), nil, func(w []byte) { fromBytes = append(fromBytes, string(w)) })
		if !slices.Equal(fromBytes, scan(s)) {
			t.Fatalf("%q: Scan of bytes %q, of the string %q", s, fromBytes, scan(s))
		}
	})
}

// TestScanComposed compares Scan with scanNFKD on random valid text:
// letters of many scripts, digits, compatibility characters, runs of
// combining marks and punctuation.
func TestScanComposed(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{" ", "a", "Z", "9", "-", "’", "“", "—", "é", "e\u0301", "\u0301", "\u0327\u0323",
		"ﬁ", "½", "Ⅻ", "ǅ", "ς", "Σ", "й", "한", "\u1100\u1161", "東", "カ", "ｶ", "\ufdfa", "\u0344", "İ", "ß", "𝐀", "\u00a0"}
	for i := range 100000 {
		var b strings.Builder
		for range r.IntN(12) {
			if r.IntN(4) == 0 {
				b.WriteRune(rune(r.IntN(0x30000)))
			} else {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		s := strings.ToValidUTF8(b.String(), "\uFFFD")
		if got, want := scan(s), scanNFKD(s); !slices.Equal(got, want) {
			t.Fatalf("text %d %q: Scan %q, normalized first %q", i, s, got, want)
		}
	}
}

// TestDictsApart checks that Dicts used in turn on one goroutine (whose
// Sets share a scratch and its cache) keep their own ids.
func TestDictsApart(t *testing.T) {
	var a, b Dict
	a.Set([]byte("alpha beta"))
	b.Set([]byte("gamma beta alpha"))
	for range 3 {
		for _, tc := range []struct {
			d    *Dict
			text string
			want []string
		}{
			{&a, "beta alpha delta", []string{"beta", "alpha", "delta"}},
			{&b, "alpha delta gamma", []string{"alpha", "delta", "gamma"}},
		} {
			var got []string
			set := tc.d.Set([]byte(tc.text))
			byID := tc.d.Words()
			set.Each(func(id uint32) { got = append(got, byID[id]) })
			if !slices.Equal(got, tc.want) {
				t.Fatalf("Set(%q) = %q, want %q", tc.text, got, tc.want)
			}
		}
	}
	if got := a.Words(); !slices.Equal(got, []string{"alpha", "beta", "delta"}) {
		t.Errorf("a numbered %q", got)
	}
	if got := b.Words(); !slices.Equal(got, []string{"gamma", "beta", "alpha", "delta"}) {
		t.Errorf("b numbered %q", got)
	}
}
