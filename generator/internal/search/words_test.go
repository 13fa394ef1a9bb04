package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"factcheck/generator/internal/race"
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
		{"東京都 election", []string{"東京", "京都", "election"}},
		{"東京都election", []string{"東京", "京都", "election"}},
		{"选举 被 推迟了", []string{"选举", "被", "推迟", "迟了"}},
		{"2020年的选举", []string{"2020", "年的", "的选", "选举"}},
		{"コーヒーを飲む", []string{"コー", "ーヒ", "ヒー", "ーを", "を飲", "飲む"}},
		{"ｺｰﾋｰ", []string{"コー", "ーヒ", "ヒー"}},
		{"がっこう", []string{"かっ", "っこ", "こう"}}, // voicing folded, as accents are
		{"東、京。都", []string{"東", "京", "都"}},
		{"الانتخـــابات الرئاسيّة", []string{"الانتخابات", "الرياسية"}}, // tatweel dropped, hamza folded as an accent
		{"  --  ", nil},
		{"e\u0301te\u0301 ete", []string{"ete", "ete"}},
	} {
		if got := scan(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Scan(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// scanNFKD is what Scan does, done as the definition of words says: the
// whole text normalized first, then read a rune at a time.
func scanNFKD(s string) []string {
	var out []string
	emit := func(w []byte) { out = append(out, string(w)) }
	sp := splitter{prev: -1, emit: emit}
	for _, c := range norm.NFKD.String(s) {
		sp.add(c)
	}
	sp.end()
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
		"ﬁ", "½", "Ⅻ", "ǅ", "ς", "Σ", "й", "한", "\u1100\u1161", "東", "京", "カ", "ｶ", "ー", "ｰ", "が", "\u3099", "、", "ـ", "ب", "\ufdfa", "\u0344", "İ", "ß", "𝐀", "\u00a0"}
	n := 100000
	if race.Enabled {
		n = 10000
	}
	for i := range n {
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
