// Package cachefile writes the files of a build's cache folder (the
// program's stamp, share cards, the parse cache's shards, the search
// index's term blocks): each into a new file in the same folder, then
// renamed over its name, so that no reader (another build, or the next
// one after a build killed midway) finds a file half-written, and a
// reader that opened the old file keeps it whole.
package cachefile

import (
	"os"
	"path/filepath"
)

// Write writes b to the file name through a new file in its folder,
// named by pattern as os.CreateTemp names it, which a failure removes.
func Write(name, pattern string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), pattern)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
