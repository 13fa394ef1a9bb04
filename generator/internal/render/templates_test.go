package render

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// TestCopiesAreBuiltin checks that a site's template file the same as the
// built-in one counts as the built-in one, so that the build may print it
// in Go, while a changed copy, even by a comment, is the site's own.
func TestCopiesAreBuiltin(t *testing.T) {
	builtin := os.DirFS("../../../templates")
	claim, err := os.ReadFile("../../../templates/claim.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		override fstest.MapFS
		want     string // builtinFrom("claim.html", "main")
	}{
		{"no folder", nil, "claim.html"},
		{"empty folder", fstest.MapFS{}, "claim.html"},
		{"same bytes", fstest.MapFS{"claim.html": {Data: claim}}, "claim.html"},
		{"a comment more", fstest.MapFS{"claim.html": {Data: append([]byte("{{/* mine */}}"), claim...)}}, ""},
		{"a newline less", fstest.MapFS{"claim.html": {Data: claim[:len(claim)-1]}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var override fs.FS // nil, not a nil MapFS
			if tc.override != nil {
				override = tc.override
			}
			tmpl, err := LoadTemplates(builtin, override)
			if err != nil {
				t.Fatal(err)
			}
			if got := tmpl.builtinFrom("claim.html", "main"); got != tc.want {
				t.Errorf("main of claim.html from %q, want %q", got, tc.want)
			}
			if got := tmpl.builtinFrom("source.html", "main"); got != "source.html" {
				t.Errorf("main of source.html from %q: other files are built-in", got)
			}
		})
	}
}
