package site

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/race"
)

// This file feeds the loader input an editor did not mean to write, or
// that was copied from a hostile place. Each case must end in either a
// clean load or PATH:LINE:COL diagnostics, in bounded time and without
// crashing.

// diagLines renders diagnostics one per line, for exact comparison.
func diagLines(d diag.List) string {
	var out []string
	for _, x := range d {
		out = append(out, x.String())
	}
	return strings.Join(out, "\n")
}

// loadWithin loads fsys, failing the test if it takes longer than limit
// times 12. The limit guards against runaway work (hostile nesting that
// takes minutes), not speed, which benchmarks measure: the slack covers the
// race detector and a busy 2-core machine.
func loadWithin(t *testing.T, limit time.Duration, files ...string) (*Site, diag.List) {
	t.Helper()
	limit *= 12
	start := time.Now()
	s, d := Load(site(files...), Options{})
	if took := time.Since(start); took > limit {
		t.Errorf("loading took %v, want under %v", took, limit)
	}
	return s, d
}

func TestBadInput(t *testing.T) {
	claim := strings.Replace(claimFM, "%s", "accurate", 1)
	missing := func(path string, line int) string {
		var out []string
		for _, k := range []string{"claimant", "claim_date", "rating", "summary", "published"} {
			out = append(out, fmt.Sprintf("%s:%d:1: error: missing required key %q", path, line, k))
		}
		return strings.Join(out, "\n")
	}
	for _, tc := range []struct {
		name, file, data string
		want             string // exact diagnostics, one per line
	}{
		{
			name: "a required key left empty",
			file: "content/claims/a.md",
			data: strings.Replace(claim, "rating: accurate", "rating:", 1),
			want: "content/claims/a.md:5:1: error: rating must not be empty",
		},
		{
			name: "a day that is not in the calendar",
			file: "content/claims/a.md",
			data: strings.Replace(claim, "claim_date: 2021-01-01", "claim_date: 2021-02-29", 1),
			want: `content/claims/a.md:4:13: error: claim_date: bad date "2021-02-29": that month has no day 29`,
		},
		{
			name: "day 00",
			file: "content/claims/a.md",
			data: strings.Replace(claim, "claim_date: 2021-01-01", "claim_date: 2021-02-00", 1),
			want: `content/claims/a.md:4:13: error: claim_date: bad date "2021-02-00": there is no day 00`,
		},
		{
			name: "invalid UTF-8 in front matter",
			file: "content/claims/a.md",
			data: "---\nclaim: C\xff\n---\n",
			want: missing("content/claims/a.md", 2) + "\ncontent/claims/a.md:2:9: error: invalid UTF-8; save the file as UTF-8",
		},
		{
			name: "invalid UTF-8 in the body, column counts characters",
			file: "content/claims/a.md",
			data: claim + "Zoë \xc3(\n",
			want: "content/claims/a.md:9:5: error: invalid UTF-8; save the file as UTF-8",
		},
		{
			name: "NUL byte",
			file: "content/pages/p.md",
			data: "---\ntitle: T\n---\nab\x00c\n",
			want: "content/pages/p.md:4:3: error: NUL byte in text; this is not a text file",
		},
		{
			name: "byte order mark",
			file: "content/claims/a.md",
			data: "\xef\xbb\xbf" + claim + "Body.\n",
		},
		{
			name: "byte order mark, positions unchanged",
			file: "content/claims/a.md",
			data: "\xef\xbb\xbf" + strings.Replace(claim, "accurate", "great", 1),
			want: `content/claims/a.md:5:9: error: unknown rating "great" (the scale is: accurate, mostly-accurate, misleading, unsupported, false)`,
		},
		{
			name: "Windows line endings keep line numbers",
			file: "content/claims/a.md",
			data: strings.ReplaceAll(claim+"\nSee [[nothing-here]].\n", "\n", "\r\n"),
			want: `content/claims/a.md:10:5: error: cross-link to unknown id "nothing-here": no claim, source or page has it`,
		},
		{
			name: "Windows line endings in front matter errors",
			file: "content/sources/s.md",
			data: "---\r\ntitle: T\r\npublisher: P\r\npublished: 2021-13-01\r\n---\r\n",
			want: "content/sources/s.md:1:1: warning: source \"s\" is not cited by any claim\n" +
				`content/sources/s.md:4:12: error: published: bad date "2021-13-01": there is no month 13`,
		},
		{
			name: "old Mac line endings are line breaks",
			file: "content/pages/p.md",
			data: "---\rtitle: T\r---\r",
		},
		{
			name: "empty file",
			file: "content/claims/a.md",
			data: "",
			want: `content/claims/a.md:1:1: error: missing front matter: the file must start with a line "---", then YAML keys, then another "---"`,
		},
		{
			name: "front matter only, no final newline",
			file: "content/claims/a.md",
			data: strings.TrimSuffix(claim, "\n"),
		},
		{
			name: "unclosed front matter",
			file: "content/pages/p.md",
			data: "---\ntitle: T\n",
			want: `content/pages/p.md:1:1: error: front matter is not closed: add a line "---" after the last key`,
		},
		{
			name: "front matter that is not a mapping",
			file: "content/pages/p.md",
			data: "---\n- a\n- b\n---\n",
			want: `content/pages/p.md:2:1: error: front matter must be YAML keys and values (key: value)`,
		},
		{
			name: "a key set twice",
			file: "content/pages/p.md",
			data: "---\ntitle: A\nmenu: 1\ntitle: B\n---\n",
			want: `content/pages/p.md:4:1: error: key "title" is set twice`,
		},
		{
			name: "many keys, one set twice",
			file: "content/pages/p.md",
			data: "---\ntitle: T\n" + manyKeys(100) + "unused_field_7: again\n---\n",
			want: manyKeysUnknown("content/pages/p.md", 3, 100) + "\n" +
				`content/pages/p.md:103:1: error: key "unused_field_7" is set twice` + "\n" +
				`content/pages/p.md:103:1: warning: unknown key "unused_field_7"`,
		},
		{
			name: "huge front-matter scalar",
			file: "content/pages/p.md",
			data: "---\ntitle: T\nmenu: " + strings.Repeat("9", 1<<20) + "\n---\n",
			want: `content/pages/p.md:3:7: error: menu must be a whole number: the page's place in the site menu`,
		},
		{
			name: "deeply nested YAML sequence",
			file: "content/pages/p.md",
			data: "---\ntitle: " + strings.Repeat("[", 9000) + strings.Repeat("]", 9000) + "\n---\n",
			want: `content/pages/p.md:2:8: error: title must be text`,
		},
		{
			name: "too deeply nested YAML",
			file: "content/pages/p.md",
			data: "---\ntitle: T\nx: " + strings.Repeat("{a: ", 20000) + "1" + strings.Repeat("}", 20000) + "\n---\n",
			want: `content/pages/p.md:3:1: error: invalid YAML: exceeded max depth of 10000`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, d := loadWithin(t, 5*time.Second, tc.file, tc.data)
			if got := diagLines(d); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestHugeFrontMatterScalar loads a claim whose text is 16 MB on one line.
func TestHugeFrontMatterScalar(t *testing.T) {
	size := 16 << 20
	if race.Enabled {
		size = 2 << 20
	}
	big := strings.Repeat("word ", size/5)
	s, d := loadWithin(t, 10*time.Second, "content/claims/a.md", strings.Replace(strings.Replace(claimFM, "%s", "accurate", 1), "claim: C", "claim: "+big, 1))
	if len(d) != 0 {
		t.Fatal(diagLines(d))
	}
	if got := s.Claim["a"].Claim; got != strings.TrimSpace(big) {
		t.Errorf("claim text is %d bytes, want %d", len(got), len(strings.TrimSpace(big)))
	}
}

// TestHugeSource loads a 50 MB source (5 MB under the race detector) and
// checks a quote from its end.
func TestHugeSource(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 50 MB")
	}
	var b strings.Builder
	b.WriteString("---\ntitle: Big\npublisher: P\n---\n")
	para := "The committee found no indications that any foreign actor attempted to interfere in the elections. "
	size := 50 << 20
	if race.Enabled {
		size = 5 << 20
	}
	for i := 1; b.Len() < size; i++ {
		b.WriteString(para)
		if i%10 == 0 {
			b.WriteString("\n\n")
		}
	}
	b.WriteString("\n\nThe very last sentence of the big source is here.\n")
	claim := strings.Replace(claimFM, "%s", "accurate", 1) +
		"> The very last sentence of the big source is here.\n>\n> — [@big]\n\n" +
		"> The very last sentence of the small source is here.\n>\n> — [@big]\n"
	s, d := loadWithin(t, 10*time.Second, "content/sources/big.md", b.String(), "content/claims/a.md", claim)
	if d.Errors() != 1 || !strings.HasPrefix(d[0].String(), "content/claims/a.md:13:3: error: ") {
		t.Errorf("want one misquote at 13:3, got\n%s", diagLines(d))
	}
	if h := s.Source["big"].Highlights; len(h) != 1 || s.Source["big"].Text.Plain[h[0].Start:h[0].End] != "The very last sentence of the big source is here." {
		t.Errorf("the quote from the end of the source was not verified: %+v", h)
	}
}

// TestDeepNesting puts deeply nested lists, block quotes, emphasis and
// brackets in a claim's body: the parser must neither overflow its stack
// nor take long. Block quotes and lists nested deeper than
// markdown.MaxDepth (which took minutes at 100,000 levels) are an error,
// and so are brackets nested deeper than markdown.MaxBrackets (a minute
// at 1,000,000).
func TestDeepNesting(t *testing.T) {
	claim := strings.Replace(claimFM, "%s", "accurate", 1)
	const deep = "content/claims/a.md:9:1: error: block quotes or lists nested %d deep: at most 500 levels are allowed"
	want := map[string]string{
		"brackets":             `content/claims/a.md:9:9999: error: cross-link to unknown id "x": no claim, source or page has it; did you mean "a"?`,
		"nested quote":         `content/claims/a.md:11:1003: error: citation of unknown source "nothing"`,
		"too many lists":       fmt.Sprintf(deep, 501),
		"too many quotes":      fmt.Sprintf(deep, 100000),
		"too many mixed":       fmt.Sprintf(deep, 100000),
		"too many later":       strings.Replace(fmt.Sprintf(deep, 100000), ":9:", ":10:", 1),
		"too many ordered":     fmt.Sprintf(deep, 100000),
		"too many with spaces": fmt.Sprintf(deep, 100000),
		"too many indented":    strings.Replace(fmt.Sprintf(deep, 501), ":9:", ":509:", 1),
		"too many brackets":    "content/claims/a.md:9:10001: error: square brackets nested 10001 deep: at most 10000 are allowed",
		"brackets on lines":    "content/claims/a.md:10009:1: error: square brackets nested 10001 deep: at most 10000 are allowed",
	}
	for name, body := range map[string]string{
		"lists":                strings.Repeat("- ", 500) + "x\n",
		"ordered":              strings.Repeat("1. ", 500) + "x\n",
		"block quotes":         strings.Repeat(">", 500) + " x\n",
		"nested quote":         strings.Repeat("> ", 500) + "x\n" + strings.Repeat("> ", 500) + "\n" + strings.Repeat("> ", 500) + "— [@nothing]\n",
		"emphasis":             strings.Repeat("*", 10000) + "x" + strings.Repeat("*", 10000) + "\n",
		"brackets":             strings.Repeat("[", 10000) + "x" + strings.Repeat("]", 10000) + "\n",
		"too many lists":       strings.Repeat("- ", 501) + "x\n",
		"too many quotes":      strings.Repeat(">", 100000) + " x\n",
		"too many mixed":       strings.Repeat("> - ", 50000) + "x\n",
		"too many later":       "x\n" + strings.Repeat(">", 100000) + "\n",
		"too many ordered":     strings.Repeat("12) ", 100000) + "\n",
		"too many with spaces": strings.Repeat(" > ", 100000) + "\n",
		"indented":             indentedList(500),
		"too many brackets":    strings.Repeat("[", 1000000) + "x" + strings.Repeat("]", 1000000) + "\n",
		"brackets on lines":    strings.Repeat("[\n", 20000) + strings.Repeat("]", 20000) + "\n",
		"brackets paragraphs":  strings.Repeat("[[[[\n\n", 20000) + "\n",
		"too many indented":    indentedList(3000),
	} {
		t.Run(name, func(t *testing.T) {
			s, d := loadWithin(t, 5*time.Second, "content/claims/a.md", claim+body)
			if got := diagLines(d); got != want[name] {
				t.Errorf("got\n%s\nwant\n%s", got, want[name])
			}
			if s.Claim["a"] == nil || s.Claim["a"].Doc == nil {
				t.Errorf("the claim was not loaded")
			}
		})
	}
}

// indentedList is a list nested n deep by indentation, one level a line:
// 3,000 levels, 9 MB, took a minute.
func indentedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- x\n")
	}
	return b.String()
}

// manyKeys is front matter of n keys no file has: unused_field_0: 0, ...
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "unused_field_%d: %d\n", i, i)
	}
	return b.String()
}

// manyKeysUnknown is the warnings about manyKeys(n) from line on.
func manyKeysUnknown(path string, line, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s:%d:1: warning: unknown key \"unused_field_%d\"\n", path, line+i, i)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// TestManyUnknownRefs: 100,000 different unknown cross-links and
// citations in one claim (each was looked up in lists of ids made again
// for each, and among those already seen: minutes). The first ones still
// get a suggestion.
func TestManyUnknownRefs(t *testing.T) {
	var b strings.Builder
	b.WriteString(strings.Replace(claimFM, "%s", "accurate", 1))
	b.WriteString("[[b]] [@a-source]\n")
	n := 100000
	if race.Enabled {
		n = 10000
	}
	for i := range n {
		fmt.Fprintf(&b, "[[nothing-%d]] [@nope-%d] ", i, i)
	}
	_, d := loadWithin(t, 5*time.Second, "content/claims/a.md", b.String(), "content/sources/a-source.md", "---\ntitle: T\npublisher: P\n---\nText.\n")
	if d.Errors() != 2*n+1 {
		t.Errorf("%d errors, want %d", d.Errors(), 2*n+1)
	}
	if want := `content/claims/a.md:9:1: error: cross-link to unknown id "b": no claim, source or page has it; did you mean "a"?`; d[0].String() != want {
		t.Errorf("got %s\nwant %s", d[0], want)
	}
}

// TestOneMistakeOneError: a file that cannot be parsed gets its own error
// and no others elsewhere: not on its translation, nor on what links to
// it or cites it, nor on the source only it cites; an unreadable
// site.yaml leaves the site's languages and ratings unknown, not wrong.
func TestOneMistakeOneError(t *testing.T) {
	claim := strings.Replace(claimFM, "%s", "accurate", 1)
	broken := "---\nclaim: C\n\tclaimant: X\n---\nSee [@s].\n"
	source := "---\ntitle: T\npublisher: P\n---\nText.\n"
	for _, tc := range []struct {
		name  string
		files []string
		want  string
	}{
		{
			name: "a claim's front matter",
			files: []string{
				"content/site.yaml", "languages: [en, es]\n",
				"content/claims/c.md", broken,
				"content/claims/c.es.md", claim,
				"content/claims/d.md", claim + "See [[c]].\n",
				"content/sources/s.md", source,
			},
			want: "content/claims/c.md:3:1: error: invalid YAML: a tab is used for indentation; indent with spaces",
		},
		{
			name: "a source's front matter",
			files: []string{
				"content/claims/d.md", claim + "See [@s] and [[s]].\n",
				"content/sources/s.md", "---\ntitle: \"T\npublisher: P\n---\nText.\n",
			},
			want: `content/sources/s.md:2:8: error: invalid YAML: the value of title starts with " but does not end with one; add it at the end of the value`,
		},
		{
			name: "a page's front matter",
			files: []string{
				"content/site.yaml", "languages: [en, es]\n",
				"content/pages/p.md", "---\ntitle: [P\n---\n",
				"content/pages/p.es.md", "---\ntitle: P\n---\n",
				"content/claims/d.md", claim + "See [[p]].\n",
			},
			want: "content/pages/p.md:2:8: error: invalid YAML: a list in [ ] is not closed, or its items are not separated by commas: add the ]",
		},
		{
			name: "site.yaml",
			files: []string{
				"content/site.yaml", "title: \"T\nlanguages: [en, es]\nratings:\n  - {id: mine, label: Mine}\n",
				"content/claims/c.md", strings.Replace(claimFM, "%s", "mine", 1),
				"content/claims/c.es.md", strings.Replace(claimFM, "%s", "mine", 1),
			},
			want: `content/site.yaml:1:8: error: invalid YAML: the value of title starts with " but does not end with one; add it at the end of the value`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, d := Load(site(tc.files...), Options{})
			if got := diagLines(d); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestShownPassage: a misquote's passage is shown on one line, its
// paragraphs apart.
func TestShownPassage(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"One.", "One."},
		{"One\ntwo.\n\nThree.", "One two. ¶ Three."},
		{"One.\r\n \t\r\nTwo.\n\n\n\nThree  words\there.", "One. ¶ Two. ¶ Three words here."},
		{"\n\nOne.\n\n", "One."},
		{"", ""},
	} {
		if got := shownPassage(tc.in); got != tc.want {
			t.Errorf("shownPassage(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
