package pipeline

import (
	"bytes"
	"encoding/json"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// TestInert builds the payload site and checks, by parsing every page,
// that none of its text became markup that runs: no script but the
// site's own, no event handler attributes, no javascript: or data: URLs,
// no frames, and JSON-LD that is JSON.
func TestInert(t *testing.T) {
	a, err := txtar.ParseFile(filepath.Join("testdata", "sites", "payloads.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	res, diags, err := Memory(Options{Src: extract(t, a)})
	if err != nil || res == nil {
		t.Fatalf("the payload site did not build: %v\n%v", err, diags)
	}
	for p, b := range res.Files {
		switch {
		case strings.HasSuffix(p, ".html"):
			for _, problem := range activeContent(b) {
				t.Errorf("%s: %s", p, problem)
			}
		case strings.HasSuffix(p, ".json"):
			if !json.Valid(b) {
				t.Errorf("%s: not JSON", p)
			}
		}
		if bytes.Contains(b, []byte("<script>alert")) {
			t.Errorf("%s: contains a payload's <script> as it was", p)
		}
	}
}

// activeContent lists what in a page could run.
func activeContent(b []byte) []string {
	var problems []string
	z := html.NewTokenizer(bytes.NewReader(b))
	inJSON := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return problems
		}
		if tt == html.TextToken && inJSON {
			if !json.Valid(z.Text()) {
				problems = append(problems, "JSON-LD is not JSON: "+string(z.Text()))
			}
			continue
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			inJSON = false
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script":
			typ, src := attr(tok, "type"), attr(tok, "src")
			inJSON = typ == "application/ld+json"
			if !inJSON && !strings.Contains(src, "/assets/") {
				problems = append(problems, "script: "+tok.String())
			}
		case "iframe", "object", "embed", "style", "base", "form":
			if tok.Data != "form" || attr(tok, "role") != "search" {
				problems = append(problems, "element: "+tok.String())
			}
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			switch {
			case strings.HasPrefix(a.Key, "on"):
				problems = append(problems, "event handler: "+tok.String())
			case (a.Key == "href" || a.Key == "src" || a.Key == "action") &&
				(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")):
				problems = append(problems, "URL: "+tok.String())
			}
		}
	}
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestNoWritesOutside checks that hostile names cannot place a file
// outside the output: every output path is relative and clean.
func TestNoWritesOutside(t *testing.T) {
	a, _ := txtar.ParseFile(filepath.Join("testdata", "sites", "payloads.txtar"))
	res, _, _ := Memory(Options{Src: extract(t, a)})
	if res == nil {
		t.Skip("payload site did not build")
	}
	for p := range res.Files {
		if c := path.Clean("/" + p)[1:]; c == "" || c != p || strings.Contains(p, "\\") || filepath.IsAbs(p) {
			t.Errorf("unsafe output path %q", p)
		}
	}
}
