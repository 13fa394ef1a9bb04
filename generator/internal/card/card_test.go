package card

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"strings"
	"testing"

	"golang.org/x/image/math/fixed"
)

var example = Card{Site: "Example Desk", Rating: "Misleading", Colour: RatingColour(3),
	Claim:    "Russia made no persistent cyber efforts against election infrastructure, said the report, which many outlets quoted without reading the part about Iran and the covert influence campaign it ran.",
	Claimant: "Unattributed news report"}

// decode draws c and decodes it with image/png.
func decode(t *testing.T, c Card) image.Image {
	t.Helper()
	b, err := Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("CARD_OUT"); dir != "" {
		os.WriteFile(dir+"/"+c.Rating+".png", b, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%q: %v", c.Claim, err)
	}
	if s := img.Bounds().Size(); s.X != Width || s.Y != Height {
		t.Errorf("size %v, want %dx%d", s, Width, Height)
	}
	return img
}

func differ(a, b image.Image) bool {
	for y := 0; y < Height; y++ {
		for x := 0; x < Width; x++ {
			if a.At(x, y) != b.At(x, y) {
				return true
			}
		}
	}
	return false
}

// TestDraw decodes cards and checks that the rating shows in its colour
// and that cards differ by rating and by claim.
func TestDraw(t *testing.T) {
	base := decode(t, example)
	r, g, b, _ := base.At(5, 5).RGBA()
	if want := RatingColour(3); uint8(r>>8) != want.R || uint8(g>>8) != want.G || uint8(b>>8) != want.B {
		t.Errorf("the band is %d,%d,%d, want the rating's colour %v", r>>8, g>>8, b>>8, want)
	}
	other := example
	other.Rating, other.Colour = "False", RatingColour(1)
	if !differ(base, decode(t, other)) {
		t.Error("cards of two ratings are the same")
	}
	other = example
	other.Claim = "Something else entirely."
	if !differ(base, decode(t, other)) {
		t.Error("cards of two claims are the same")
	}
	if example.Key() == other.Key() {
		t.Error("cards of two claims have one key")
	}
	// Texts that are no trouble: empty, one long word, control
	// characters, scripts the fonts do not have, Greek and Cyrillic.
	for _, claim := range []string{"", strings.Repeat("Ω", 400), "a\x00b\u202ec\nd\te", "東京は日本の首都です", "Η Ρωσία δεν έκανε · Россия не делала"} {
		c := example
		c.Claim, c.Claimant, c.Site = claim, claim, claim
		decode(t, c)
	}
}

func TestWrap(t *testing.T) {
	f := Card{}.fonts()
	f.mu.Lock()
	defer f.mu.Unlock()
	w := fixed.I(Width - 2*margin)
	lines := f.wrap(claimFace, example.Claim, w, claimLines)
	if len(lines) != claimLines || !strings.HasSuffix(lines[len(lines)-1], "…") {
		t.Errorf("a long claim: %q, want %d lines, the last shortened", lines, claimLines)
	}
	for _, l := range lines {
		if f.measure(claimFace, l) > w {
			t.Errorf("line %q is too wide", l)
		}
	}
	if lines := f.wrap(claimFace, strings.Repeat("word, ", 100), w, claimLines); !strings.HasSuffix(lines[len(lines)-1], "word…") {
		t.Errorf("a line shortened after a comma: %q", lines[len(lines)-1])
	}
	if lines := f.wrap(claimFace, "Short claim.", w, claimLines); len(lines) != 1 || lines[0] != "Short claim." {
		t.Errorf("a short claim: %q", lines)
	}
	long := strings.Repeat("x", 200)
	lines = f.wrap(claimFace, long, w, claimLines)
	if len(lines) < 2 || strings.Join(lines, "") != long && !strings.HasSuffix(lines[len(lines)-1], "…") {
		t.Errorf("a long word: %q", lines)
	}
	if s := f.fit(claimantFace, strings.Repeat("name ", 100), w); !strings.HasSuffix(s, "…") || f.measure(claimantFace, s) > w {
		t.Errorf("fit: %q", s)
	}
}

// TestEncodePNG checks the hand-made PNG encoder against image/png: the
// decoded pixels are the raster's, in every kind of row it writes.
func TestEncodePNG(t *testing.T) {
	r := &raster{pix: make([]byte, Width*Height), palette: palette(RatingColour(5))}
	for i := range r.pix {
		y, x := i/Width, i%Width
		switch {
		case y < 10: // rows alike
			r.pix[i] = 1
		case y < 20: // short runs and single bytes
			r.pix[i] = byte((x / (y - 9)) % 51)
		case y < 30: // runs of every length up to a whole row
			r.pix[i] = byte((x / (1 << (y - 20))) % 2)
		case y < 40: // two rows differing, then rows alike, twice
			r.pix[i] = byte((x/7 + min(y, 32) + max(0, y-35)*3) % 51)
		default:
			r.pix[i] = byte((x*7 + y*13) % 51)
		}
	}
	img, err := png.Decode(bytes.NewReader(encodePNG(r)))
	if err != nil {
		t.Fatal(err)
	}
	p, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("decoded a %T, want *image.Paletted", img)
	}
	if !bytes.Equal(p.Pix, r.pix) {
		t.Error("the decoded pixels differ from the raster's")
	}
}

// TestDrawDecodes checks that cards decode to the very pixels drawn.
func TestDrawDecodes(t *testing.T) {
	for _, c := range []Card{example, {Site: "S", Rating: "False", Colour: RatingColour(1), Claim: "The report found evidence of a \"multi-pronged covert influence campaign\" by Iran, seeking to undermine Trump.", Claimant: "Deutsche Welle"}} {
		r := draw(c)
		img, err := png.Decode(bytes.NewReader(encodePNG(r)))
		if err != nil {
			t.Fatal(err)
		}
		if p, ok := img.(*image.Paletted); !ok || !bytes.Equal(p.Pix, r.pix) {
			t.Errorf("%q: the decoded card differs from the card drawn", c.Claim)
		}
	}
}

func BenchmarkDraw(b *testing.B) {
	c := example
	for b.Loop() {
		if _, err := Draw(c); err != nil {
			b.Fatal(err)
		}
	}
}
