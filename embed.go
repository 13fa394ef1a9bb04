// Package factcheck holds the generator's built-in templates and static
// assets, embedded so the program works from any directory, and the
// GitHub workflows that `generator new site` writes. The generator itself
// lives in ./generator.
package factcheck

import "embed"

// Files holds templates/ and static/ as they are in the repository.
//
//go:embed all:templates all:static
var Files embed.FS

// Workflows holds .github/workflows/pages.yml, the publishing workflow, as
// it is in the repository: `new site` writes it into a new site.
//
//go:embed .github/workflows/pages.yml
var Workflows embed.FS
