package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"factcheck/generator/internal/cachefile"
	"factcheck/generator/internal/site"
)

// The term index is made in blocks of blockClaims claims by number: block
// k holds the postings of claims k*blockClaims to k*blockClaims+
// blockClaims-1, numbered from the block's first claim. Each block is
// encoded (see encodeBlock), then the blocks are joined in order. A
// Cache keeps the encoded blocks from one build to the next by a key
// naming what a block is made from (blockKey): a rebuild after an edit
// tokenizes the edited claim's block alone, and a new claim, the newest,
// the last block.
const blockClaims = 512

// indexTerms gathers the postings of every term of claims (numbered from
// 0, the oldest), block by block, taking the blocks the cache has (when
// not nil) and making the others on all cores.
func indexTerms(claims []*site.Claim, cache *Cache) map[string]*postings {
	n := (len(claims) + blockClaims - 1) / blockClaims
	blocks := make([][]byte, n)
	keys := make([][sha256.Size]byte, n)
	var todo []int
	for k := range n {
		cs := claims[k*blockClaims : min(len(claims), (k+1)*blockClaims)]
		if cache != nil {
			keys[k] = blockKey(cache.tag, cs)
			blocks[k] = cache.get(keys[k])
		}
		if blocks[k] == nil {
			todo = append(todo, k)
		}
	}
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			ix := &termIndex{}
			for i := int(next.Add(1) - 1); i < len(todo); i = int(next.Add(1) - 1) {
				k := todo[i]
				ix.terms = map[string]*postings{}
				for j, c := range claims[k*blockClaims : min(len(claims), (k+1)*blockClaims)] {
					ix.add(j, c)
				}
				blocks[k] = encodeBlock(ix.terms)
				if cache != nil {
					cache.put(keys[k], blocks[k])
				}
			}
		})
	}
	wg.Wait()
	terms := map[string]*postings{}
	for k, b := range blocks {
		joinBlock(terms, b, k*blockClaims)
	}
	return terms
}

// blockKey names what the postings of a block of claims are made from:
// tag (the program and the settings that parsing depends on), and each
// claim's ID, file (Digest), claimant and topic names, which are the
// texts it is indexed by (termIndex.add) or what they are parsed from.
func blockKey(tag string, claims []*site.Claim) [sha256.Size]byte {
	b := make([]byte, 0, 64*len(claims)+len(tag))
	str := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	str(tag)
	for _, c := range claims {
		str(c.ID)
		str(c.Digest)
		str(c.Claimant.Name)
		b = strconv.AppendInt(b, int64(len(c.Topics)), 10)
		for _, t := range c.Topics {
			str(t.Name)
		}
	}
	return sha256.Sum256(b)
}

// encodeBlock encodes the postings of a block: for each term (in no
// order), its length and bytes, then its two lists (all, strong), each as
// the count of its numbers, its last number plus one, the length of its
// VLQ gaps and those.
func encodeBlock(terms map[string]*postings) []byte {
	var b []byte
	list := func(l plist) {
		b = binary.AppendUvarint(b, uint64(l.n))
		b = binary.AppendUvarint(b, uint64(l.last+1))
		b = binary.AppendUvarint(b, uint64(len(l.vlq)))
		b = append(b, l.vlq...)
	}
	for t, p := range terms {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
		list(p.all)
		list(p.strong)
	}
	return b
}

// joinBlock appends the postings of the encoded block b, whose numbers
// start at first, to terms.
func joinBlock(terms map[string]*postings, b []byte, first int) {
	next := func() int {
		v, n := binary.Uvarint(b)
		b = b[n:]
		return int(v)
	}
	list := func() plist {
		l := plist{n: next(), last: next() - 1}
		n := next()
		l.vlq, b = b[:n], b[n:]
		return l
	}
	for len(b) > 0 {
		n := next()
		t := b[:n]
		b = b[n:]
		p := terms[string(t)]
		if p == nil {
			p = &postings{newPlist(), newPlist()}
			terms[string(t)] = p
		}
		p.all.join(list(), first)
		p.strong.join(list(), first)
	}
}

// A Cache keeps the term index's blocks between builds, in one file.
// Like the parse cache it is a convenience, never trusted: a file that is
// not one, or fails its checksum, is an empty cache, and a block is used
// only under the key of what it is made from.
type Cache struct {
	file string
	tag  string
	read sync.WaitGroup
	old  map[[sha256.Size]byte][]byte // the file's blocks, once read

	mu   sync.Mutex
	used map[[sha256.Size]byte][]byte // the blocks the builds used
	made bool                         // a block was made, not taken from old
}

// The cache file is cacheMagic, then each block as its key, its length
// (uvarint) and its bytes, then the CRC-32C of all that, 4 bytes,
// big-endian.
const cacheMagic = "factcheck term blocks 1\x00"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// OpenCache returns a cache of the term index's blocks kept in file, read
// in the background. tag names what the blocks are made from besides
// the claims: the program, and the settings that parsing depends on. It
// never fails: a file that is missing or cannot be read is an empty
// cache.
func OpenCache(file, tag string) *Cache {
	c := &Cache{file: file, tag: tag, used: map[[sha256.Size]byte][]byte{}}
	c.read.Go(func() { c.old = readCache(file) })
	return c
}

func readCache(file string) map[[sha256.Size]byte][]byte {
	data, err := os.ReadFile(file)
	if err != nil || len(data) < len(cacheMagic)+4 || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil
	}
	body, sum := data[:len(data)-4], data[len(data)-4:]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(sum) {
		return nil
	}
	blocks := map[[sha256.Size]byte][]byte{}
	b := body[len(cacheMagic):]
	for len(b) > 0 {
		if len(b) < sha256.Size {
			return nil
		}
		key := [sha256.Size]byte(b[:sha256.Size])
		n, k := binary.Uvarint(b[sha256.Size:])
		if k <= 0 || n > uint64(len(b)-sha256.Size-k) {
			return nil
		}
		b = b[sha256.Size+k:]
		if !validBlock(b[:n]) {
			return nil
		}
		blocks[key], b = b[:n], b[n:]
	}
	return blocks
}

// validBlock reports whether b is a block as encodeBlock writes it, so
// that joinBlock and the index's writers can take it as it is: every
// length within b; each term once; every list's gaps VLQ digits, each number whole,
// their count and last number the list's, and its numbers those of a
// block (under blockClaims).
func validBlock(b []byte) bool {
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	field := func() ([]byte, bool) {
		n, ok := next()
		if !ok || n > uint64(len(b)) {
			return nil, false
		}
		v := b[:n]
		b = b[n:]
		return v, true
	}
	seen := map[string]bool{}
	for len(b) > 0 {
		t, ok := field()
		if !ok || seen[string(t)] {
			return false
		}
		seen[string(t)] = true
		for range 2 {
			n, ok1 := next()
			lastPlus1, ok2 := next()
			vlq, ok3 := field()
			if !ok1 || !ok2 || !ok3 || lastPlus1 > blockClaims {
				return false
			}
			k, count := -1, uint64(0)
			if !eachNumber(vlq, func(m int) { k, count = m, count+1 }) || count != n || k != int(lastPlus1)-1 {
				return false
			}
		}
	}
	return true
}

func (c *Cache) get(key [sha256.Size]byte) []byte {
	c.read.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	b := c.old[key]
	if b != nil {
		c.used[key] = b
	}
	return b
}

func (c *Cache) put(key [sha256.Size]byte, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.used[key] = b
	c.made = true
}

// Save writes the blocks used since OpenCache in place of the file's,
// unless they are the file's: blocks no longer used are dropped. It
// writes nothing when no index was made.
func (c *Cache) Save() error {
	c.read.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.used) == 0 || (!c.made && len(c.used) == len(c.old)) {
		return nil
	}
	keys := make([][sha256.Size]byte, 0, len(c.used))
	size := len(cacheMagic) + 4
	for k, b := range c.used {
		keys = append(keys, k)
		size += sha256.Size + binary.MaxVarintLen64 + len(b)
	}
	slices.SortFunc(keys, func(a, b [sha256.Size]byte) int { return bytes.Compare(a[:], b[:]) })
	data := make([]byte, 0, size)
	data = append(data, cacheMagic...)
	for _, k := range keys {
		data = append(data, k[:]...)
		data = binary.AppendUvarint(data, uint64(len(c.used[k])))
		data = append(data, c.used[k]...)
	}
	data = binary.BigEndian.AppendUint32(data, crc32.Checksum(data, castagnoli))
	if err := os.MkdirAll(filepath.Dir(c.file), 0o755); err != nil {
		return err
	}
	return cachefile.Write(c.file, ".terms-*.tmp", data)
}
