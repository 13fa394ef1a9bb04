package site

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ValidID reports whether s may be the id of a claim, source or page: lowercase
// letters (any script, with their combining marks), digits and single
// hyphens, starting with a letter or digit and not ending in a hyphen:
// "putin-approved-influence-operations". (It is the regular expression
// ^[\p{Ll}\p{Lo}\p{Nd}][\p{Ll}\p{Lo}\p{M}\p{Nd}]*(-[\p{Ll}\p{Lo}\p{M}\p{Nd}]+)*$,
// written out: every load checks every id.)
func ValidID(s string) bool {
	hyphen := false
	for i, r := range s {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		case r == '-':
			if i == 0 || hyphen {
				return false
			}
			hyphen = true
			continue
		case r < utf8.RuneSelf:
			return false
		case unicode.In(r, unicode.Ll, unicode.Lo, unicode.Nd):
		case unicode.Is(unicode.M, r) && i > 0:
		default:
			return false
		}
		hyphen = false
	}
	return s != "" && !hyphen
}

// reserved ids are the site's own top-level folders.
var reserved = map[string]bool{
	"claims": true, "sources": true, "ratings": true, "topics": true, "claimants": true,
	"corrections": true, "search": true, "page": true, "assets": true, "feed": true, "authors": true,
}

// Reserved reports whether id names one of the site's own folders.
func Reserved(id string) bool { return reserved[id] }

// Slug makes a topic or claimant name into its id: lowercased, NFC, with
// every run of characters other than letters, marks and digits made one
// hyphen. "Election security" and "election-security" share a slug.
func Slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFC.String(strings.ToLower(name)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.Is(unicode.M, r) && b.Len() > 0 && !hyphen) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		hyphen = true
	}
	return b.String()
}
