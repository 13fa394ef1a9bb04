//go:build !linux

package site

import "os"

// readShardFile reads the shard file name.
func readShardFile(name string) ([]byte, error) { return os.ReadFile(name) }
