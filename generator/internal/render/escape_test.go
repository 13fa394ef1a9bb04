package render

import (
	"net/url"
	"testing"
	"time"
)

// escapeInputs are strings that exercise every rule of HTML, URL and JSON
// escaping.
var escapeInputs = []string{
	"", "plain", "Taxes doubled last year.", "a&b", "<script>alert('x')</script>",
	`"'><svg onload=alert(1)>`, "1+1", "nul\x00byte", "bad utf-8 \xff\xfe", "\u202e right-to-left",
	"Élysée – “quoted” ↗", "\ufdd0\uffff", "tab\there\nnewline",
	"https://example.org/a'b", "https://example.org/?x='onmouseover=alert(1)", "HTTPS://EXAMPLE.ORG/",
	"javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox", "data:text/html;base64,PHNj",
	"mailto:desk@example.org", "ftp://example.org/", "/relative/path:with-colon", "path/x:y",
	"/claims/caf%C3%A9/", "/a b/", "/%zz/%4", "/%4g", "/é/", "#frag", "?q=a&b=c", "/!$&*+,;=?@[]~",
	"(paren)", "back\\slash", "`tick`", "{brace}|pipe^", "https://example.org/doc.pdf#page=4",
	"https://example.org/page#:~:text=taxes%20rose,in%202023", "q-claim-00001-2",
}

func TestEscapePath(t *testing.T) {
	for _, p := range append([]string{"claims/a-b_c.d~e/", "sources/x/", "é/", "a b/", "a%20b/", "a+b/", "a;b/", "ñ-1/"}, escapeInputs...) {
		if got, want := escapePath(p), (&url.URL{Path: p}).EscapedPath(); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestRelPage(t *testing.T) {
	for _, u := range []URLs{{Base: "/"}, {Base: "/sub%20dir/", Origin: "https://example.org"}} {
		for _, dir := range []string{"claims/", "sources/", ""} {
			for _, id := range append([]string{"a-b", "é", "a b", "a%20b", "x/y", "a?b#c"}, escapeInputs...) {
				if got, want := u.relPage(dir, id), u.Rel(dir+id+"/"); got != want {
					t.Errorf("relPage(%q, %q) = %q, want %q", dir, id, got, want)
				}
			}
		}
	}
}

func TestISODate(t *testing.T) {
	for _, tm := range []time.Time{
		{},
		time.Date(2024, 2, 29, 23, 59, 0, 0, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		time.Date(999, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 10, 5, 0, 0, 0, 0, time.FixedZone("x", -11*3600)),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC),
		time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2017, 6, 28, 0, 0, 0, 0, time.UTC),
		time.Date(1987, 9, 9, 0, 0, 0, 0, time.UTC),
		time.Date(2031, 11, 30, 0, 0, 0, 0, time.UTC),
	} {
		want := ""
		if !tm.IsZero() {
			want = tm.Format("2006-01-02")
		}
		if got := isoDate(tm); got != want {
			t.Errorf("isoDate(%v) = %q, want %q", tm, got, want)
		}
	}
}
