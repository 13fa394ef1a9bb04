package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestAuthors checks site.yaml's authors: profiles by the slug of the
// name, and a bad photo or link an error at its line.
func TestAuthors(t *testing.T) {
	photo := &fstest.MapFile{Data: []byte("img")}
	for _, tc := range []struct {
		name, yaml string
		files      fstest.MapFS
		want       *Author // the profile of "Jane Doe", or nil
		diag       string
	}{
		{
			name:  "profile",
			yaml:  "authors:\n  - name: Jane Doe\n    bio: Checks numbers.\n    photo: img/jane.jpg\n    url: https://example.org/jane\n",
			files: fstest.MapFS{"static/img/jane.jpg": photo},
			want:  &Author{Name: "Jane Doe", Bio: "Checks numbers.", Photo: "img/jane.jpg", URL: "https://example.org/jane"},
		},
		{name: "no photo file", yaml: "authors:\n  - name: Jane Doe\n    photo: img/none.jpg\n", diag: "content/site.yaml:3:12: error: photo: cannot read static/img/none.jpg"},
		{name: "not an image", yaml: "authors:\n  - name: Jane Doe\n    photo: img/jane.txt\n", files: fstest.MapFS{"static/img/jane.txt": photo}, diag: "content/site.yaml:3:12: error: photo: img/jane.txt is not an image"},
		{name: "outside the site", yaml: "authors:\n  - name: Jane Doe\n    photo: ../../etc/passwd.png\n", diag: "content/site.yaml:3:12: error: photo: "},
		{name: "link", yaml: "authors:\n  - name: Jane Doe\n    url: javascript:alert(1)\n", diag: `content/site.yaml:3:10: error: url: "javascript:alert(1)" is not an http(s) URL`},
		{name: "twice", yaml: "authors:\n  - name: Jane Doe\n  - name: jane  doe\n", diag: `content/site.yaml:3:5: error: authors lists "jane  doe" twice`},
		{name: "not a list", yaml: "authors: Jane Doe\n", diag: "content/site.yaml:1:10: error: authors must be a list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"content/site.yaml": {Data: []byte(tc.yaml)}}
			for k, v := range tc.files {
				fsys[k] = v
			}
			s, diags := Load(fsys, Options{})
			if tc.diag == "" {
				if len(diags) > 0 {
					t.Fatalf("diagnostics: %v", diags)
				}
				if got := s.Config.Authors["jane-doe"]; got == nil || *got != *tc.want {
					t.Errorf("profile %+v, want %+v", got, tc.want)
				}
				return
			}
			for _, d := range diags {
				if strings.HasPrefix(d.String(), tc.diag) {
					return
				}
			}
			t.Errorf("diagnostics %v, want one starting %s", diags, tc.diag)
		})
	}
}
