package output

import "os"

// writeFile is os.WriteFile(name, data, 0o644).
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// regularSize returns the size of the file name when it is a regular
// file (not following a symbolic link).
func regularSize(name string) (size int64, ok bool) {
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() {
		return 0, false
	}
	return fi.Size(), true
}
