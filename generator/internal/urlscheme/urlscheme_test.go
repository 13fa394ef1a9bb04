package urlscheme

import "testing"

func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		url, scheme string
		want        bool
	}{
		{"https://example.org", "https", true},
		{"HTTP://example.org", "http", true},
		{"mailto:a@example.org", "mailto", true},
		{"/relative/path", "", true},
		{"../up", "", true},
		{"#anchor", "", true},
		{"?q=a:b", "", true},
		{"page/a:b", "", true},
		{"", "", true},
		{"javascript:alert(1)", "javascript", false},
		{"JavaScript:alert(1)", "javascript", false},
		{"java\tscript:alert(1)", "javascript", false},
		{" javascript:alert(1)", "javascript", false},
		{"java\nscript:alert(1)", "javascript", false},
		{"data:text/html,x", "data", false},
		{"vbscript:x", "vbscript", false},
		{"file:///etc/passwd", "file", false},
		{"ftp://example.org", "ftp", false},
	} {
		if got := Of(tc.url); got != tc.scheme {
			t.Errorf("Of(%q) = %q, want %q", tc.url, got, tc.scheme)
		}
		if got := Allowed(tc.url); got != tc.want {
			t.Errorf("Allowed(%q) = %v, want %v", tc.url, got, tc.want)
		}
	}
}
