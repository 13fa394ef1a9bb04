package site

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"factcheck/generator/internal/cachefile"
	"factcheck/generator/internal/wire"
)

// The parse cache on disk (see OpenCache) is a folder of shard files,
// parse-00.bin to parse-31.bin; each content file's entry is in the shard
// its path hashes to, so that a build after one edit rewrites one shard.
// A shard file is:
//
//	magic, format            diskMagic, diskFormat
//	stamp                    the program's stamp (OpenCache's)
//	shard                    its number
//	settings                 unsafe_html, checking only, language, negation words
//	entries                  one after the other (see encodeEntry)
//	CRC-32C                  of all the above, 4 bytes, big-endian
//
// On Linux a shard file is mapped into memory, not read (readShardFile):
// the entries' strings point into the mapping.
const (
	diskShards = 32
	diskMagic  = "factcheck parse cache\x00"
	// diskFormat changes whenever what a shard holds does.
	diskFormat = 2
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// OpenCache returns a Cache that keeps what Load parsed in the folder
// dir, between runs of the program: the next run's first Load reads the
// files whose content is unchanged from there instead of parsing them,
// and Save writes what changed. stamp names the program (a hash of its
// executable): a cache written by another program, or by this one with
// other settings of site.yaml that change parsing (unsafe_html,
// language, negation_words), is not used.
//
// A cache is a convenience, never trusted: an entry is used only for a
// file whose SHA-256 is the one it was parsed from, and a claim's or
// page's checked quotes only if every file with an id it cites is as it
// was when they were checked. A shard file that is not one, is truncated,
// fails its checksum, or was written by another program is ignored, and
// the files it held are parsed. OpenCache reads what it can and never
// fails; dir need not exist. It reads the shard files in the background,
// while the caller does other work (the templates are parsed); the first
// Load waits for them.
//
// What a file holds is known without reading it when its metadata says
// it was not written since its entry was made, as git's index and Go's
// build cache know it: on Linux an entry records the file's size,
// modification and change times, inode and device, taken before the
// file was read, and a later Load takes a file whose Lstat gives the
// same for the content its entry was parsed from. Any write changes the
// change time, which cannot be set back (touch and os.Chtimes set it to
// the present), so a file edited with its size and modification time
// restored is read; so is a file copied, moved to another disk, or
// replaced by a rename. A file whose modification or change time was
// within two seconds of the present (or later) when it was recorded is
// "racily clean": it could have been written again in the same tick of
// the clock without its metadata changing, so its metadata is not
// recorded, and the next Load reads and hashes it (and records it then).
// Elsewhere than Linux every file is read and hashed. A file system
// whose clock or change times cannot be relied on (a network file system
// with another clock) should be built without a cache folder.
func OpenCache(dir, stamp string) *Cache {
	c := &Cache{dir: dir, stamp: stamp}
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
		return c
	}
	c.loaded = make([]diskShard, diskShards)
	c.reading.Go(func() {
		var wg sync.WaitGroup
		var next atomic.Int64
		for range min(runtime.GOMAXPROCS(0), diskShards) {
			wg.Go(func() {
				for k := int(next.Add(1) - 1); k < diskShards; k = int(next.Add(1) - 1) {
					c.loaded[k] = readShard(filepath.Join(dir, shardName(k)), stamp, k)
				}
			})
		}
		wg.Wait()
	})
	return c
}

// A diskShard is what one shard file held.
type diskShard struct {
	ok       bool
	settings settings
	entries  map[string]*entry
}

// settings are what parsing and checking quotes depend on besides the
// file itself.
// The languages are among them: a translation's quotes get anchors with
// the id of the claim it translates.
type settings struct {
	unsafeHTML, checkOnly bool
	language              string
	negations, languages  []string
}

func (s settings) equal(t settings) bool {
	return s.unsafeHTML == t.unsafeHTML && s.checkOnly == t.checkOnly && s.language == t.language &&
		slices.Equal(s.negations, t.negations) && slices.Equal(s.languages, t.languages)
}

func shardName(k int) string { return fmt.Sprintf("parse-%02d.bin", k) }

// shardOf is the shard of a content file's path.
func shardOf(p string) int {
	h := fnv.New32a()
	h.Write([]byte(p))
	return int(h.Sum32() % diskShards)
}

var errShard = errors.New("not a parse cache shard of this program")

// readShard reads one shard file; a file that is missing, not a regular
// file or not a good shard gives a shard that is not ok.
func readShard(name, stamp string, k int) diskShard {
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() {
		return diskShard{}
	}
	b, err := readShardFile(name)
	if err != nil {
		return diskShard{}
	}
	s, err := decodeShard(b, stamp, k)
	if err != nil {
		return diskShard{}
	}
	return s
}

// decodeShard decodes a shard file's bytes. The entries' strings share
// b, which must not be changed afterwards.
func decodeShard(b []byte, stamp string, k int) (s diskShard, err error) {
	if len(b) < len(diskMagic)+4 || string(b[:len(diskMagic)]) != diskMagic {
		return s, errShard
	}
	body, sum := b[:len(b)-4], b[len(b)-4:]
	if crc32.Checksum(body, crcTable) != binary.BigEndian.Uint32(sum) {
		return s, errShard
	}
	r := wire.NewReader(body[len(diskMagic):])
	if r.Uint() != diskFormat || r.String() != stamp || r.Uint() != uint64(k) {
		return s, errShard
	}
	s.settings = settings{unsafeHTML: r.Bool(), checkOnly: r.Bool(), language: r.String(), negations: r.Strings(), languages: r.Strings()}
	s.entries = map[string]*entry{}
	for r.Rest() > 0 {
		p, e := decodeEntry(r)
		if r.Err() != nil {
			return diskShard{}, r.Err()
		}
		if shardOf(p) != k || s.entries[p] != nil {
			return diskShard{}, errShard
		}
		s.entries[p] = e
	}
	if r.Err() != nil || r.Rest() != 0 {
		return diskShard{}, errShard
	}
	s.ok = true
	return s, nil
}

// adopt takes the entries of the shards read by OpenCache that were
// written with settings set, and forgets the others.
func (c *Cache) adopt(set settings) {
	c.files = map[string]*entry{}
	c.citing = map[string]map[string]bool{}
	c.listed = nil
	c.settings = set
	for k, s := range c.loaded {
		c.shardOK[k] = s.ok && s.settings.equal(set)
		c.shardLen[k] = len(s.entries)
		if !c.shardOK[k] {
			continue
		}
		for p, e := range s.entries {
			c.put(p, e)
		}
	}
	c.loaded = nil
	c.unverified = len(c.files) > 0
}

// verify compares the content files with the entries the cache read
// from disk for them, and returns those that must be parsed again: those
// whose content is not what their entry was parsed from, and the claims
// and pages whose checked quotes were checked against other files than
// those now on disk (see deps). A file whose metadata is what the entry
// recorded (see trusted) is taken for unchanged without reading it; the
// others are read and hashed, and an entry whose file proves unchanged
// records the file's metadata for the next run.
func (c *Cache) verify(fsys fs.FS, files []string) (changed []string) {
	sums := make([][sha256.Size]byte, len(files))
	read := make([]bool, len(files))
	now := timeNow()
	var wg sync.WaitGroup
	var next atomic.Int64
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				e := c.files[files[i]]
				if e == nil {
					continue // parsed anyway
				}
				st, stOK := lstat(fsys, files[i], now)
				if stOK && e.stat != (fileStat{}) && e.stat == st {
					sums[i], read[i] = e.sum, true
					continue
				}
				b, err := fs.ReadFile(fsys, files[i])
				if err != nil {
					continue
				}
				sums[i], read[i] = sha256.Sum256(b), true
				if sums[i] == e.sum && e.stat != st {
					// Unchanged, with new metadata (or racy): saved.
					e.stat = st
					e.disk = false
				}
			}
		})
	}
	wg.Wait()
	ids := map[string][]fileSum{}
	for i, p := range files {
		if e := c.files[p]; e != nil && (!read[i] || e.sum != sums[i]) {
			changed = append(changed, p)
		}
		ids[fileID(p)] = append(ids[fileID(p)], fileSum{p, sums[i]})
	}
	for i, p := range files {
		if e := c.files[p]; e != nil && read[i] && e.sum == sums[i] && e.checked != nil && e.deps != deps(e.refs().sources, ids) {
			changed = append(changed, p)
		}
	}
	return changed
}

// A fileStat is what a file's metadata says that changes when the file
// is written (see statOf).
type fileStat struct {
	size, mtime, ctime int64
	ino, dev           uint64
}

// racyWindow is how recent a file's modification or change time may be
// for its metadata not to be trusted: a file written again within the
// same tick of the file system's clock as it was stat'ed keeps its times
// (and may keep its size), which is git's "racily clean" file.
const racyWindow = 2 * time.Second

// timeNow is time.Now, set by tests.
var timeNow = time.Now

// lstat returns what the file p's metadata says, or ok false when it
// cannot be trusted for its content: it cannot be read, is not a regular
// file, or its modification or change time is within racyWindow of now
// (taken before the Lstat) or later.
func lstat(fsys fs.FS, p string, now time.Time) (st fileStat, ok bool) {
	fi, err := fs.Lstat(fsys, p)
	if err != nil {
		return fileStat{}, false
	}
	st, ok = statOf(fi)
	limit := now.Add(-racyWindow).UnixNano()
	if !ok || st.mtime >= limit || st.ctime >= limit {
		return fileStat{}, false
	}
	return st, true
}

// statAll is lstat of each of files, on all cores.
func statAll(fsys fs.FS, files []string) []fileStat {
	out := make([]fileStat, len(files))
	now := timeNow()
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				out[i], _ = lstat(fsys, files[i], now)
			}
		})
	}
	wg.Wait()
	return out
}

type fileSum struct {
	path string
	sum  [sha256.Size]byte
}

// deps is a fingerprint of the files whose ids are in cited: what a
// document's checked quotes depend on. files has the files of each id,
// in path order.
func deps(cited []string, files map[string][]fileSum) [sha256.Size]byte {
	var b []byte
	for _, id := range cited {
		b = strconv.AppendQuote(b, id)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(len(files[id])), 10)
		b = append(b, 0)
		for _, f := range files[id] {
			b = strconv.AppendQuote(b, f.path)
			b = append(b, 0)
			b = append(b, f.sum[:]...)
		}
	}
	return sha256.Sum256(b)
}

// Save writes to the cache's folder (see OpenCache) the shards whose
// entries changed since they were read or last saved, each to a new file
// renamed over the old one: a build that stops midway leaves each shard
// whole, old or new. It does nothing for a Cache not made by OpenCache.
// It must not overlap a Load, but may run while the Site of the last one
// is rendered.
func (c *Cache) Save() error {
	if c.dir == "" {
		return nil
	}
	c.reading.Wait()
	var byShard [diskShards][]string
	ids := map[string][]fileSum{}
	paths := make([]string, 0, len(c.files))
	for p := range c.files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		k := shardOf(p)
		byShard[k] = append(byShard[k], p)
		ids[fileID(p)] = append(ids[fileID(p)], fileSum{p, c.files[p].sum})
	}
	var dirty []int
	for k, ps := range byShard {
		d := !c.shardOK[k] || len(ps) != c.shardLen[k]
		for _, p := range ps {
			e := c.files[p]
			d = d || !e.disk || (e.checked != nil) != e.diskChecked
		}
		if d {
			dirty = append(dirty, k)
		}
	}
	if len(dirty) == 0 {
		return nil
	}
	if fi, err := os.Lstat(c.dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s: not a folder", c.dir)
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	errs := make([]error, len(dirty))
	written := make([]int, len(dirty))
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(dirty)) {
		wg.Go(func() {
			var w wire.Writer // one buffer for the shards this goroutine writes
			for i := int(next.Add(1) - 1); i < len(dirty); i = int(next.Add(1) - 1) {
				k := dirty[i]
				b, n := c.encodeShard(&w, k, byShard[k], ids)
				written[i] = n
				errs[i] = writeFile(c.dir, shardName(k), b)
			}
		})
	}
	wg.Wait()
	for i, k := range dirty {
		if errs[i] != nil {
			c.shardOK[k] = false
			continue
		}
		c.shardOK[k] = true
		c.shardLen[k] = written[i]
		for _, p := range byShard[k] {
			e := c.files[p]
			e.disk, e.diskChecked = true, e.checked != nil
		}
	}
	return errors.Join(errs...)
}

// encodeShard encodes shard k, holding the files paths, into w (emptied
// first), and returns w's bytes, good until w is used again, with the
// number of entries in it: an entry that cannot be encoded is left out,
// and its file parsed again by the next run.
func (c *Cache) encodeShard(w *wire.Writer, k int, paths []string, ids map[string][]fileSum) ([]byte, int) {
	w.Reset()
	w.Raw([]byte(diskMagic))
	w.Uint(diskFormat)
	w.String(c.stamp)
	w.Uint(uint64(k))
	w.Bool(c.unsafeHTML)
	w.Bool(c.checkOnly)
	w.String(c.language)
	w.Strings(c.negations)
	w.Strings(c.languages)
	n := 0
	for _, p := range paths {
		at := w.Size()
		if encodeEntry(w, p, c.files[p], ids) {
			n++
		} else {
			w.Truncate(at)
		}
	}
	w.Raw(binary.BigEndian.AppendUint32(nil, crc32.Checksum(w.Bytes(), crcTable)))
	return w.Bytes(), n
}

// writeFile writes b to the file name in dir through a new file in dir
// renamed over it, so that a reader finds the old file or the new one,
// whole. A symbolic link named name is replaced, not followed.
func writeFile(dir, name string, b []byte) error {
	return cachefile.Write(filepath.Join(dir, name), ".parse-*.tmp", b)
}
