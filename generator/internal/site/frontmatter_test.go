package site

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"factcheck/generator/internal/diag"
)

// TestYAMLMessages: mistakes editors make in front matter get a message
// in their words, at the line (and column) where they made them. The
// front matter starts on line 2, after the "---" line.
func TestYAMLMessages(t *testing.T) {
	claim := strings.Replace(claimFM, "%s", "accurate", 1)
	for _, tc := range []struct{ name, data, want string }{
		{"tab for indentation",
			"---\ntitle: T\n\tmenu: 1\n---\n",
			"content/pages/p.md:3:1: error: invalid YAML: a tab is used for indentation; indent with spaces"},
		{"tab in a list's indentation",
			"---\ntitle: T\nmenu:\n  - 1\n \t- 2\n---\n",
			"content/pages/p.md:5:2: error: invalid YAML: a tab is used for indentation; indent with spaces"},
		{"unquoted colon",
			"---\nmenu: 1\ntitle: Trump: a story\n---\n",
			`content/pages/p.md:3:8: error: invalid YAML: the value of title holds ": ", which YAML reads as another key; put the value in quotes: title: "Trump: a story"`},
		{"unquoted colon with quotes inside",
			"---\nmenu: 1\ntitle: He said: \"no\"\n---\n",
			`content/pages/p.md:3:8: error: invalid YAML: the value of title holds ": ", which YAML reads as another key; put the value in quotes: title: "He said: \"no\""`},
		{"unquoted colon at the end",
			"---\ntitle: T\nmenu: 1\nx: a: b:\n---\n",
			`content/pages/p.md:4:4: error: invalid YAML: the value of x holds ": ", which YAML reads as another key; put the value in quotes: x: "a: b:"`},
		{"error on the third line",
			"---\ntitle: T\nmenu: [1\n---\n",
			"content/pages/p.md:3:7: error: invalid YAML: a list in [ ] is not closed, or its items are not separated by commas: add the ]"},
		{"error on the second line",
			"---\ntitle: [T\nmenu: 1\n---\n",
			"content/pages/p.md:2:8: error: invalid YAML: a list in [ ] is not closed, or its items are not separated by commas: add the ]"},
		{"mapping not closed",
			"---\ntitle: T\nmenu: {a: 1\n---\n",
			"content/pages/p.md:3:7: error: invalid YAML: a mapping in { } is not closed, or its items are not separated by commas: add the }"},
		{"indented under a key with a value",
			"---\ntitle: T\n  menu: 1\n---\n",
			"content/pages/p.md:3:1: error: invalid YAML: this line is indented under title, which has a value already; remove the indentation"},
		{"error on the fourth line",
			"---\ntitle: T\nmenu: 1\n- x\n---\n",
			"content/pages/p.md:4:1: error: invalid YAML: did not find expected key"},
		{"unclosed quote",
			"---\nmenu: 1\ntitle: \"T\n---\n",
			`content/pages/p.md:3:8: error: invalid YAML: the value of title starts with " but does not end with one; add it at the end of the value`},
		{"unclosed quote before other keys",
			"---\ntitle: \"T\nmenu: 1\ndescription: \"D\"\n---\n",
			`content/pages/p.md:2:8: error: invalid YAML: the value of title starts with " but does not end with one; add it at the end of the value`},
		{"unclosed single quote before other keys",
			"---\ntitle: 'T\nmenu: 1\ndescription: 'D'\n---\n",
			`content/pages/p.md:2:8: error: invalid YAML: the value of title starts with ' but does not end with one; add it at the end of the value`},
		{"unclosed quote in a list",
			"---\ntitle: T\nmenu: 1\naliases:\n  - \"a\n  - b\n---\n",
			`content/pages/p.md:5:5: error: invalid YAML: an item of aliases starts with " but does not end with one; add it at the end of the value`},
		{"a quoted value over two lines, then another mistake",
			"---\ntitle: \"T\n  and more\"\nmenu: 1\n- x\n---\n",
			"content/pages/p.md:5:1: error: invalid YAML: did not find expected key"},
		{"a quote in a comment, then another mistake",
			"---\n# note: \"remember to fix\ntitle: T\nmenu: [1\n---\n",
			"content/pages/p.md:4:7: error: invalid YAML: a list in [ ] is not closed, or its items are not separated by commas: add the ]"},
		{"quotes in a block scalar, then another mistake",
			"---\ndescription: |\n  He said: \"we will\n  - \"an item\ntitle: T\nmenu: [1\n---\n",
			"content/pages/p.md:6:7: error: invalid YAML: a list in [ ] is not closed, or its items are not separated by commas: add the ]"},
		{"bad character",
			"---\ntitle: T\nmenu: @x\n---\n",
			"content/pages/p.md:3:1: error: invalid YAML: found character that cannot start any token"},
		{"alias",
			"---\ntitle: &t T\nmenu: *t\n---\n",
			"content/pages/p.md:2:8: error: YAML aliases are not supported (&name and *name): write the value out in full"},
		{"alias to nothing",
			"---\ntitle: T\nmenu: *t\n---\n",
			"content/pages/p.md:3:7: error: YAML aliases are not supported (&name and *name): write the value out in full"},
		{"old Mac line endings",
			"---\rtitle: T\rmenu: x\r---\rBody.\r",
			"content/pages/p.md:3:7: error: menu must be a whole number: the page's place in the site menu"},
		{"mixed line endings keep line numbers",
			"---\r\ntitle: T\rmenu: x\n---\n",
			"content/pages/p.md:3:7: error: menu must be a whole number: the page's place in the site menu"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, d := Load(site("content/pages/p.md", tc.data), Options{})
			if got := diagLines(d); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
	// A comma in plain text where a list or one name was meant.
	for _, tc := range []struct{ name, from, to, want string }{
		{"topics", "claimant: X", "claimant: X\ntopics: Russia, Election security",
			`content/claims/a.md:4:9: warning: topics: "Russia, Election security" is one topic; for several, write a list: [Russia, Election security] (or put it in quotes if the comma belongs in it)`},
		{"claimant", "claimant: X", "claimant: Smith, Jones",
			`content/claims/a.md:3:11: warning: claimant: "Smith, Jones" is one name; write one name: who made the claim (or put it in quotes if the comma belongs in it)`},
		{"topics as a list", "claimant: X", "claimant: X\ntopics: [Russia, Election security]", ""},
		{"quoted topic", "claimant: X", "claimant: X\ntopics: \"Russia, Election security\"", ""},
		{"quoted claimant", "claimant: X", "claimant: \"Smith, Jones\"", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(claim, tc.from) {
				t.Fatalf("claimFM has no %q", tc.from)
			}
			_, d := Load(site("content/claims/a.md", strings.Replace(claim, tc.from, tc.to, 1)), Options{})
			if got := diagLines(d); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestTooManyTopics: one claim cannot make hundreds of thousands of pages.
// TestLongBrokenFrontMatter: explaining a YAML mistake in a long front
// matter (a list of 200,000 items, then a list not closed) takes time in
// proportion to its length.
func TestLongBrokenFrontMatter(t *testing.T) {
	claim := strings.Replace(claimFM, "%s", "accurate", 1)
	for _, item := range []string{
		"  - topic %d\n",
		"  - \"topic %d\n", // each opens a quote; the next item's closes it, as YAML reads it
	} {
		var topics strings.Builder
		for i := range 200000 {
			fmt.Fprintf(&topics, item, i)
		}
		data := strings.Replace(claim, "claimant: X\n", "claimant: X\ntopics:\n"+topics.String()+"aliases: [x\n", 1)
		_, d := loadWithin(t, time.Second, "content/claims/a.md", data)
		if d.Errors() == 0 {
			t.Errorf("no error for a broken front matter")
		}
	}
}

func TestTooManyTopics(t *testing.T) {
	claim := strings.Replace(claimFM, "%s", "accurate", 1)
	var topics, aliases strings.Builder
	for i := range 200000 {
		fmt.Fprintf(&topics, "  - topic %d\n", i)
	}
	for i := range 101 {
		fmt.Fprintf(&aliases, "  - old-%d\n", i)
	}
	data := strings.Replace(claim, "claimant: X\n", "claimant: X\ntopics:\n"+topics.String()+"aliases:\n"+aliases.String(), 1)
	s, d := Load(site("content/claims/a.md", data), Options{})
	want := "content/claims/a.md:5:3: error: topics: 200000 items; at most 100 are allowed, as each makes pages of its own\n" +
		"content/claims/a.md:200006:3: error: aliases: 101 items; at most 100 are allowed, as each makes pages of its own"
	if got := diagLines(d); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if c := s.Claim["a"]; c == nil || len(c.Topics) != 100 {
		t.Errorf("the claim keeps %d topics", len(c.Topics))
	}
	ok := strings.Replace(claim, "claimant: X\n", "claimant: X\ntopics: [a, b, c]\n", 1)
	if _, d := Load(site("content/claims/a.md", ok), Options{}); len(d) != 0 {
		t.Errorf("three topics: %s", diagLines(d))
	}
}

// FuzzExplainYAML: whatever the YAML, parseYAML reports its errors within
// the front matter's lines, without crashing.
func FuzzExplainYAML(f *testing.F) {
	for _, s := range []string{"title: T\n\tmenu: 1\n", "a: b: c\n", "a: \"b\n", "a: [1\n", "a: T\n  b: 1\n", "a: *x\n", "- a: b: c\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.ContainsAny(src, "\r\u0085\u2028\u2029") {
			return // line breaks to YAML, which cleanText turns into "\n" or content has not
		}
		var d diag.List
		parseYAML("p.md", []byte(src), 2, &d)
		last := 2 + strings.Count(src, "\n") + 1
		for _, x := range d {
			if x.Line < 2 || x.Line > last || x.Col < 1 {
				t.Errorf("%q: %s outside lines 2 to %d", src, x, last)
			}
		}
	})
}
