// Package factcheck holds the generator's built-in templates and static
// assets, embedded so the program works from any directory. The generator
// itself lives in ./generator.
package factcheck

import "embed"

// Files holds templates/ and static/ as they are in the repository.
//
//go:embed all:templates all:static
var Files embed.FS
