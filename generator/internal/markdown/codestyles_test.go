package markdown

import (
	"testing"

	"github.com/alecthomas/chroma/v2/styles"
)

// TestCodeStyles checks that chroma has the styles highlighted code
// uses: styles.Get falls back to another for a name it lacks.
func TestCodeStyles(t *testing.T) {
	light, dark := codeStyles()
	for _, tc := range []struct{ name, got string }{{"github", light.Name}, {"github-dark", dark.Name}} {
		if _, ok := styles.Registry[tc.name]; !ok || tc.got != tc.name {
			t.Errorf("style %q: chroma gave %q", tc.name, tc.got)
		}
	}
}
