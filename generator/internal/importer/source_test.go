package importer

import (
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func TestSourceFile(t *testing.T) {
	d := &Document{
		Title: `Report: "what we know"`, Publisher: "no", URL: "https://example.com/a",
		Published: time.Date(2021, 3, 16, 0, 0, 0, 0, time.UTC), Kind: "news", Text: "First.\n\nSecond.",
		Original: Original{From: "a.html", MediaType: TypeHTML, SHA256: "ab", Size: 12, Taken: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), TextSHA256: TextHash("First.\n\nSecond.")},
	}
	file := SourceFile(d, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	fm, body, ok := strings.Cut(strings.TrimPrefix(file, "---\n"), "---\n")
	if !ok {
		t.Fatalf("no front matter:\n%s", file)
	}
	var got map[string]any
	if err := yaml.Unmarshal([]byte(fm), &got); err != nil {
		t.Fatalf("front matter is not YAML: %v\n%s", err, fm)
	}
	want := map[string]any{"title": `Report: "what we know"`, "publisher": "no", "url": "https://example.com/a", "format": "text", "kind": "news"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %#v, want %#v", k, got[k], v)
		}
	}
	if TextHash(body) != d.Original.TextSHA256 {
		t.Errorf("the body's hash is not the text's: %q", body)
	}
	orig, _ := got["original"].(map[string]any)
	if orig["sha256"] != "ab" || orig["size"] != 12 || orig["media_type"] != TypeHTML {
		t.Errorf("original = %v", orig)
	}
}

// TestSourceFileDuration checks that the duration of captions is written
// as a locator reads it, rounded up to the second like the passages' ends.
func TestSourceFileDuration(t *testing.T) {
	d := &Document{Kind: "other", Text: "[0:01–1:07]\nx", Original: Original{MediaType: TypeSRT, Duration: 66*time.Second + 500*time.Millisecond}}
	if file := SourceFile(d, time.Now()); !strings.Contains(file, "\n  duration: \"1:07\"\n") {
		t.Errorf("no duration 1:07 in:\n%s", file)
	}
}

func TestTextHashIgnoresLineEnds(t *testing.T) {
	if TextHash("a\r\nb\n") != TextHash("a\nb") || TextHash("a\nb") == TextHash("a b") {
		t.Error("TextHash should ignore line-end style and trailing white space, nothing else")
	}
}
