package main

import "testing"

func TestStripFrontMatter(t *testing.T) {
	for in, want := range map[string]string{
		"---\ntitle: x\n---\nbody\n":  "body\n",
		"---\r\ntitle: x\r\n---\r\nb": "b",
		"no front matter\n":           "no front matter\n",
		"---\ntitle: x\n---":          "",
	} {
		if got := string(stripFrontMatter([]byte(in))); got != want {
			t.Errorf("stripFrontMatter(%q) = %q, want %q", in, got, want)
		}
	}
}
