//go:build !unix

package card

import (
	"io"
	"os"
)

// readHead reads the first len(b) bytes of the plain file name (not a
// link) into b, and reports whether the file is of size at most max and
// had that many.
func readHead(name string, b []byte, max int64) bool {
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > max {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = io.ReadFull(f, b)
	return err == nil
}
