package card

import (
	"encoding/binary"
	"hash/crc32"
	"image/color"
)

// A raster is an 8-bit paletted image: each byte indexes palette.
type raster struct {
	pix     []byte
	palette []color.RGBA
}

// encodePNG writes r as a PNG. It does what image/png does for a
// paletted image, in a fraction of the time, for the kind of picture a
// card is (flat colours, text, many rows alike): each row is compressed
// by a run-length deflate with fixed Huffman codes, a row the same as the
// one above as one back-reference to it; a row is stored as it is or as
// its difference from the row above (PNG's "up" filter), whichever has
// fewer runs: as it is when all its pixels are alike, else up.
// TestEncodePNG decodes what it writes with image/png.
func encodePNG(r *raster) []byte {
	out := make([]byte, 0, 24<<10)
	out = append(out, "\x89PNG\r\n\x1a\n"...)
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], Width)
	binary.BigEndian.PutUint32(ihdr[4:], Height)
	ihdr[8], ihdr[9] = 8, 3 // 8 bits, paletted
	out = chunk(out, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(r.palette))
	for _, c := range r.palette {
		plte = append(plte, c.R, c.G, c.B)
	}
	out = chunk(out, "PLTE", plte)
	// The IDAT chunk: its length is filled in once the data is written.
	start := len(out)
	out = append(out, 0, 0, 0, 0, 'I', 'D', 'A', 'T', 0x78, 0x01)
	w := bitWriter{b: out}
	w.bits(1, 1) // the final block
	w.bits(1, 2) // fixed Huffman codes
	var adler, rowAdler uint32 = 1, 0
	rowLen := Width + 1 // a filter byte, then the pixels
	var prev []byte
	up := make([]byte, Width)
	// copies says whether the row written last, copied, is the same as
	// the row above it again: true when it was stored unfiltered, or as
	// "up" with no difference; not after "up" with differences, which
	// copied would add them once more.
	copies := false
	for y := 0; y < Height; y++ {
		row := r.pix[y*Width : (y+1)*Width]
		same := prev != nil && string(row) == string(prev)
		switch {
		case same && copies:
			w.match(rowLen, rowLen)
		case same:
			w.literal(2) // filter: up, no difference
			w.literal(0)
			w.match(Width-1, 1)
			rowAdler, copies = noDifference, true
		case prev != nil && !uniform(row):
			subtract(up, row, prev)
			w.literal(2) // filter: up
			runs(&w, up)
			rowAdler, copies = adler32(2, up), false
		default:
			w.literal(0) // filter: none
			runs(&w, row)
			rowAdler, copies = adler32(0, row), true
		}
		adler = adlerCombine(adler, rowAdler, rowLen)
		prev = row
	}
	w.literal(256) // end of block
	w.flush()
	out = binary.BigEndian.AppendUint32(w.b, adler)
	binary.BigEndian.PutUint32(out[start:], uint32(len(out)-start-8))
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start+4:]))
	return chunk(out, "IEND", nil)
}

func chunk(out []byte, name string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, name...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

// uniform reports whether every byte of row is the same.
func uniform(row []byte) bool {
	pattern := uint64(row[0]) * 0x0101010101010101
	i := 0
	for ; i+8 <= len(row); i += 8 {
		if binary.LittleEndian.Uint64(row[i:]) != pattern {
			return false
		}
	}
	for ; i < len(row); i++ {
		if row[i] != row[0] {
			return false
		}
	}
	return true
}

// subtract sets up to row minus prev, byte by byte modulo 256, eight
// bytes at a time.
func subtract(up, row, prev []byte) {
	const h = 0x8080808080808080
	i := 0
	for ; i+8 <= len(row); i += 8 {
		a, b := binary.LittleEndian.Uint64(row[i:]), binary.LittleEndian.Uint64(prev[i:])
		binary.LittleEndian.PutUint64(up[i:], ((a|h)-(b&^h))^((a^^b)&h))
	}
	for ; i < len(row); i++ {
		up[i] = row[i] - prev[i]
	}
}

// runs writes a row: each run of four or more equal bytes as the byte
// and a back-reference of distance 1, other bytes as literals.
func runs(w *bitWriter, row []byte) {
	for i := 0; i < len(row); {
		v := row[i]
		j := i + 1
		if j+8 <= len(row) {
			pattern := uint64(v) * 0x0101010101010101
			for j+8 <= len(row) && binary.LittleEndian.Uint64(row[j:]) == pattern {
				j += 8
			}
		}
		for j < len(row) && row[j] == v {
			j++
		}
		w.literal(int(v))
		if n := j - i - 1; n >= 3 {
			w.match(n, 1)
		} else {
			for range n {
				w.literal(int(v))
			}
		}
		i = j
	}
}

// bitWriter writes a deflate stream, least significant bit first.
type bitWriter struct {
	b    []byte
	acc  uint64
	nacc uint
}

// bits writes the n low bits of v, n at most 32.
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	if w.nacc >= 32 {
		w.b = binary.LittleEndian.AppendUint32(w.b, uint32(w.acc))
		w.acc >>= 32
		w.nacc -= 32
	}
}

// code writes a Huffman code, which deflate stores most significant bit
// first.
func (w *bitWriter) code(c uint32, n uint) { w.bits(uint64(reverse(c, n)), n) }

func (w *bitWriter) flush() {
	for w.nacc > 0 {
		w.b = append(w.b, byte(w.acc))
		w.acc >>= 8
		w.nacc -= min(w.nacc, 8)
	}
	w.acc = 0
}

// literal writes a literal byte or the end of the block (256) in the
// fixed Huffman code.
func (w *bitWriter) literal(v int) {
	c := fixedLit[v]
	w.bits(uint64(c.code), uint(c.n))
}

// fixedLit holds the fixed Huffman code of each literal and length,
// bits reversed as they are written.
var fixedLit = func() (t [286]struct {
	code uint16
	n    uint8
}) {
	for v := range t {
		var c uint32
		var n uint
		switch {
		case v < 144:
			c, n = uint32(0x30+v), 8
		case v < 256:
			c, n = uint32(0x190+v-144), 9
		case v < 280:
			c, n = uint32(v-256), 7
		default:
			c, n = uint32(0xc0+v-280), 8
		}
		t[v].code, t[v].n = uint16(reverse(c, n)), uint8(n)
	}
	return t
}()

// match writes a back-reference of n bytes at distance dist (at most
// 32768), in pieces of at most 258 bytes.
func (w *bitWriter) match(n, dist int) {
	var d uint64 // distance 1: code 0, no extra bits
	var dn uint
	if dist > 1 {
		dc, dextra, n := distCode(dist)
		d, dn = uint64(reverse(uint32(dc), 5))|uint64(dextra)<<5, n
	}
	for n > 0 {
		l := min(n, 258)
		if n-l > 0 && n-l < 3 {
			l = n - 3 // leave at least three for the last piece
		}
		n -= l
		c := lengths[l]
		w.bits(uint64(c.code)|d<<c.n, uint(c.n)+5+dn)
	}
}

// lengths holds, for each length of a match from 3 to 258, its fixed
// Huffman code followed by its extra bits, as they are written.
var lengths = func() (t [259]struct {
	code uint32
	n    uint8
}) {
	for l := 3; l <= 258; l++ {
		code, extra, n := lengthCode(l)
		c := fixedLit[code]
		t[l].code = uint32(c.code) | uint32(extra)<<c.n
		t[l].n = c.n + uint8(n)
	}
	return t
}()

var lengthBase = [...]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
var lengthExtra = [...]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
var distBase = [...]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
var distExtra = [...]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}

func lengthCode(l int) (code, extra int, n uint) {
	i := len(lengthBase) - 1
	for lengthBase[i] > l {
		i--
	}
	return 257 + i, l - lengthBase[i], lengthExtra[i]
}

func distCode(d int) (code, extra int, n uint) {
	i := len(distBase) - 1
	for distBase[i] > d {
		i--
	}
	return i, d - distBase[i], distExtra[i]
}

func reverse(c uint32, n uint) uint32 {
	var r uint32
	for range n {
		r = r<<1 | c&1
		c >>= 1
	}
	return r
}

const adlerMod = 65521

// noDifference is the Adler-32 of a row stored as "up" with no
// difference from the row above.
var noDifference = adler32(2, make([]byte, Width))

// adler32 is the Adler-32 of a row: its filter byte, then row.
func adler32(filter byte, row []byte) uint32 {
	s1 := 1 + uint32(filter)
	s2 := s1
	for len(row) > 0 {
		n := min(len(row), 5552)
		for _, c := range row[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= adlerMod
		s2 %= adlerMod
		row = row[n:]
	}
	return s2<<16 | s1
}

// adlerCombine is the Adler-32 of two pieces from theirs and the second's
// length (zlib's adler32_combine).
func adlerCombine(a1, a2 uint32, len2 int) uint32 {
	rem := uint32(len2 % adlerMod)
	sum1 := a1 & 0xffff
	sum2 := (rem * sum1) % adlerMod
	sum1 += (a2 & 0xffff) + adlerMod - 1
	sum2 += (a1 >> 16) + (a2 >> 16) + adlerMod - rem
	if sum1 >= adlerMod {
		sum1 -= adlerMod
	}
	if sum1 >= adlerMod {
		sum1 -= adlerMod
	}
	if sum2 >= adlerMod<<1 {
		sum2 -= adlerMod << 1
	}
	if sum2 >= adlerMod {
		sum2 -= adlerMod
	}
	return sum2<<16 | sum1
}
