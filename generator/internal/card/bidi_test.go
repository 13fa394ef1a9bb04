package card

import (
	"os"
	"testing"
)

// TestShape checks the joined forms of Arabic letters against the forms
// Unicode gives each letter in each position.
func TestShape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "abc"},
		// beh alone, then beh-beh-beh: initial, medial, final.
		{"ب", "\uFE8F"},
		{"ببب", "\uFE91\uFE92\uFE90"},
		// alef joins only the letter before it: beh-alef-beh.
		{"باب", "\uFE91\uFE8E\uFE8F"},
		// lam and alef are one letter, final after a joining letter.
		{"لا", "\uFEFB"},
		{"الا", "\uFE8D\uFEFB"},
		{"بلا", "\uFE91\uFEFC"},
		{"سلام", "\uFEB3\uFEFC\uFEE1"},
		// A mark between letters does not break the join.
		{"بَب", "\uFE91\u064E\uFE90"},
		// Tatweel joins on both sides; a space joins nothing.
		{"بـب", "\uFE91\u0640\uFE90"},
		{"ب ب", "\uFE8F \uFE8F"},
		// Hamza joins neither side.
		{"بءب", "\uFE8F\uFE80\uFE8F"},
		// Persian peh, from Presentation Forms-A.
		{"پپ", "\uFB58\uFB57"},
	} {
		if got := shape(tc.in); got != tc.want {
			t.Errorf("shape(%q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}

// TestVisual checks the order in which lines are drawn, left to right.
func TestVisual(t *testing.T) {
	for _, tc := range []struct {
		in   string
		rtl  bool
		want string
	}{
		{"plain text", false, "plain text"},
		{"plain text", true, "plain text"},
		// Hebrew letters alef, bet, gimel reversed.
		{"אבג", true, "גבא"},
		{"אבג", false, "גבא"},
		// A right-to-left line: the runs reversed, digits kept in order.
		{"אב 2020 גד", true, "דג 2020 בא"},
		// Guillemets and brackets are mirrored.
		{"«אב» (ג)", true, "(ג) «בא»"},
		// English in a right-to-left line keeps its order.
		{"אב hello world", true, "hello world בא"},
		// Hebrew in an English line: reversed in place.
		{"say אב now", false, "say בא now"},
		// A mark stays after its letter.
		{"אָב", true, "באָ"},
	} {
		if got := visual(tc.in, tc.rtl); got != tc.want {
			t.Errorf("visual(%q, %v) = %q, want %q", tc.in, tc.rtl, got, tc.want)
		}
	}
}

// TestArabicCard draws an Arabic card in DejaVu Sans, which has the
// presentation forms, and checks that its text is set from the right.
func TestArabicCard(t *testing.T) {
	const file = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
	b, err := os.ReadFile(file)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%v: .ci/install-test-tools installs fonts-dejavu-core", err)
		}
		t.Skipf("%v: install Debian's fonts-dejavu-core to run this test", err)
	}
	fonts, err := NewFonts(b)
	if err != nil {
		t.Fatal(err)
	}
	c := Card{Site: "مدقق الحقائق", Rating: "مضلل", Colour: RatingColour(3), RTL: true, Fonts: fonts,
		Claim:     "قال التقرير إن روسيا لم تبذل جهودا مستمرة في 2020 لاختراق البنية التحتية للانتخابات الأمريكية",
		ClaimedBy: "ادعاء من دويتشه فيله", Quotes: [2]string{"«", "»"}}
	img := decode(t, c)
	// The claim's first line ends at the right margin and leaves the
	// left of a short last line empty.
	ink := func(x0, x1, y0, y1 int) bool {
		bg := img.At(0, claimTop)
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				if img.At(x, y) != bg {
					return true
				}
			}
		}
		return false
	}
	if !ink(Width-margin-30, Width-margin, claimTop-40, claimTop+10) {
		t.Error("no ink at the right end of the claim's first line")
	}
	if ink(0, margin-4, claimTop-40, footTop) {
		t.Error("ink left of the margin")
	}
	if c.Key() == (Card{Site: c.Site, Rating: c.Rating, Colour: c.Colour, Fonts: fonts, Claim: c.Claim, ClaimedBy: c.ClaimedBy, Quotes: c.Quotes}).Key() {
		t.Error("the direction is not part of the key")
	}
}
