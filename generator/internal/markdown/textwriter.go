package markdown

import (
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter is goldmark's default writer of text (html.DefaultWriter),
// with a faster Write for text that has no backslash, no "&" and no NUL
// byte: no escape or character reference to resolve, which is nearly all
// text. The default writer reads such text twice a byte at a time; this
// one reads it once and writes it in one piece, escaped as the default
// writer escapes it. Text with one of those bytes is left to the default
// writer from there on (TestTextWriter and FuzzTextWriter compare them).
type textWriter struct{ gmhtml.Writer }

func newTextWriter() textWriter { return textWriter{gmhtml.DefaultWriter} }

// What textWriter.Write does with each byte.
const (
	textPlain   = iota // written as it is
	textEscaped        // written as util.EscapeHTMLByte has it
	textDefault        // the rest goes to the default writer
)

var textBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c == '\\' || c == '&' || c == 0:
			t[c] = textDefault
		case util.EscapeHTMLByte(byte(c)) != nil:
			t[c] = textEscaped
		}
	}
	return t
}()

func (tw textWriter) Write(w util.BufWriter, source []byte) {
	last := 0
	for i := 0; i < len(source); i++ {
		switch textBytes[source[i]] {
		case textPlain:
			continue
		case textEscaped:
			_, _ = w.Write(source[last:i])
			_, _ = w.Write(util.EscapeHTMLByte(source[i]))
			last = i + 1
		default:
			// The default writer writes source[last:i] as it is too:
			// it holds no byte to escape, resolve or replace, and no
			// backslash before i.
			_, _ = w.Write(source[last:i])
			tw.Writer.Write(w, source[i:])
			return
		}
	}
	_, _ = w.Write(source[last:])
}
