package markdown

import (
	"bytes"
	"embed"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// codestyles holds the two chroma styles that highlighted code uses,
// github and github-dark, copied from chroma v2.27.0's styles folder
// (MIT licence, Copyright (C) 2017 Alec Thomas). Importing chroma's styles
// package instead would parse its 70-odd styles at every start of the
// program (9 ms, one core, before main). TestCodeStyles checks that the
// copies are what chroma has.
//
//go:embed codestyles/*.xml
var codestyles embed.FS

var (
	stylesOnce            sync.Once
	lightStyle, darkStyle *chroma.Style
)

// codeStyles returns the light and the dark style for highlighted code,
// read on first use.
func codeStyles() (light, dark *chroma.Style) {
	stylesOnce.Do(func() {
		lightStyle = mustStyle("codestyles/github.xml")
		darkStyle = mustStyle("codestyles/github-dark.xml")
	})
	return lightStyle, darkStyle
}

func mustStyle(name string) *chroma.Style {
	b, err := codestyles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	s, err := chroma.NewXMLStyle(bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	return s
}
