package card

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

// TestIsCardHeader: the cache takes a file for a card only if it starts
// as a PNG of a card's size does; image/png decodes the same headers.
func TestIsCardHeader(t *testing.T) {
	encode := func(w, h int) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	card := encode(Width, Height)
	for _, tc := range []struct {
		name string
		b    []byte
		want bool
	}{
		{"card", card, true},
		{"header only", card[:24], true},
		{"truncated header", card[:23], false},
		{"other size", encode(Width, Height+1), false},
		{"small", encode(10, 10), false},
		{"not a png", []byte("GIF89a………………………………………………"), false},
		{"empty", nil, false},
	} {
		if got := isCardHeader(tc.b); got != tc.want {
			t.Errorf("%s: isCardHeader = %v, want %v", tc.name, got, tc.want)
		}
		if len(tc.b) > 100 {
			cfg, err := png.DecodeConfig(bytes.NewReader(tc.b))
			if decoded := err == nil && cfg.Width == Width && cfg.Height == Height; decoded != tc.want {
				t.Errorf("%s: image/png says %v", tc.name, decoded)
			}
		}
	}
}
