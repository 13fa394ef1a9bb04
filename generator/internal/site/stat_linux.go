package site

import (
	"io/fs"
	"syscall"
)

// statOf is what fi, a file's Lstat, says that changes when the file is
// written: its size, modification and change times, inode and device.
// ok is false when fi is not a regular file on disk.
func statOf(fi fs.FileInfo) (st fileStat, ok bool) {
	s, isStat := fi.Sys().(*syscall.Stat_t)
	if !isStat || !fi.Mode().IsRegular() {
		return fileStat{}, false
	}
	return fileStat{
		size:  fi.Size(),
		mtime: fi.ModTime().UnixNano(),
		ctime: int64(s.Ctim.Sec)*1e9 + int64(s.Ctim.Nsec),
		ino:   uint64(s.Ino),
		dev:   uint64(s.Dev),
	}, true
}
