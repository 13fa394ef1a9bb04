package search

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

// TestCache builds the index of a site of three blocks with a cache of
// its term blocks, edits one claim's analysis, and checks that each index
// made with the cache is the one made without it, byte for byte, that
// the rebuild after the edit made one block and took the others from the
// cache file, and that a cache file of another tag, or damaged, is not
// used.
func TestCache(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, data := range synth.Files(2*blockClaims+100, 1) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	s, diags := site.Load(fsys, site.Options{})
	if diags.Errors() > 0 {
		t.Fatal(diags)
	}
	file := filepath.Join(t.TempDir(), "search", "terms.bin")
	links := Links{Claims: "/claims/"}
	// index builds the index with the cache opened from file with tag,
	// checks it against the index made without a cache, saves the cache
	// and reports how many blocks it made.
	index := func(tag string) (made int) {
		t.Helper()
		c := OpenCache(file, tag)
		got, want := Index(s, links, c), Index(s, links, nil)
		if len(got) != len(want) {
			t.Fatalf("%d files with the cache, %d without", len(got), len(want))
		}
		for i := range got {
			if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) || got[i].Key != want[i].Key {
				t.Fatalf("%s with the cache differs from %s without", got[i].Path, want[i].Path)
			}
		}
		for k := range c.used {
			if c.old[k] == nil {
				made++
			}
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		return made
	}
	if made := index("a"); made != 3 {
		t.Errorf("first index: %d blocks made, want 3", made)
	}
	if made := index("a"); made != 0 {
		t.Errorf("the same site again: %d blocks made, want 0", made)
	}
	// The oldest claim, in the first block, gains words.
	c := s.Claims[len(s.Claims)-1]
	c.Text += " Quokkas and zebras."
	c.Digest = "edited"
	if made := index("a"); made != 1 {
		t.Errorf("after an edit: %d blocks made, want 1", made)
	}
	if made := index("b"); made != 3 {
		t.Errorf("another tag: %d blocks made, want 3", made)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if made := index("b"); made != 3 {
		t.Errorf("a damaged cache file: %d blocks made, want 3", made)
	}
	// A file with a good checksum whose first block, under its right
	// key, is not laid out as a block (a term longer than the block):
	// not read, rather than read past the block's end.
	b, err = os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	key := b[len(cacheMagic) : len(cacheMagic)+32]
	bad := append([]byte(cacheMagic), key...)
	bad = append(bad, 3, 9, 'a', 'b')
	bad = binary.BigEndian.AppendUint32(bad, crc32.Checksum(bad, castagnoli))
	if err := os.WriteFile(file, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if c := OpenCache(file, "b"); c.get([32]byte(key)) != nil {
		t.Error("a block laid out wrong is used")
	}
	if made := index("b"); made != 3 {
		t.Errorf("a block laid out wrong: %d blocks made, want 3", made)
	}
}

// FuzzBlock checks that a block validBlock accepts, however made, is read
// by joinBlock, and its lists written, without a panic or an endless
// loop. (TestCache checks that the blocks encodeBlock makes are
// accepted: a second index takes them all from the cache.)
func FuzzBlock(f *testing.F) {
	ix := &termIndex{terms: map[string]*postings{}}
	for i, text := range []string{"The budget rose", "budget cuts, 2020", "Élysée 地方选举"} {
		ix.add(i, &site.Claim{Claim: text, Text: text + " again"})
	}
	f.Add(encodeBlock(ix.terms), 0)
	f.Add([]byte{3, 9, 'a', 'b'}, 5)
	f.Add([]byte{1, 'a', 1, 1, 1, 0x60, 0, 0, 0}, 512)
	f.Fuzz(func(t *testing.T, b []byte, off int) {
		if !validBlock(b) {
			return
		}
		terms := map[string]*postings{}
		joinBlock(terms, b, max(0, off)%(1<<20))
		for _, p := range terms {
			p.all.appendTo(nil)
			p.strong.appendTo(nil)
		}
	})
}
