package main

import (
	"strings"
	"testing"

	"factcheck/generator/internal/synth"
	"go.yaml.in/yaml/v3"
)

func TestHugoFiles(t *testing.T) {
	for _, shape := range synth.Shapes {
		t.Run(shape.String(), func(t *testing.T) { testHugoFiles(t, shape) })
	}
}

func testHugoFiles(t *testing.T, shape synth.Shape) {
	site := synth.Generate(100, 1)
	files := hugoFiles(site, shape)
	pages := 0
	for name, data := range files {
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		pages++
		front, _, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		var m map[string]any
		if err := yaml.Unmarshal([]byte(front), &m); !ok || err != nil {
			t.Fatalf("%s: front matter: %v", name, err)
		}
		if m["title"] == nil || (name != "content/about.md" && m["date"] == nil) {
			t.Errorf("%s: no title or date", name)
		}
		if m["url"] != nil {
			t.Errorf("%s: url would change the page's URL in Hugo", name)
		}
	}
	if pages != 100+10+1 {
		t.Errorf("%d content files, want 111", pages)
	}
	for _, f := range []string{"hugo.toml", "layouts/_default/baseof.html", "layouts/_default/single.html", "layouts/_default/list.html"} {
		if files[f] == nil {
			t.Errorf("no %s", f)
		}
	}
}
