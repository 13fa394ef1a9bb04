//go:build unix

package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Reading whole files with plain system calls: an os.File also gets each
// file ready for the poller (four fcntl calls and an epoll_ctl that fails
// for regular files), which a build of 11,000 content files pays for
// nothing.

// DirFS is os.DirFS(dir) whose ReadFile refuses symbolic links
// (ErrSymlink) and files that are not regular files or folders
// (ErrNotRegular), and reads a file with four system
// calls (open, fstat, read, close), where os.ReadFile makes a second read
// to see the end.
func DirFS(dir string) fs.FS { return dirFS{os.DirFS(dir), dir} }

type dirFS struct {
	fs.FS // os.DirFS(dir), whose other methods are passed on below
	dir   string
}

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.FS, name) }
func (d dirFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(d.FS, name) }
func (d dirFS) ReadLink(name string) (string, error)       { return fs.ReadLink(d.FS, name) }

// ReadFile reads name as os.DirFS does, and fails as it does (an error
// names the file as name), but for symbolic links and special files.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	switch {
	case !fs.ValidPath(name):
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	case d.dir == "":
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: errors.New("os: DirFS with empty root")}
	}
	full := d.dir + "/" + name
	// A site's files are read only where they are: O_NOFOLLOW refuses a
	// symbolic link (which could publish /proc/self/environ), and
	// O_NONBLOCK opens a named pipe without waiting for a writer, so
	// that fstat can refuse it instead of the read hanging the build.
	fd, err := retry(func() (int, error) {
		return syscall.Open(full, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	})
	if err == syscall.ELOOP {
		if fi, lerr := os.Lstat(full); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			err = ErrSymlink
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	size, whole := 512, -1
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
		size, whole = int(st.Size)+1, int(st.Size) // one more, to see if it grew
	case syscall.S_IFDIR: // read fails as os.DirFS's does
	default:
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	// O_NONBLOCK changes nothing for a regular file or a folder.
	b := make([]byte, 0, size)
	for {
		n, err := retry(func() (int, error) { return syscall.Read(fd, b[len(b):cap(b)]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return b, nil
		}
		b = b[:len(b)+n]
		if len(b) == whole {
			// All of the file as it was at fstat: no read for the end.
			// A file that grew since fills the byte to spare and is
			// read on; a file being saved is read again when it
			// changes.
			return b, nil
		}
		if len(b) == cap(b) { // the file grew
			b = append(b, 0)[:len(b)]
		}
	}
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
