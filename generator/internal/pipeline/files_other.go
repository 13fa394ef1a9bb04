//go:build !unix

package pipeline

import (
	"io/fs"
	"os"
)

// DirFS is os.DirFS(dir). (On unix it also refuses symbolic links and
// special files; here the site's walks refuse them.)
func DirFS(dir string) fs.FS { return os.DirFS(dir) }
