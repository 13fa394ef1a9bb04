//go:build !race

// Package race tells whether the race detector is on, so that the heaviest
// tests can run on smaller inputs under it: the detector makes code 5 to
// 15 times slower, and what it checks (goroutines sharing memory) does
// not depend on the size.
package race

// Enabled reports whether the race detector is on (go test -race).
const Enabled = false
