package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"factcheck"

	"golang.org/x/tools/txtar"
)

// edgeSite has few and empty fields, and no base_url.
const edgeSite = `
-- content/site.yaml --
title: "Edge & <Co>"
page_size: 1
-- content/claims/bare.md --
---
claim: "Bare 'claim' + \"x\""
claimant: Nobody
claim_date: 2024-01-10
rating: false
summary: "s"
published: 2024-02-01
---
-- content/claims/two.md --
---
claim: two
claimant:
  name: Org
  url: "https://example.org/a%20b?c=%3Cd%3E&e='f'+g"
claim_date: 2024-01-11
appearances: ["https://example.org/x?y=a+b&z='q'", "https://example.org/z"]
rating: misleading
summary: "two"
published: 2024-02-02
updated: 2024-02-02
authors: ["A", "B & C"]
topics: ["T+1", "t 2"]
---
See [[bare]]. The source says:

> a quoted line here
>
> — [@full]

Also [@plain, p. 2] and [@nothing-stored].
-- content/sources/full.md --
---
title: "Full <source> & 'x'"
publisher: "Pub + Co"
url: "https://example.org/doc?a=1&b='2'"
archive_url: "https://web.archive.org/web/2024/https://example.org/doc"
published: 2023-05-06
accessed: 2024-01-02
kind: report
note: "Note with <b>tags</b> & 'quotes'"
---
Text of the source, with *a quoted line here* & <b>raw</b>.
-- content/sources/plain.md --
---
title: plain
publisher: P
format: text
---
Line one <not a tag> & "more".

Second para.
-- content/sources/nothing-stored.md --
---
title: empty
publisher: E
---
-- content/pages/empty.md --
---
title: "T"
---
`

func buildBoth(t *testing.T, dir string, opts Options, keep map[string]bool) {
	t.Helper()
	opts.Src = dir
	inGo, diags, err := Memory(opts)
	if err != nil || inGo == nil {
		t.Fatalf("Go layout: %v %v", err, diags)
	}
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	var written []string
	for _, f := range []string{"base.html", "claim.html", "source.html", "claims.html", "group.html", "rating.html", "sources.html", "corrections.html", "partials.html"} {
		if keep[f] {
			continue
		}
		b, err := fs.ReadFile(factcheck.Files, "templates/"+f)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "templates", f)
		if err := os.WriteFile(p, asTemplate(b), 0o644); err != nil {
			t.Fatal(err)
		}
		written = append(written, p)
	}
	defer func() {
		for _, p := range written {
			os.Remove(p)
		}
	}()
	byT, _, err := Memory(opts)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for p := range byT.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	n := 0
	for _, p := range paths {
		if string(inGo.Files[p]) != string(byT.Files[p]) {
			n++
			if n <= 3 {
				t.Errorf("%s differs: %s", p, firstDiff(string(byT.Files[p]), string(inGo.Files[p])))
			}
		}
	}
	if n > 3 {
		t.Errorf("... %d files differ", n)
	}
}

func TestLayoutInGoEdges(t *testing.T) {
	noBase := regexp.MustCompile(`(?m)^base_url:.*\n`)
	for _, name := range []string{"basic", "payloads", "edge"} {
		var a *txtar.Archive
		if name == "edge" {
			a = txtar.Parse([]byte(edgeSite))
		} else {
			var err error
			a, err = txtar.ParseFile(filepath.Join("testdata", "sites", name+".txtar"))
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, v := range []string{"asis", "nobase", "dev", "drafts", "baseflag", "weirdbase"} {
			t.Run(name+"/"+v, func(t *testing.T) {
				aa := &txtar.Archive{}
				for _, f := range a.Files {
					if v == "nobase" && f.Name == "content/site.yaml" {
						f.Data = noBase.ReplaceAll(f.Data, nil)
					}
					aa.Files = append(aa.Files, f)
				}
				dir := extract(t, aa)
				opts := Options{}
				switch v {
				case "dev":
					opts.Dev = true
				case "drafts":
					opts.Drafts = true
				case "weirdbase":
					opts.BaseURL = "https://example.org/it's%20a+b/%C3%A9/~x/"
				case "baseflag":
					opts.BaseURL = "http://localhost:8080/"
				}
				buildBoth(t, dir, opts, nil)
			})
		}
	}
}

// Sites that replace some of the built-in files: the Go versions of the
// others must still print what the templates print.
func TestLayoutInGoPartialOverrides(t *testing.T) {
	a, err := txtar.ParseFile(filepath.Join("testdata", "sites", "basic.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	builtin := func(f string) string {
		b, _ := fs.ReadFile(factcheck.Files, "templates/"+f)
		return string(b)
	}
	cases := map[string]map[string]string{
		// partials.html replaced by a copy with a custom header.
		"partials": {"partials.html": strings.Replace(builtin("partials.html"), `{{define "site-footer"}}`, `{{define "site-footer"}}<p>custom {{if .Dev}}dev{{end}}</p>`, 1)},
		// claim.html replaced by a copy that runs as a template.
		"claim": {"claim.html": string(asTemplate([]byte(builtin("claim.html"))))},
		// home.html replaced, redefining the card.
		"home-card": {"home.html": builtin("home.html") + `{{define "claim-card"}}<li>CUSTOM {{.Claim.Claim}}</li>{{end}}`},
		// claims.html redefining "head" for its pages.
		"claims-head": {"claims.html": builtin("claims.html") + `{{define "head"}}<meta name="x" content="y">{{end}}`},
		// partials.html redefining the base layout.
		"partials-base": {"partials.html": builtin("partials.html") + `{{define "base.html"}}<html>{{block "main" .}}{{end}}</html>{{end}}`},
	}
	for name, files := range cases {
		t.Run(name, func(t *testing.T) {
			aa := &txtar.Archive{Files: a.Files}
			keep := map[string]bool{}
			for f, text := range files {
				aa.Files = append(aa.Files, txtar.File{Name: "templates/" + f, Data: []byte(text)})
				keep[f] = true
			}
			dir := extract(t, aa)
			buildBoth(t, dir, Options{}, keep)
		})
	}
}
