package card

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"factcheck/generator/internal/cachefile"
)

// A Cache keeps the cards a build drew in a folder, each named by its
// Key, so that the next build copies the cards whose content did not
// change instead of drawing them again. The folder is the cache's alone:
// it is never the output folder or inside it, and Prune removes what it
// holds that a build did not use.
//
// What the folder holds is not trusted: a file is used only if it is a
// plain file (not a link) of a card's size, starting as a PNG of 1200×630 does; anything
// else is drawn again and replaced. File names come from the hash, never
// from the content.
type Cache struct {
	dir   string
	drawn atomic.Int64
	mu    sync.Mutex
	used  map[string]bool
}

// OpenCache opens the cache folder dir, making it if need be. It refuses
// a folder that is a symbolic link.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	return &Cache{dir: dir, used: map[string]bool{}}, nil
}

// maxSize is the largest file taken for a card.
const maxSize = 1 << 20

// PNG returns the card c drew: from the cache when it has it, else drawn
// and stored. A cache that cannot be written only costs the drawing.
func (k *Cache) PNG(c Card) ([]byte, error) {
	key := c.Key()
	name := filepath.Join(k.dir, key+".png")
	k.mu.Lock()
	k.used[key+".png"] = true
	k.mu.Unlock()
	if b := readCard(name); b != nil {
		return b, nil
	}
	b, err := Draw(c)
	if err != nil {
		return nil, err
	}
	k.drawn.Add(1)
	k.store(name, b)
	return b, nil
}

// File is the name of the file that holds c in the cache, if it holds a
// card there; else "", and PNG draws it. The file is checked as PNG
// checks it, but for its pixels: a plain file of a card's size, whose
// header is a 1200×630 PNG's.
func (k *Cache) File(c Card) string {
	key := c.Key()
	name := filepath.Join(k.dir, key+".png")
	k.mu.Lock()
	k.used[key+".png"] = true
	k.mu.Unlock()
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxSize {
		return ""
	}
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	var head [24]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || !isCardHeader(head[:]) {
		return ""
	}
	return name
}

// isCardHeader reports whether b starts as a PNG of a card's size does:
// the PNG signature, then the IHDR chunk with the width and height.
func isCardHeader(b []byte) bool {
	return len(b) >= 24 && string(b[:16]) == "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" &&
		binary.BigEndian.Uint32(b[16:]) == Width && binary.BigEndian.Uint32(b[20:]) == Height
}

// Key is c.Key(), and keeps c's card, if the cache holds it, from Prune:
// a build that keeps the card from its previous output asks for nothing
// else.
func (k *Cache) Key(c Card) string {
	key := c.Key()
	k.mu.Lock()
	k.used[key+".png"] = true
	k.mu.Unlock()
	return key
}

// Drawn is the number of cards drawn, not found in the cache.
func (k *Cache) Drawn() int64 { return k.drawn.Load() }

// readCard reads a cached card, nil if it is not there or not a card.
func readCard(name string) []byte {
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxSize {
		return nil
	}
	b, err := os.ReadFile(name)
	if err != nil || len(b) > maxSize {
		return nil
	}
	if !isCardHeader(b) {
		return nil
	}
	return b
}

// store writes a card into the cache: into a new file first, renamed
// over the card's name, so that a card is never seen half-written.
func (k *Cache) store(name string, b []byte) {
	cachefile.Write(name, ".new-*.png", b)
}

// Prune removes the cards the cache holds that were not asked for since
// it was opened, and files left half-written, so that the folder holds
// the cards of the last build and no more.
func (k *Cache) Prune() error {
	entries, err := os.ReadDir(k.dir)
	if err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	var errs []error
	for _, e := range entries {
		n := e.Name()
		if k.used[n] || !(strings.HasSuffix(n, ".png") && (len(n) == 64+len(".png") || strings.HasPrefix(n, ".new-"))) {
			continue
		}
		if err := os.Remove(filepath.Join(k.dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
