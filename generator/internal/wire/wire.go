// Package wire is a small binary encoding for data a program writes to
// disk and reads back itself, such as the build's parse cache: numbers
// as varints, strings and byte slices with their length before them.
//
// A Reader never trusts what it reads: every length is checked against
// the bytes left, and the first problem sticks (see Reader.Err), after
// which every read returns a zero value. A corrupt or truncated input
// therefore makes an error, never a panic nor a huge allocation. The
// format carries no type information: the reader must read what the
// writer wrote, in the same order.
package wire

import (
	"encoding/binary"
	"errors"
	"time"
	"unsafe"
)

// Writer appends encoded values to a buffer.
type Writer struct {
	buf []byte
}

// Bytes returns what was written.
func (w *Writer) Bytes() []byte { return w.buf }

// Size returns how many bytes were written.
func (w *Writer) Size() int { return len(w.buf) }

// Truncate takes back what was written after the first n bytes.
func (w *Writer) Truncate(n int) { w.buf = w.buf[:n] }

// Reset empties the writer and keeps its buffer for what is written next:
// a writer used again for one large value after another grows its buffer
// once. What Bytes returned before is overwritten.
func (w *Writer) Reset() { w.buf = w.buf[:0] }

// Raw writes b as it is, without its length: a header or a checksum
// that the reader takes apart itself.
func (w *Writer) Raw(b []byte) { w.buf = append(w.buf, b...) }

// Uint writes an unsigned number.
func (w *Writer) Uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }

// Int writes a signed number.
func (w *Writer) Int(v int) { w.buf = binary.AppendVarint(w.buf, int64(v)) }

// Int64 writes a signed 64-bit number.
func (w *Writer) Int64(v int64) { w.buf = binary.AppendVarint(w.buf, v) }

// Bool writes a boolean.
func (w *Writer) Bool(v bool) {
	b := byte(0)
	if v {
		b = 1
	}
	w.buf = append(w.buf, b)
}

// String writes a string.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

// Bytes0 writes a byte slice, keeping apart nil and empty.
func (w *Writer) Bytes0(b []byte) {
	if b == nil {
		w.Uint(0)
		return
	}
	w.Uint(uint64(len(b)) + 1)
	w.buf = append(w.buf, b...)
}

// Strings writes a list of strings, keeping apart nil and empty.
func (w *Writer) Strings(l []string) {
	w.Len(l == nil, len(l))
	for _, s := range l {
		w.String(s)
	}
}

// Len writes the length of a list that may be nil (then n is 0): read it
// back with Reader.Len.
func (w *Writer) Len(isNil bool, n int) {
	if isNil {
		w.Uint(0)
		return
	}
	w.Uint(uint64(n) + 1)
}

// Time writes a time with its offset from UTC (not its location's
// name): time.Time.MarshalBinary.
func (w *Writer) Time(t time.Time) {
	b, err := t.MarshalBinary()
	if err != nil { // an offset that is not whole minutes
		b = nil
	}
	w.Bytes0(b)
}

// ErrCorrupt is the error of a Reader whose input does not hold what was
// read.
var ErrCorrupt = errors.New("wire: corrupt data")

// Reader reads what a Writer wrote.
type Reader struct {
	buf []byte
	err error
}

// NewReader reads b. Strings it returns share b's memory: b must not be
// changed afterwards.
func NewReader(b []byte) *Reader { return &Reader{buf: b} }

// Err returns the first problem met, or nil.
func (r *Reader) Err() error { return r.err }

// Fail records err as the problem of the input, when there is none yet:
// for a caller that finds what it read makes no sense.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.buf = nil
}

// Rest returns how many bytes are left.
func (r *Reader) Rest() int { return len(r.buf) }

// Uint reads an unsigned number.
func (r *Reader) Uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.Fail(ErrCorrupt)
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Int reads a signed number written by Writer.Int.
func (r *Reader) Int() int {
	v := r.Int64()
	if int64(int(v)) != v {
		r.Fail(ErrCorrupt)
		return 0
	}
	return int(v)
}

// Int64 reads a signed 64-bit number.
func (r *Reader) Int64() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.Fail(ErrCorrupt)
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Bool reads a boolean.
func (r *Reader) Bool() bool {
	if len(r.buf) == 0 || r.buf[0] > 1 {
		r.Fail(ErrCorrupt)
		return false
	}
	v := r.buf[0] == 1
	r.buf = r.buf[1:]
	return v
}

// take returns the next n bytes.
func (r *Reader) take(n uint64) []byte {
	if n > uint64(len(r.buf)) {
		r.Fail(ErrCorrupt)
		return nil
	}
	b := r.buf[:n:n]
	r.buf = r.buf[n:]
	return b
}

// String reads a string. It shares the memory of the Reader's input.
func (r *Reader) String() string {
	b := r.take(r.Uint())
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// Bytes0 reads a byte slice written by Writer.Bytes0, into new memory.
func (r *Reader) Bytes0() []byte {
	n := r.Uint()
	if n == 0 {
		return nil
	}
	return append([]byte{}, r.take(n-1)...)
}

// Strings reads a list of strings.
func (r *Reader) Strings() []string {
	n, isNil := r.Len(1)
	if isNil {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = r.String()
	}
	return l
}

// Len reads a length written by Writer.Len, of a list whose items take
// at least min bytes each (at least 1 is assumed): a length that the
// bytes left cannot hold is an error, so that a corrupt length does not
// allocate a huge list.
func (r *Reader) Len(min int) (n int, isNil bool) {
	v := r.Uint()
	if v == 0 {
		return 0, true
	}
	v--
	if v > uint64(len(r.buf)/max(min, 1)) {
		r.Fail(ErrCorrupt)
		return 0, true
	}
	return int(v), false
}

// Time reads a time written by Writer.Time.
func (r *Reader) Time() time.Time {
	var t time.Time
	b := r.Bytes0()
	if b == nil {
		return t
	}
	if err := t.UnmarshalBinary(b); err != nil {
		r.Fail(ErrCorrupt)
	}
	return t
}
