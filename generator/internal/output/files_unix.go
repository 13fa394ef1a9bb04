//go:build unix

package output

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// writeFile is os.WriteFile(name, data, 0o644) in plain system calls: an
// os.File also gets each file ready for the poller (four fcntl calls and
// an epoll_ctl that fails for regular files), which a build of 12,000
// files pays for nothing.
func writeFile(name string, data []byte) error {
	fd, err := retry(func() (int, error) {
		return syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := retry(func() (int, error) { return syscall.Write(fd, data) })
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// retry calls f again while it is interrupted by a signal.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}

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

// regularSize returns the size of the file name when it is a regular
// file (not following a symbolic link): os.Lstat in one system call
// without an allocation, for the many files a rebuild checks.
func regularSize(name string) (size int64, ok bool) {
	var st syscall.Stat_t
	for {
		err := syscall.Lstat(name, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, false
		}
		return st.Size, st.Mode&syscall.S_IFMT == syscall.S_IFREG
	}
}
