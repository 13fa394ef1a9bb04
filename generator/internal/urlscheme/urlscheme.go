// Package urlscheme holds the one rule for the URLs a site may link to:
// relative URLs, and absolute ones whose scheme is http, https or mailto.
// Any other scheme (javascript:, data:, vbscript:, file: …) can run code
// or reach the reader's machine, so Markdown links to one lose their link
// (package markdown) and the built site's link check reports one (package
// pipeline).
package urlscheme

import "strings"

// Of returns the scheme of u, lowercased, as a browser reads it: browsers
// ignore tabs, line breaks and spaces in a URL's scheme ("java\tscript:"
// is javascript:), so characters up to U+0020 are dropped first. It is ""
// for a relative URL, which has no colon before its first "/", "?" or "#".
func Of(u string) string {
	u = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, u)
	colon := strings.IndexByte(u, ':')
	if colon < 0 || strings.ContainsAny(u[:colon], "/?#") {
		return ""
	}
	return strings.ToLower(u[:colon])
}

// Allowed reports whether a site may link to u: a relative URL, or an
// http, https or mailto one.
func Allowed(u string) bool {
	switch Of(u) {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}
