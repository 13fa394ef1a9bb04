//go:build unix

package output

import (
	"fmt"
	"os"
	"syscall"
)

// lock takes the lock of the output folder, the file ".OUT.lock" beside
// it, for the rest of a build: a second build into the same folder would
// otherwise remove the first one's unfinished folder and commit its own
// at the same time. unlock removes the file. A build that holds the lock
// and is killed loses it with its process.
func lock(f *Folder) (unlock func(), err error) {
	name := f.beside(".lock")
	for {
		file, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, f.fail("cannot create "+f.sibling(name)+" beside "+f.folder()+" (it keeps other builds out while this one runs)", err)
		}
		if err := syscall.Flock(int(file.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			file.Close()
			if err == syscall.EWOULDBLOCK {
				return nil, &kindError{fmt.Sprintf("another build into %s is running (it holds %s); wait for it to finish", f.folder(), f.sibling(name)), ErrBusy}
			}
			return nil, f.fail("cannot lock "+f.sibling(name), err)
		}
		// The build that held the lock may have removed the file just
		// before: then this lock is on a file nobody else will open.
		held, err1 := file.Stat()
		now, err2 := os.Lstat(name)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() {
				os.Remove(name)
				file.Close()
			}, nil
		}
		file.Close()
	}
}
