package site

import (
	"os"
	"syscall"
)

// readShardFile maps the shard file name into memory, read only, its
// pages taken from the page cache at once (MAP_POPULATE): the entries'
// strings point into it, and nothing is copied. The mapping lasts as
// long as the process. A build replaces a shard file by renaming a new
// one over it, which leaves the file mapped as it was; a shard file cut
// short by another program while a build runs would crash that build
// when it reads a string past the file's new end.
func readShardFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() == 0 || fi.Size() > 1<<40 {
		return nil, errShard
	}
	return syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
}
