//go:build !unix

package pipeline

import (
	"io/fs"
	"os"
)

// DirFS is os.DirFS(dir). (On unix it also refuses symbolic links and
// special files; here the site's walks refuse them.)
func DirFS(dir string) fs.FS { return os.DirFS(dir) }

// writeFile is os.WriteFile(name, data, 0o644).
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// lock does nothing here: two builds into one folder at once are not
// kept apart.
func lock(t *target) (unlock func(), err error) { return func() {}, nil }
