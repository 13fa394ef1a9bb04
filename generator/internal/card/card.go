// Package card draws the share card of a claim: the PNG (1200×630) that
// social networks and messaging apps show beside a link to its page. It
// shows the rating in its colour, the claim, the claimant and the site's
// name, in the Go fonts (Latin, Greek and Cyrillic) and the fonts a site
// adds for other scripts (see Fonts), with text wrapped and shortened with
// "…" to fit.
//
// Drawing a card takes a few milliseconds, so a build keeps the cards it
// drew in a Cache folder, named by a hash of what they show, and draws
// again only the cards whose content changed.
package card

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Width and Height are the size of a card in pixels, the size Facebook,
// X and LinkedIn show large.
const Width, Height = 1200, 630

// version changes whenever cards are drawn differently, so that cached
// cards of an older look are not reused.
const version = "card 4"

// Card is what a card shows.
type Card struct {
	Site     string     // the site's name
	Rating   string     // the rating's label
	Colour   color.RGBA // the rating's colour
	Claim    string
	Claimant string
	// ClaimedBy is the line under the claim, in the site's language:
	// "Claimed by " and the claimant when empty.
	ClaimedBy string
	// Quotes are the quotation marks around the claim in the site's
	// language, opening and closing: “ and ” when empty.
	Quotes [2]string
	// RTL is whether the site's language reads from right to left: its
	// labels are set from the right edge, and so is any text whose first
	// letter is of a right-to-left script.
	RTL bool
	// Fonts draw the card; nil is the Go fonts alone.
	Fonts *Fonts
}

// Key is a hash of everything the card shows: two cards with one key
// look the same.
func (c Card) Key() string {
	b := make([]byte, 0, 256+len(c.Claim))
	for _, s := range [...]string{version, c.Site, c.Rating, string([]byte{c.Colour.R, c.Colour.G, c.Colour.B, c.Colour.A}), c.Claim, c.Claimant, c.ClaimedBy, c.Quotes[0], c.Quotes[1], c.Fonts.key(), strconv.FormatBool(c.RTL)} {
		// Each part with its length, so that no two cards run together
		// into one text.
		b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// RatingColour is the colour of the rating worth value on a scale: the
// colours of the built-in style sheet (--r5 … --r1), grey for other values
// as the style sheet has it.
func RatingColour(value int) color.RGBA {
	switch value {
	case 5:
		return color.RGBA{0x1d, 0x7a, 0x46, 0xff}
	case 4:
		return color.RGBA{0x43, 0x7d, 0x1b, 0xff}
	case 3:
		return color.RGBA{0xa3, 0x5c, 0x00, 0xff}
	case 1:
		return color.RGBA{0xb3, 0x26, 0x1e, 0xff}
	}
	return color.RGBA{0x5d, 0x5f, 0x66, 0xff}
}

var (
	background = color.RGBA{0xfd, 0xfc, 0xfa, 0xff}
	ink        = color.RGBA{0x1d, 0x1f, 0x21, 0xff}
	muted      = color.RGBA{0x5b, 0x61, 0x68, 0xff}
	line       = color.RGBA{0xde, 0xda, 0xd3, 0xff}
	white      = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// The faces of a card, in the order of fonts.
const (
	labelFace = iota
	claimFace
	claimantFace
	siteFace
	numFaces
)

// Fonts are the faces a card is drawn in and the glyphs drawn so far: a
// face caches nothing itself, and rasterizing a glyph costs far more than
// copying it. Each character is drawn in the first font that has it: the
// Go fonts, then the fonts a site adds, in their order; a character none
// has is drawn as U+FFFD.
//
// The Go fonts cover Latin, Greek and Cyrillic. A site adds fonts for
// other scripts (Noto Sans SC for Chinese, say). Arabic letters are
// joined and right-to-left text is reordered (see shape and visual), so an
// Arabic font must map Unicode's Arabic presentation forms, as most do;
// scripts whose letters need more shaping (the scripts of India) are drawn
// character by character.
type Fonts struct {
	mu sync.Mutex
	// fonts are the fonts in the order they are tried, and faces the face
	// of each in each size.
	fonts  []*opentype.Font
	faces  [numFaces][]font.Face
	buf    sfnt.Buffer
	glyphs map[glyphKey]*glyph
	hash   string // of the added fonts, "" for none
}

type glyphKey struct {
	face int
	r    rune
}

// A glyph is a rasterized character: its coverage in 17 levels (0 none,
// 16 full) in a w×h box at (dx, dy) from the dot, and its advance.
type glyph struct {
	level   []byte
	w, h    int
	dx, dy  int
	advance fixed.Int26_6
}

var (
	goOnce          sync.Once
	goBold, goPlain *opentype.Font
	goFonts         *Fonts
)

// sizes are the size of each face, and whether it is bold.
var sizes = [numFaces]struct {
	size float64
	bold bool
}{labelFace: {50, true}, claimFace: {46, true}, claimantFace: {32, false}, siteFace: {32, true}}

// NewFonts returns the Go fonts followed by extra, each the bytes of a
// TrueType or OpenType font file (one weight; it serves bold text too).
func NewFonts(extra ...[]byte) (*Fonts, error) {
	goOnce.Do(func() {
		var err error
		if goBold, err = opentype.Parse(gobold.TTF); err != nil {
			panic(err) // the fonts are part of the program
		}
		if goPlain, err = opentype.Parse(goregular.TTF); err != nil {
			panic(err)
		}
	})
	f := &Fonts{glyphs: map[glyphKey]*glyph{}}
	h := sha256.New()
	var added []*opentype.Font
	for i, b := range extra {
		ft, err := opentype.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("font %d: %v", i+1, err)
		}
		added = append(added, ft)
		sum := sha256.Sum256(b)
		h.Write(sum[:])
	}
	if len(extra) > 0 {
		f.hash = hex.EncodeToString(h.Sum(nil))
	}
	// The Go fonts have the same characters: the first stands for both.
	f.fonts = append([]*opentype.Font{goPlain}, added...)
	for i, sz := range sizes {
		base := goPlain
		if sz.bold {
			base = goBold
		}
		for _, ft := range append([]*opentype.Font{base}, added...) {
			fc, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: sz.size, DPI: 72, Hinting: font.HintingFull})
			if err != nil {
				return nil, err
			}
			f.faces[i] = append(f.faces[i], fc)
		}
	}
	return f, nil
}

// key is what the fonts add to a card's Key.
func (f *Fonts) key() string {
	if f == nil {
		return ""
	}
	return f.hash
}

// fonts returns c's fonts, or the Go fonts alone.
func (c Card) fonts() *Fonts {
	if c.Fonts != nil {
		return c.Fonts
	}
	goFontsOnce.Do(func() {
		var err error
		if goFonts, err = NewFonts(); err != nil {
			panic(err)
		}
	})
	return goFonts
}

var goFontsOnce sync.Once

// glyph returns the glyph of r in a face, rasterizing it the first time.
// The caller holds f.mu.
func (f *Fonts) glyph(face int, r rune) *glyph {
	k := glyphKey{face, r}
	if g := f.glyphs[k]; g != nil {
		return g
	}
	g := &glyph{}
	var (
		dr   image.Rectangle
		mask image.Image
		mp   image.Point
		adv  fixed.Int26_6
		ok   bool
	)
	for i, ft := range f.fonts {
		// A font without the character has glyph 0 for it, which its face
		// would draw as a box.
		if x, err := ft.GlyphIndex(&f.buf, r); err == nil && x != 0 {
			dr, mask, mp, adv, ok = f.faces[face][i].Glyph(fixed.Point26_6{}, r)
			break
		}
	}
	if !ok {
		dr, mask, mp, adv, _ = f.faces[face][0].Glyph(fixed.Point26_6{}, '\ufffd')
	}
	g.advance = adv
	if mask != nil && !dr.Empty() {
		g.w, g.h, g.dx, g.dy = dr.Dx(), dr.Dy(), dr.Min.X, dr.Min.Y
		g.level = make([]byte, g.w*g.h)
		for y := 0; y < g.h; y++ {
			for x := 0; x < g.w; x++ {
				_, _, _, a := mask.At(mp.X+x, mp.Y+y).RGBA()
				g.level[y*g.w+x] = byte((a*16 + 0x8000) / 0xffff)
			}
		}
	}
	if len(f.glyphs) < 1<<14 {
		f.glyphs[k] = g
	}
	return g
}

// measure is the width of s in a face, its Arabic letters joined. The
// caller holds f.mu.
func (f *Fonts) measure(face int, s string) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, r := range shape(s) {
		w += f.glyph(face, r).advance
	}
	return w
}

// Margins and lines of the layout.
const (
	margin     = 64
	bandHeight = 132 // the rating's band at the top
	claimTop   = bandHeight + 92
	claimLines = 4
	claimLead  = 58 // from one line of the claim to the next
	footTop    = Height - 92
)

// The palette: the three flat colours, then each colour of text over
// its background in 16 levels of coverage (see ink).
const (
	bgIndex   = 0
	bandIndex = 1
	lineIndex = 2
	onBand    = 2  // white text over the band: 3 … 18
	inkText   = 18 // ink over the background: 19 … 34
	mutedText = 34 // muted ink over the background: 35 … 50
)

func palette(band color.RGBA) []color.RGBA {
	p := []color.RGBA{background, band, line}
	for _, pair := range [][2]color.RGBA{{white, band}, {ink, background}, {muted, background}} {
		for l := 1; l <= 16; l++ {
			p = append(p, mix(pair[1], pair[0], l))
		}
	}
	return p
}

// mix is l sixteenths of fg over bg.
func mix(bg, fg color.RGBA, l int) color.RGBA {
	m := func(a, b uint8) uint8 { return uint8((int(a)*(16-l) + int(b)*l + 8) / 16) }
	return color.RGBA{m(bg.R, fg.R), m(bg.G, fg.G), m(bg.B, fg.B), 0xff}
}

// rasters holds the pixels of cards drawn, for the next.
var rasters = sync.Pool{New: func() any { b := make([]byte, Width*Height); return &b }}

// Draw draws the card as a PNG.
func Draw(c Card) ([]byte, error) {
	pix := rasters.Get().(*[]byte)
	defer rasters.Put(pix)
	clear(*pix) // bgIndex is 0: the background
	r := &raster{pix: *pix, palette: palette(c.Colour)}
	r.fill(0, bandHeight, bandIndex)
	r.fill(footTop, footTop+2, lineIndex)

	r.texts(c)
	return encodePNG(r), nil
}

// draw draws c into a new raster, for tests.
func draw(c Card) *raster {
	r := &raster{pix: make([]byte, Width*Height), palette: palette(c.Colour)}
	r.fill(0, bandHeight, bandIndex)
	r.fill(footTop, footTop+2, lineIndex)
	r.texts(c)
	return r
}

// texts draws the texts of c. The glyphs are shared: one card at a time
// draws them, the rest of the work is done by several at once.
func (r *raster) texts(c Card) {
	f := c.fonts()
	f.mu.Lock()
	defer f.mu.Unlock()
	width := fixed.I(Width - 2*margin)
	r.line(f, labelFace, onBand, bandHeight/2+18, f.fit(labelFace, c.Rating, width), rtl(c.Rating, c.RTL))
	y := claimTop
	before, after := c.Quotes[0], c.Quotes[1]
	if before == "" && after == "" {
		before, after = "“", "”"
	}
	claim := before + c.Claim + after
	claimRTL := rtl(c.Claim, c.RTL)
	for _, l := range f.wrap(claimFace, claim, width, claimLines) {
		r.line(f, claimFace, inkText, y, l, claimRTL)
		y += claimLead
	}
	by := c.ClaimedBy
	if by == "" && c.Claimant != "" {
		by = "Claimed by " + c.Claimant
	}
	if by != "" {
		r.line(f, claimantFace, mutedText, y+6, f.fit(claimantFace, by, width), rtl(by, c.RTL))
	}
	r.line(f, siteFace, inkText, footTop+56, f.fit(siteFace, c.Site, width), rtl(c.Site, c.RTL))
}

// line draws one line of text with its baseline at y, from the left
// margin, or up to the right one when the text it is part of reads from
// right to left.
func (r *raster) line(f *Fonts, face int, base byte, y int, s string, rtl bool) {
	x := margin
	if rtl {
		x = Width - margin - f.measure(face, s).Round()
	}
	r.text(f, face, base, x, y, visual(shape(s), rtl))
}

// fill fills the rows from y0 to y1 with colour i.
func (r *raster) fill(y0, y1 int, i byte) {
	row := r.pix[y0*Width : y1*Width]
	for j := range row {
		row[j] = i
	}
}

// text draws s in a face with its baseline at y, in the colour whose
// levels follow index base.
func (r *raster) text(f *Fonts, face int, base byte, x, y int, s string) {
	dot := fixed.I(x)
	for _, ch := range s {
		g := f.glyph(face, ch)
		x0, y0 := dot.Round()+g.dx, y+g.dy
		for gy := 0; gy < g.h; gy++ {
			py := y0 + gy
			if py < 0 || py >= Height {
				continue
			}
			row := r.pix[py*Width : (py+1)*Width]
			for gx, l := range g.level[gy*g.w : (gy+1)*g.w] {
				px := x0 + gx
				if l == 0 || px < 0 || px >= Width {
					continue
				}
				// Where glyphs touch, the darker wins.
				if old := row[px]; old <= base || old > base+16 || old < base+l {
					row[px] = base + l
				}
			}
		}
		dot += g.advance
	}
}

// fit shortens s with "…" until it is at most w wide.
func (f *Fonts) fit(face int, s string, w fixed.Int26_6) string {
	s = oneLine(s)
	if f.measure(face, s) <= w {
		return s
	}
	for s != "" {
		_, size := utf8.DecodeLastRuneInString(s)
		s = strings.TrimRight(s[:len(s)-size], " ,;:.")
		if f.measure(face, s+"…") <= w {
			return s + "…"
		}
	}
	return "…"
}

// wrap breaks s into at most n lines at most w wide, at spaces (within a
// word longer than a line when it must), and shortens the last line with
// "…" when the text does not fit.
func (f *Fonts) wrap(face int, s string, w fixed.Int26_6, n int) []string {
	words := strings.Fields(oneLine(s))
	var lines []string
	cur := ""
	for i := 0; i < len(words); i++ {
		word := words[i]
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		if f.measure(face, next) <= w {
			cur = next
			continue
		}
		if cur == "" {
			// A word longer than a line: break it where it must.
			head := f.longestPrefix(face, word, w)
			lines = append(lines, head)
			words[i] = word[len(head):]
		} else {
			lines = append(lines, cur)
			cur = ""
		}
		i-- // the word, or what is left of it, again
		if len(lines) == n {
			return f.shorten(face, lines, w)
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// shorten ends the last of lines with "…": the text goes on beyond it.
func (f *Fonts) shorten(face int, lines []string, w fixed.Int26_6) []string {
	last := strings.TrimRight(lines[len(lines)-1], " ,;:.")
	for last != "" && f.measure(face, last+"…") > w {
		_, size := utf8.DecodeLastRuneInString(last)
		last = strings.TrimRight(last[:len(last)-size], " ,;:.")
	}
	lines[len(lines)-1] = last + "…"
	return lines
}

// longestPrefix is the longest start of word, at least one character,
// that fits in w.
func (f *Fonts) longestPrefix(face int, word string, w fixed.Int26_6) string {
	end := 0
	for i, r := range word {
		next := i + utf8.RuneLen(r)
		if end > 0 && f.measure(face, word[:next]) > w {
			break
		}
		end = next
	}
	return word[:end]
}

// oneLine replaces runs of white space and control characters by single
// spaces.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r < ' ' || r == 0x7f || r == ' ' || r == '\u00a0' || r == '\u2028' || r == '\u2029'
	}), " ")
}
