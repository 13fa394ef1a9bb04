package wire

import (
	"bytes"
	"testing"
)

// TestReset: a writer used again after Reset writes what a new writer
// writes, into the buffer it already has; Raw writes bytes with no length.
func TestReset(t *testing.T) {
	write := func(w *Writer, s string) []byte {
		w.Raw([]byte("MAG"))
		w.String(s)
		w.Uint(300)
		w.Raw([]byte{0xff})
		return w.Bytes()
	}
	var fresh Writer
	want := bytes.Clone(write(&fresh, "second"))
	var w Writer
	write(&w, "a first value, longer than the second")
	before := cap(w.Bytes())
	w.Reset()
	got := write(&w, "second")
	if !bytes.Equal(got, want) {
		t.Errorf("after Reset: %q, want %q", got, want)
	}
	if cap(got) != before {
		t.Errorf("after Reset the buffer was replaced (cap %d, was %d)", cap(got), before)
	}
	r := NewReader(got[3:])
	if s, n := r.String(), r.Uint(); s != "second" || n != 300 || r.Rest() != 1 || r.Err() != nil {
		t.Errorf("read back %q, %d, %d left, err %v", s, n, r.Rest(), r.Err())
	}
}
