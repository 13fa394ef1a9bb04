package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestContactURL(t *testing.T) {
	for _, tc := range []struct{ contact, want string }{
		{"", ""},
		{"desk@example.org", "mailto:desk@example.org"},
		{"mailto:desk@example.org", "mailto:desk@example.org"},
		{"MAILTO:desk@example.org?subject=Correction", "MAILTO:desk@example.org?subject=Correction"},
		{"https://example.org/contact/", "https://example.org/contact/"},
		{"HTTPS://example.org/contact/", "HTTPS://example.org/contact/"},
		{"ht\ttps://example.org/", ""},
		{"https://", ""},
		{"mailto:", ""},
		{"mailto:javascript:alert(1)@x", ""},
		{"javascript:alert(1)", ""},
		{"javascript:alert('a@b')", ""},
		{"java\tscript:alert('a@b')", ""},
		{"data:text/html,a@b", ""},
		{"/contact/", ""},
		{"@example.org", ""},
		{"desk@", ""},
		{"Call 555 0100", ""},
	} {
		if got := ContactURL(tc.contact); got != tc.want {
			t.Errorf("ContactURL(%q) = %q, want %q", tc.contact, got, tc.want)
		}
	}
}

// TestContactWarning checks that a contact that cannot be linked to is
// left out, with a warning at its place in site.yaml.
func TestContactWarning(t *testing.T) {
	fsys := fstest.MapFS{"content/site.yaml": {Data: []byte("title: T\ncontact: javascript:alert(1)\n")}}
	s, diags := Load(fsys, Options{})
	want := `content/site.yaml:2:10: warning: contact "javascript:alert(1)" is left out: it must be an e-mail address or an http(s) or mailto: URL`
	found := false
	for _, d := range diags {
		found = found || strings.HasPrefix(d.String(), want)
	}
	if !found {
		t.Errorf("diagnostics %v, want one starting %s", diags, want)
	}
	if s != nil && s.Config.Contact != "" {
		t.Errorf("contact %q kept", s.Config.Contact)
	}
}
