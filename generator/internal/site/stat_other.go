//go:build !linux

package site

import "io/fs"

// statOf is never ok outside Linux: without the change time and inode a
// file's metadata is not trusted for its content, and every file is
// read and hashed (see OpenCache).
func statOf(fi fs.FileInfo) (st fileStat, ok bool) { return fileStat{}, false }
