package importer

import (
	"strings"
)

// Plain reads plain UTF-8 text as it is, with line ends made "\n" and a
// byte order mark dropped. Form feeds stay: they separate pages.
func Plain(data []byte) (*Document, error) {
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\x00", "")
	// pdftotext ends each page with a form feed, the last too (that one
	// makes no page), so the next page's first line starts with it;
	// stored text wants it on a line of its own.
	text = strings.TrimRight(text, "\f\n")
	if strings.Contains(text, "\f") {
		parts := strings.Split(text, "\f")
		for i := range parts {
			parts[i] = strings.Trim(parts[i], "\n")
		}
		text = strings.Join(parts, "\n\f\n")
	}
	return &Document{Kind: "other", Text: strings.Trim(text, "\n")}, nil
}
