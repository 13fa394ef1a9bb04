package pipeline

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factcheck/generator/internal/synth"
)

// TestCardCache builds a site three times with one cache folder: the
// first build draws every share card, the second none, and after a claim
// changes only its card is drawn and the old one leaves the cache. The
// cards written are the same whether drawn or cached.
func TestCardCache(t *testing.T) {
	dir := t.TempDir()
	src, out, cache := filepath.Join(dir, "site"), filepath.Join(dir, "out"), filepath.Join(dir, "cache")
	if err := synth.Write(src, 20, 1); err != nil {
		t.Fatal(err)
	}
	build := func() *Result {
		t.Helper()
		res, d, err := Write(Options{Src: src, Cache: cache}, out)
		if err != nil {
			t.Fatalf("build failed: %v\n%v", err, d)
		}
		if res.Warning != "" {
			t.Errorf("warning: %s", res.Warning)
		}
		return res
	}
	cards := func() map[string][]byte {
		m := map[string][]byte{}
		paths, _ := filepath.Glob(filepath.Join(out, "claims", "*", "card.png"))
		for _, p := range paths {
			b, _ := os.ReadFile(p)
			m[p] = b
		}
		return m
	}
	cached := func() int {
		n, _ := filepath.Glob(filepath.Join(cache, "cards", "*"))
		return len(n)
	}
	if res := build(); res.CardsDrawn != 20 || res.Cards != 20 {
		t.Fatalf("first build drew %d of %d cards, want 20 of 20", res.CardsDrawn, res.Cards)
	}
	first := cards()
	if len(first) != 20 || cached() != 20 {
		t.Fatalf("%d cards written, %d cached; want 20", len(first), cached())
	}
	if res := build(); res.CardsDrawn != 0 || res.Written != 0 {
		t.Errorf("second build drew %d cards and wrote %d files, want none", res.CardsDrawn, res.Written)
	}
	for p, b := range cards() {
		if !bytes.Equal(b, first[p]) {
			t.Errorf("%s differs when taken from the cache", p)
		}
	}
	// Cached cards are linked into a new output, not copied (the cache and
	// the output are on one file system here).
	out2 := filepath.Join(dir, "out2")
	if _, d, err := Write(Options{Src: src, Cache: cache}, out2); err != nil {
		t.Fatalf("build failed: %v\n%v", err, d)
	}
	linked := 0
	entries, _ := filepath.Glob(filepath.Join(cache, "cards", "*.png"))
	paths, _ := filepath.Glob(filepath.Join(out2, "claims", "*", "card.png"))
	for _, p := range paths {
		out, _ := os.Stat(p)
		for _, e := range entries {
			if in, _ := os.Stat(e); os.SameFile(in, out) {
				linked++
			}
		}
	}
	if linked != 20 {
		t.Errorf("%d cards linked from the cache, want 20", linked)
	}

	// One claim's text changes: its card alone is drawn again.
	claims, _ := filepath.Glob(filepath.Join(src, "content", "claims", "*", "*.md"))
	b, err := os.ReadFile(claims[0])
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("\nclaim: \""), []byte("\nclaim: \"Changed: "), 1)
	if err := os.WriteFile(claims[0], b, 0o644); err != nil {
		t.Fatal(err)
	}
	if res := build(); res.CardsDrawn != 1 {
		t.Errorf("after one change the build drew %d cards, want 1", res.CardsDrawn)
	}
	if n := cached(); n != 20 {
		t.Errorf("the cache holds %d files after the change, want 20 (the old card pruned)", n)
	}
}

// TestCardCacheUntrusted checks that what the cache folder holds is used
// only when it is a card: a file of another kind, or a link, under a
// card's name is replaced by the card drawn again.
func TestCardCacheUntrusted(t *testing.T) {
	dir := t.TempDir()
	src, out, cache := filepath.Join(dir, "site"), filepath.Join(dir, "out"), filepath.Join(dir, "cache")
	if err := synth.Write(src, 3, 1); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Write(Options{Src: src, Cache: cache}, out); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(cache, "cards", "*.png"))
	if len(names) != 3 {
		t.Fatalf("%d cards cached, want 3", len(names))
	}
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, []byte("secret"), 0o644)
	os.Remove(names[0])
	if err := os.Symlink(secret, names[0]); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(names[1], []byte("not a png"), 0o644)
	// Into a new folder: a rebuild into out would keep its cards, and
	// ask the cache for none.
	out = filepath.Join(dir, "out2")
	res, _, err := Write(Options{Src: src, Cache: cache}, out)
	if err != nil {
		t.Fatal(err)
	}
	if res.CardsDrawn != 2 {
		t.Errorf("drew %d cards, want the 2 replaced", res.CardsDrawn)
	}
	paths, _ := filepath.Glob(filepath.Join(out, "claims", "*", "card.png"))
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		if cfg, err := png.DecodeConfig(bytes.NewReader(b)); err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s is not a card: %v", p, err)
		}
	}
	if b, _ := os.ReadFile(secret); string(b) != "secret" {
		t.Errorf("the file a cached link pointed to was changed")
	}
}

// TestCardCacheApartFromOutput checks that a cache folder inside the
// output folder is not used (the swap would remove it), with a warning.
func TestCardCacheApartFromOutput(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "site"), filepath.Join(dir, "out")
	if err := synth.Write(src, 2, 1); err != nil {
		t.Fatal(err)
	}
	res, _, err := Write(Options{Src: src, Cache: filepath.Join(out, "cache")}, out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Warning, "not cached") || res.CardsDrawn != 2 {
		t.Errorf("warning %q, %d cards drawn", res.Warning, res.CardsDrawn)
	}
	if _, err := os.Stat(filepath.Join(out, "cache")); err == nil {
		t.Errorf("a cache folder was made in the output")
	}
}

// TestCardsWithoutCache: without a cache folder a rebuild still keeps
// the cards of its previous output, and draws only those that changed.
func TestCardsWithoutCache(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "site"), filepath.Join(dir, "out")
	if err := synth.Write(src, 3, 1); err != nil {
		t.Fatal(err)
	}
	build := func() *Result {
		t.Helper()
		res, d, err := Write(Options{Src: src}, out)
		if err != nil {
			t.Fatalf("build failed: %v\n%v", err, d)
		}
		return res
	}
	if res := build(); res.CardsDrawn != 3 {
		t.Errorf("first build drew %d cards, want 3", res.CardsDrawn)
	}
	claims, _ := filepath.Glob(filepath.Join(src, "content", "claims", "*", "*.md"))
	b, _ := os.ReadFile(claims[0])
	os.WriteFile(claims[0], bytes.Replace(b, []byte("\nclaim: \""), []byte("\nclaim: \"Changed: "), 1), 0o644)
	if res := build(); res.CardsDrawn != 1 {
		t.Errorf("after one change the build drew %d cards, want 1", res.CardsDrawn)
	}
}
