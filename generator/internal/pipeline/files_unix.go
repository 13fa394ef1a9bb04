//go:build unix

package pipeline

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// DirFS is os.DirFS(dir) whose ReadFile refuses symbolic links
// (ErrSymlink) and files that are not regular files or folders
// (ErrNotRegular).
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
	// that the file's mode can refuse it instead of the read hanging the
	// build. It changes nothing for a regular file or a folder.
	f, err := os.OpenFile(full, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		err = pathErr(err)
		if err == syscall.ELOOP {
			if fi, lerr := os.Lstat(full); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
				err = ErrSymlink
			}
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: pathErr(err)}
	}
	size, whole := 512, -1
	switch {
	case fi.Mode().IsRegular():
		size, whole = int(fi.Size())+1, int(fi.Size()) // one more, to see if it grew
	case fi.IsDir(): // read fails as os.DirFS's does
	default:
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	b := make([]byte, 0, size)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		switch {
		case err == io.EOF:
			return b, nil
		case err != nil:
			return nil, &fs.PathError{Op: "read", Path: name, Err: pathErr(err)}
		case len(b) == whole:
			// All of the file as it was when opened: no read for the
			// end. A file that grew since fills the byte to spare and
			// is read on; a file being saved is read again when it
			// changes.
			return b, nil
		case len(b) == cap(b): // the file grew
			b = append(b, 0)[:len(b)]
		}
	}
}

// pathErr is the system's error that err, an *fs.PathError, wraps.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
