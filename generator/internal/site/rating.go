package site

import (
	"math"
	"strconv"
)

// Ink is the colour of text written on the rating's Color: black or
// white, whichever contrasts more with it (by WCAG's relative
// luminance); "" when the rating has no colour of its own.
func (r Rating) Ink() string {
	if len(r.Color) != 7 {
		return ""
	}
	var lum float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(r.Color[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return ""
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		lum += w * c
	}
	// Contrast with white is 1.05/(lum+0.05), with black (lum+0.05)/0.05.
	if 1.05/(lum+0.05) >= (lum+0.05)/0.05 {
		return "#ffffff"
	}
	return "#111111"
}
