package synth

import (
	"bytes"
	"maps"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"go.yaml.in/yaml/v3"

	"factcheck/generator/internal/site"
)

var (
	idRE       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	inlineRE   = regexp.MustCompile(`"([^"]+)" \[@([^\],]+)\]`)
	citationRE = regexp.MustCompile(`\[@([^\],]+)(, [^\]]*)?\]`)
	linkRE     = regexp.MustCompile(`\[\[([^\]|]+)(\|[^\]]*)?\]\]`)
	attribRE   = regexp.MustCompile(`^— \[@([^\],]+)\]$`)
)

// split returns a file's front matter and body.
func split(t *testing.T, name string, data []byte) (map[string]any, string) {
	t.Helper()
	s := string(data)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("%s: no front matter", name)
	}
	front, body, ok := strings.Cut(s[4:], "\n---\n")
	if !ok {
		t.Fatalf("%s: front matter not closed", name)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(front), &m); err != nil {
		t.Fatalf("%s: front matter: %v", name, err)
	}
	return m, body
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// quotes returns the quotes of a claim body as [text, source id] pairs.
func quotes(body string) [][2]string {
	var out [][2]string
	var block []string
	for line := range strings.SplitSeq(body+"\n", "\n") {
		if strings.HasPrefix(line, ">") {
			block = append(block, strings.TrimSpace(strings.TrimPrefix(line, ">")))
			continue
		}
		if len(block) > 0 {
			if m := attribRE.FindStringSubmatch(block[len(block)-1]); m != nil {
				out = append(out, [2]string{strings.Join(block[:len(block)-1], " "), m[1]})
			}
			block = nil
		}
	}
	for _, m := range inlineRE.FindAllStringSubmatch(collapse(body), -1) {
		out = append(out, [2]string{m[1], m[2]})
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a, b := Files(300, 7), Files(300, 7)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("two runs with the same n and seed differ")
	}
	if c := Files(300, 8); maps.EqualFunc(a, c, bytes.Equal) {
		t.Fatal("a different seed gives the same site")
	}
}

func TestCounts(t *testing.T) {
	for _, tc := range []struct{ n, claims, sources, folders int }{
		{1, 1, 1, 1}, {9, 9, 1, 1}, {250, 250, 25, 3}, {1000, 1000, 100, 10},
	} {
		files := Files(tc.n, 1)
		claims, sources := 0, 0
		folders := map[string]bool{}
		for name := range files {
			switch {
			case strings.HasPrefix(name, "content/claims/"):
				claims++
				folders[path.Dir(name)] = true
			case strings.HasPrefix(name, "content/sources/"):
				sources++
			}
		}
		if claims != tc.claims || sources != tc.sources || len(folders) != tc.folders {
			t.Errorf("n=%d: %d claims in %d folders, %d sources; want %d in %d, %d",
				tc.n, claims, len(folders), sources, tc.claims, tc.folders, tc.sources)
		}
		if len(files) != claims+sources+2 {
			t.Errorf("n=%d: %d files, want claims + sources + site.yaml + about", tc.n, len(files))
		}
		if _, ok := files["content/site.yaml"]; !ok {
			t.Errorf("n=%d: no content/site.yaml", tc.n)
		}
	}
}

// TestValid checks what the generator checks: required keys, dates, ids,
// quotes, citations, cross-links, every source cited, no years in sources.
func TestValid(t *testing.T) {
	files := Files(1000, 3)
	var site map[string]any
	if err := yaml.Unmarshal(files["content/site.yaml"], &site); err != nil || site["base_url"] != "https://example.org/" {
		t.Fatalf("site.yaml: %v %v", err, site)
	}
	texts := map[string]string{} // source id -> collapsed body
	ids := map[string]bool{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		id := strings.TrimSuffix(path.Base(name), ".md")
		if !idRE.MatchString(id) || ids[id] {
			t.Errorf("%s: bad or duplicate id", name)
		}
		ids[id] = true
		if strings.HasPrefix(name, "content/sources/") {
			front, body := split(t, name, data)
			for _, k := range []string{"title", "publisher", "url", "published", "kind"} {
				if front[k] == nil {
					t.Errorf("%s: no %s", name, k)
				}
			}
			if strings.ContainsAny(body, "0123456789") {
				t.Errorf("%s: digits in the source text (possible anachronism)", name)
			}
			words := len(strings.Fields(body))
			if words < 1400 || words > 1800 {
				t.Errorf("%s: %d words", name, words)
			}
			texts[id] = collapse(body)
		}
	}

	cited := map[string]bool{}
	for name, data := range files {
		if !strings.HasPrefix(name, "content/claims/") {
			continue
		}
		front, body := split(t, name, data)
		for _, k := range []string{"claim", "claimant", "claim_date", "rating", "summary", "published", "authors", "topics"} {
			if front[k] == nil {
				t.Errorf("%s: no %s", name, k)
			}
		}
		switch front["rating"] {
		case "accurate", "mostly-accurate", "misleading", "unsupported", "false":
		default:
			t.Errorf("%s: rating %v", name, front["rating"])
		}
		made, _ := front["claim_date"].(time.Time)
		published, _ := front["published"].(time.Time)
		if made.IsZero() || published.Before(made) {
			t.Errorf("%s: claim_date %v, published %v", name, front["claim_date"], front["published"])
		}
		if u, ok := front["updated"].(time.Time); ok && u.Before(published) {
			t.Errorf("%s: updated before published", name)
		}
		if n := len(front["topics"].([]any)); n < 1 || n > 3 {
			t.Errorf("%s: %d topics", name, n)
		}

		qs := quotes(body)
		if len(qs) != 2 {
			t.Errorf("%s: %d quotes, want 2", name, len(qs))
		}
		for _, q := range qs {
			text, ok := texts[q[1]]
			if !ok {
				t.Errorf("%s: quote from unknown source %s", name, q[1])
			}
			if n := len(strings.Fields(q[0])); n < 8 || n > 20 {
				t.Errorf("%s: quote of %d words: %q", name, n, q[0])
			}
			if !strings.Contains(text, collapse(q[0])) {
				t.Errorf("%s: %q is not in %s", name, q[0], q[1])
			}
		}
		for _, m := range citationRE.FindAllStringSubmatch(body, -1) {
			if _, ok := texts[m[1]]; !ok {
				t.Errorf("%s: citation of unknown source %s", name, m[1])
			}
			cited[m[1]] = true
		}
		links := linkRE.FindAllStringSubmatch(body, -1)
		if len(links) != 1 {
			t.Errorf("%s: %d cross-links, want 1", name, len(links))
		}
		for _, m := range links {
			if !ids[m[1]] || strings.HasSuffix(name, "/"+m[1]+".md") {
				t.Errorf("%s: cross-link to %s", name, m[1])
			}
		}
	}
	for id := range texts {
		if !cited[id] {
			t.Errorf("source %s is never cited", id)
		}
	}
}

// TestLarge checks the size of a 10,000-claim site; its speed is measured
// by BenchmarkFiles, not here.
func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large")
	}
	if files := Files(10000, 1); len(files) != 10000+1000+2 {
		t.Errorf("%d files", len(files))
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 20, 1); err != nil {
		t.Fatal(err)
	}
	// Spot check: one claim in its folder.
	files := Files(20, 1)
	got, err := os.ReadFile(dir + "/content/claims/0/claim-00020.md")
	if err != nil || !bytes.Equal(got, files["content/claims/0/claim-00020.md"]) {
		t.Fatalf("written claim differs: %v", err)
	}
}

func BenchmarkFiles10000(b *testing.B) {
	for b.Loop() {
		Files(10000, 1)
	}
}

// TestShapesLoadClean loads the site in each shape with the generator's
// loader: no errors and no warnings, and the same claims either way.
func TestShapesLoadClean(t *testing.T) {
	n := 600
	if testing.Short() {
		n = 200
	}
	for _, shape := range Shapes {
		t.Run(shape.String(), func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range FilesShape(n, 5, shape) {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			s, diags := site.Load(fsys, site.Options{})
			if len(diags) > 0 {
				t.Fatalf("%d diagnostics, first: %v", len(diags), diags[:min(len(diags), 5)])
			}
			if len(s.Claims) != n || len(s.Sources) != n/10 {
				t.Fatalf("%d claims, %d sources; want %d, %d", len(s.Claims), len(s.Sources), n, n/10)
			}
		})
	}
}

// TestVaried checks that the varied shape holds each way of writing front
// matter it stands for, and only one flat folder of claims.
func TestVaried(t *testing.T) {
	files := FilesShape(1000, 1, Varied)
	var all strings.Builder
	first := 0 // claims whose first key is claim
	for name, data := range files {
		if strings.HasPrefix(name, "content/claims/") {
			if path.Dir(name) != "content/claims" {
				t.Fatalf("%s: not in content/claims", name)
			}
			front, _, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
			all.WriteString(front + "\n")
			if strings.HasPrefix(front, "claim:") {
				first++
			}
		}
	}
	fm := all.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^topics: \[[A-Za-z ]+, "[A-Za-z ]+"`), // flow list, plain and quoted items
		regexp.MustCompile(`(?m)^authors:\n- `),                       // block list, not indented
		regexp.MustCompile(`(?m)^topics:\n    - `),                    // block list, indented
		regexp.MustCompile(`(?m)^# `),                                 // comment line
		regexp.MustCompile(`(?m)^rating: [a-z-]+ # `),                 // comment after a plain value
		regexp.MustCompile(`(?m)^published: "\d{4}-\d\d-\d\d"$`),      // quoted dates
		regexp.MustCompile(`(?m)^claim_date: '\d{4}-\d\d-\d\d'$`),
		regexp.MustCompile(`(?m)^updated: \d{4}-\d\d-\d\d$`),
		regexp.MustCompile(`(?m)^summary: >\n  \S`), // block scalars
		regexp.MustCompile(`(?m)^claim: >-\n  \S`),
		regexp.MustCompile(`(?m)^claim: \|-\n  \S`),
		regexp.MustCompile(`(?m)^claimant: '`), // single and double quoted, plain
		regexp.MustCompile(`(?m)^claimant: "`),
		regexp.MustCompile(`(?m)^claimant: [A-Z]`),
		regexp.MustCompile(`(?m)^authors: [A-Z][a-z]+ [A-Z][a-z]+$`), // a list of one as its value
		regexp.MustCompile(`(?m)^    note: >-\n      \S`),            // a block scalar in a list's mapping
		regexp.MustCompile(`(?m)^  - note: `),                        // mapping keys in another order
		regexp.MustCompile(`(?m)^\n`),                                // blank line
	} {
		if !want.MatchString(fm) {
			t.Errorf("no front matter matches %s", want)
		}
	}
	if first == 0 || first > 500 {
		t.Errorf("claim is the first key of %d of 1,000 claims", first)
	}
}
