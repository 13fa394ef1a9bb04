package site

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"factcheck/generator/internal/wire"

	"golang.org/x/tools/txtar"
)

// testSites writes each site of the pipeline's tests to a folder of its
// own and returns their folders by name.
func testSites(t *testing.T) map[string]string {
	t.Helper()
	names, _ := filepath.Glob("../pipeline/testdata/sites/*.txtar")
	out := map[string]string{}
	for _, n := range names {
		if filepath.Ext(n[:len(n)-len(".txtar")]) == ".golden" {
			continue
		}
		a, err := txtar.ParseFile(n)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		for _, f := range a.Files {
			p := filepath.Join(dir, filepath.FromSlash(f.Name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		out[filepath.Base(n)] = dir
	}
	if len(out) < 5 {
		t.Fatalf("%d test sites", len(out))
	}
	return out
}

// comparable returns a copy of e for reflect.DeepEqual: without what
// says where it came from, the match index that a cache on disk does not
// keep, and its document, which is compared apart (see sameDoc).
func comparable(e *entry) entry {
	c := *e
	c.disk, c.diskChecked, c.deps = false, false, [32]byte{}
	if c.claim != nil {
		cl := *c.claim
		cl.Doc = nil
		c.claim = &cl
	}
	if c.page != nil {
		pg := *c.page
		pg.Doc = nil
		c.page = &pg
	}
	if c.source != nil {
		src := *c.source
		src.Index = nil
		c.source = &src
	}
	return c
}

// TestDiskCacheRoundTrip loads each test site, saves the cache, and
// loads it again through a new Cache read from disk, as the next run of
// the program does: every entry must come back as it was, the second
// Load must parse nothing, and both must find the same problems.
func TestDiskCacheRoundTrip(t *testing.T) {
	for name, dir := range testSites(t) {
		t.Run(name, func(t *testing.T) {
			fsys := os.DirFS(dir)
			cacheDir := filepath.Join(t.TempDir(), "parsed")
			cold := OpenCache(cacheDir, "stamp")
			_, coldDiags := cold.Load(fsys, Options{}, nil)
			if err := cold.Save(); err != nil {
				t.Fatal(err)
			}
			warm := OpenCache(cacheDir, "stamp")
			s, warmDiags := warm.Load(fsys, Options{}, nil)
			if s.Stats.Parsed != 0 {
				t.Errorf("parsed %d of %d files from a warm cache", s.Stats.Parsed, s.Stats.Files)
			}
			if fmt.Sprint(coldDiags) != fmt.Sprint(warmDiags) {
				t.Errorf("diagnostics differ:\ncold %v\nwarm %v", coldDiags, warmDiags)
			}
			if len(cold.files) != len(warm.files) || len(cold.files) == 0 {
				t.Fatalf("%d entries, %d from disk", len(cold.files), len(warm.files))
			}
			for p, ce := range cold.files {
				we := warm.files[p]
				if we == nil {
					t.Errorf("%s: not cached", p)
					continue
				}
				if a, b := comparable(ce), comparable(we); !reflect.DeepEqual(a, b) {
					t.Errorf("%s: differs after the round trip:\n%+v\n%+v", p, a, b)
				}
				var cw, ww wire.Writer
				encodeEntry(&cw, p, ce, nil)
				encodeEntry(&ww, p, we, nil)
				if !bytes.Equal(cw.Bytes(), ww.Bytes()) {
					t.Errorf("%s: its document differs after the round trip", p)
				}
			}
			// Nothing changed: nothing to write.
			before, _ := os.ReadDir(cacheDir)
			if err := warm.Save(); err != nil {
				t.Fatal(err)
			}
			for _, f := range before {
				if fi, _ := os.Stat(filepath.Join(cacheDir, f.Name())); fi == nil {
					t.Errorf("%s is gone", f.Name())
				}
			}
		})
	}
}

// reseal puts a right checksum at the end of a shard file's bytes.
func reseal(b []byte) []byte {
	body := b[:len(b)-4]
	return binary.BigEndian.AppendUint32(bytes.Clone(body), crc32.Checksum(body, crcTable))
}

// TestDiskCacheUntrusted spoils the cache's shard files in many ways:
// a spoiled shard is ignored and its files parsed, and the site loaded
// is the one a cold Load makes.
func TestDiskCacheUntrusted(t *testing.T) {
	dir := testSites(t)["multi.txtar"]
	fsys := os.DirFS(dir)
	_, want := Load(fsys, Options{})
	good := t.TempDir()
	c := OpenCache(good, "stamp")
	c.Load(fsys, Options{}, nil)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	shards, _ := filepath.Glob(filepath.Join(good, "parse-*.bin"))
	var name string
	var orig []byte
	for _, s := range shards { // the biggest shard
		if b, _ := os.ReadFile(s); len(b) > len(orig) {
			name, orig = filepath.Base(s), b
		}
	}
	flip := func(i int) []byte { b := bytes.Clone(orig); b[i] ^= 0x40; return b }
	for _, tc := range []struct {
		name  string
		spoil func(dir string) error
	}{
		{"empty", func(d string) error { return os.WriteFile(filepath.Join(d, name), nil, 0o644) }},
		{"truncated", func(d string) error { return os.WriteFile(filepath.Join(d, name), orig[:len(orig)/2], 0o644) }},
		{"truncated, checksum right", func(d string) error {
			return os.WriteFile(filepath.Join(d, name), reseal(orig[:len(orig)/2]), 0o644)
		}},
		{"flipped bit", func(d string) error { return os.WriteFile(filepath.Join(d, name), flip(len(orig)/2), 0o644) }},
		{"another program", func(d string) error {
			return os.WriteFile(filepath.Join(d, name), reseal(bytes.Replace(orig, []byte("stamp"), []byte("other"), 1)), 0o644)
		}},
		{"another shard's name", func(d string) error {
			other := "parse-00.bin"
			if name == other {
				other = "parse-01.bin"
			}
			return os.WriteFile(filepath.Join(d, other), orig, 0o644)
		}},
		{"not a cache", func(d string) error { return os.WriteFile(filepath.Join(d, name), []byte("hello\n"), 0o644) }},
		{"a folder", func(d string) error {
			os.Remove(filepath.Join(d, name))
			return os.Mkdir(filepath.Join(d, name), 0o755)
		}},
		{"a symbolic link", func(d string) error {
			os.Rename(filepath.Join(d, name), filepath.Join(d, "elsewhere"))
			return os.Symlink("elsewhere", filepath.Join(d, name))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := t.TempDir()
			if err := os.CopyFS(d, os.DirFS(good)); err != nil {
				t.Fatal(err)
			}
			if err := tc.spoil(d); err != nil {
				t.Fatal(err)
			}
			c := OpenCache(d, "stamp")
			s, got := c.Load(fsys, Options{}, nil)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("diagnostics:\n%v\nwant\n%v", got, want)
			}
			if s.Stats.Parsed == 0 && tc.name != "another shard's name" { // which may have held no file
				t.Errorf("nothing parsed from a spoiled cache")
			}
			if err := c.Save(); err != nil {
				if tc.name == "a folder" {
					return // not replaced: the build warns
				}
				t.Fatal(err)
			}
			if s, _ := OpenCache(d, "stamp").Load(fsys, Options{}, nil); s.Stats.Parsed != 0 {
				t.Errorf("the cache saved after a spoiled one: %d files parsed", s.Stats.Parsed)
			}
		})
	}
}

// FuzzDecodeShard: any bytes, with a right checksum, make an error or
// entries, never a panic.
func FuzzDecodeShard(f *testing.F) {
	dir := f.TempDir()
	a, err := txtar.ParseFile("../pipeline/testdata/sites/basic.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(file.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, file.Data, 0o644)
	}
	cacheDir := f.TempDir()
	c := OpenCache(cacheDir, "s")
	c.Load(os.DirFS(dir), Options{}, nil)
	c.Save()
	shards, _ := filepath.Glob(filepath.Join(cacheDir, "parse-*.bin"))
	for _, s := range shards {
		b, _ := os.ReadFile(s)
		f.Add(b[:len(b)-4])
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		b := binary.BigEndian.AppendUint32(bytes.Clone(body), crc32.Checksum(body, crcTable))
		for k := range diskShards {
			decodeShard(b, "s", k)
		}
	})
}

// TestReadShardFile checks that a shard file is read (mapped, on Linux)
// as os.ReadFile reads it, and that what is not a shard's file fails.
func TestReadShardFile(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{1, 4095, 4096, 4097, 1 << 20} {
		name := filepath.Join(dir, fmt.Sprint("shard", n))
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(i * 7)
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readShardFile(name)
		want, _ := os.ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%d bytes: read %d bytes, %v", n, len(got), err)
		}
	}
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o644)
	for _, name := range []string{filepath.Join(dir, "missing"), dir} {
		if _, err := readShardFile(name); err == nil {
			t.Errorf("readShardFile(%s): no error", name)
		}
	}
	if b, err := readShardFile(empty); err == nil && len(b) != 0 {
		t.Errorf("readShardFile(empty) = %d bytes", len(b))
	}
}
