package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestProgramStampCached: with a cache folder the program's stamp is
// kept there and taken back while the executable's metadata is the same;
// a stamp file that is damaged, or made for other metadata, is ignored.
func TestProgramStampCached(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the stamp is kept on Linux only")
	}
	defer func() { timeNow = time.Now }()
	timeNow = func() time.Time { return time.Now().Add(time.Hour) }
	want := makeStamp("")
	if want == "" {
		t.Fatal("no stamp")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, stampFile)
	if got := makeStamp(dir); got != want {
		t.Fatalf("stamp %s, want %s", got, want)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	// Taken from the file: a stamp put there by hand, with its checksum
	// right, is what the next run takes (so the file is read).
	exe, _ := os.Executable()
	key, ok := exeKey(exe, timeNow())
	if !ok {
		t.Fatal("no key")
	}
	fake := bytes.Repeat([]byte("ab"), 32)
	os.WriteFile(name, stampText(key, string(fake)), 0o644)
	if got := makeStamp(dir); got != string(fake) {
		t.Errorf("stamp from the file: %s, want %s", got, fake)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"damaged", bytes.Replace(stampText(key, string(fake)), []byte("abab"), []byte("abac"), 1)},
		{"another key", stampText(key+"0", string(fake))},
		{"truncated", stampText(key, string(fake))[:len(b)-3]},
		{"not hex", stampText(key, string(bytes.Repeat([]byte("zz"), 32)))},
		{"empty", nil},
	} {
		os.WriteFile(name, tc.data, 0o644)
		if got := makeStamp(dir); got != want {
			t.Errorf("%s stamp file: %s, want %s", tc.name, got, want)
		}
	}
	// Recently changed: not kept, hashed each time.
	os.Remove(name)
	timeNow = time.Now
	if _, ok := exeKey(exe, time.Now().Add(-time.Hour)); ok {
		t.Errorf("an executable newer than now is trusted")
	}
}
