package pipeline

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

// exeKey names the executable exe by what its metadata says changes when
// it is written: size, modification and change times, inode and device.
// ok is false when that cannot be trusted: exe cannot be stat'ed, or was
// changed within the last two seconds of now (a file written again in
// the same tick of the file system's clock keeps its times).
func exeKey(exe string, now time.Time) (key string, ok bool) {
	fi, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	s, isStat := fi.Sys().(*syscall.Stat_t)
	if !isStat || !fi.Mode().IsRegular() {
		return "", false
	}
	mtime := fi.ModTime().UnixNano()
	ctime := int64(s.Ctim.Sec)*1e9 + int64(s.Ctim.Nsec)
	limit := now.Add(-2 * time.Second).UnixNano()
	if mtime >= limit || ctime >= limit {
		return "", false
	}
	return fmt.Sprintf("size %d mtime %d ctime %d ino %d dev %d", fi.Size(), mtime, ctime, uint64(s.Ino), uint64(s.Dev)), true
}
