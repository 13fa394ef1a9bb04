package site

import (
	"reflect"
	"testing"
)

func TestHTMLPieces(t *testing.T) {
	for _, tc := range []struct {
		html   string
		plain  string
		pieces []Piece
	}{
		{"", "", nil},
		// A block's tags end a paragraph, before and after it.
		{"<p>One <em>two</em></p>\n<p>AT&amp;T &lt;b&gt;</p>\n", "One two\n\n\nAT&T <b>\n\n\n", []Piece{
			{Tag: "<p>"}, {Text: "One ", Offset: 0}, {Tag: "<em>"}, {Text: "two", Offset: 4}, {Tag: "</em>"}, {Tag: "</p>"},
			{Text: "\n", Offset: 9}, {Tag: "<p>"}, {Text: "AT&T <b>", Offset: 10}, {Tag: "</p>"}, {Text: "\n", Offset: 20},
		}},
		{`<h2 id="a">T</h2><p><a href="https://x.org/?a=1&amp;b">l</a></p>`, "T\n\nl\n\n", []Piece{
			{Tag: `<h2 id="a">`}, {Text: "T"}, {Tag: "</h2>"}, {Tag: "<p>"},
			{Tag: `<a href="https://x.org/?a=1&amp;b">`}, {Text: "l", Offset: 3}, {Tag: "</a>"}, {Tag: "</p>"},
		}},
		{"a<br>\nb<br />c", "a\n\n\nb\n\nc", []Piece{
			{Text: "a"}, {Tag: "<br>"}, {Text: "\nb", Offset: 3}, {Tag: "<br />"}, {Text: "c", Offset: 7},
		}},
	} {
		got := htmlPieces([]byte(tc.html))
		if got.Plain != tc.plain || !reflect.DeepEqual(got.Pieces, tc.pieces) {
			t.Errorf("htmlPieces(%q)\n = %q %+v\nwant %q %+v", tc.html, got.Plain, got.Pieces, tc.plain, tc.pieces)
		}
	}
}
