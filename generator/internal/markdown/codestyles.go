package markdown

import (
	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// codeStyles returns the light and the dark style for highlighted code:
// chroma's github and github-dark.
func codeStyles() (light, dark *chroma.Style) {
	return styles.Get("github"), styles.Get("github-dark")
}
