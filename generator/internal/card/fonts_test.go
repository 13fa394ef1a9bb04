package card

import (
	"bytes"
	"os"
	"testing"
)

// TestFonts checks that a character the Go fonts lack is drawn in the
// first added font that has it, and as U+FFFD when none has it; that the
// added fonts are part of a card's key; and that a file that is no font
// is an error. testdata/snowman.ttf is DejaVu Sans cut down to ☃ and ⚖
// (see testdata/README).
func TestFonts(t *testing.T) {
	b, err := os.ReadFile("testdata/snowman.ttf")
	if err != nil {
		t.Fatal(err)
	}
	added, err := NewFonts(b)
	if err != nil {
		t.Fatal(err)
	}
	card := func(claim string, f *Fonts) []byte {
		c := example
		c.Claim, c.Fonts = claim, f
		return draw(c).pix
	}
	replacement := card("\ufffd", nil)
	if !bytes.Equal(card("☃", nil), replacement) {
		t.Error("the Go fonts lack ☃: it should be drawn as U+FFFD")
	}
	if bytes.Equal(card("☃", added), replacement) {
		t.Error("with the added font, ☃ is still drawn as U+FFFD")
	}
	if bytes.Equal(card("☃", added), card("⚖", added)) {
		t.Error("☃ and ⚖ look the same in the added font")
	}
	if !bytes.Equal(card("Ab", added), card("Ab", nil)) {
		t.Error("letters the Go fonts have are drawn in another font")
	}
	c := example
	d := example
	d.Fonts = added
	if c.Key() == d.Key() {
		t.Error("adding a font does not change the card's key")
	}
	if _, err := NewFonts([]byte("not a font")); err == nil {
		t.Error("NewFonts took a file that is no font")
	}
}
