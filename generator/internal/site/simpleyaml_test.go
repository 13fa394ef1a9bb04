package site

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/synth"
)

// sameAsYAMLv3 fails t unless yaml.v3 parses src into the nodes that
// simpleYAML returned for it, but for comments, which simpleYAML leaves
// out.
func sameAsYAMLv3(t *testing.T, src string, got *yaml.Node) {
	t.Helper()
	var want yaml.Node
	if err := yaml.Unmarshal([]byte(src), &want); err != nil {
		t.Fatalf("simpleYAML read %q, which yaml.v3 rejects: %v", src, err)
	}
	noComments(&want)
	if !reflect.DeepEqual(got, &want) {
		t.Fatalf("simpleYAML(%q):\n%s\nyaml.v3:\n%s", src, dumpNode(got), dumpNode(&want))
	}
}

func noComments(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		noComments(c)
	}
}

func dumpNode(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "%*skind=%v tag=%q value=%q style=%v %d:%d anchor=%q comments=%q %q %q\n", 2*depth, "",
			n.Kind, n.Tag, n.Value, n.Style, n.Line, n.Column, n.Anchor, n.HeadComment, n.LineComment, n.FootComment)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func TestSimpleYAML(t *testing.T) {
	read := []string{
		"claim: \"x y\"\nrating: false\nclaim_date: 2017-06-28\n",
		"\n\ntitle: 'it''s' \nauthors:\n  - \"Ruth Adeyemi\"\n  -   plain text\n\n  - Ünal\ntopics:\n- Taxes\n",
		"claimant:\n  name: The Retail Federation\n  url: https://example.org/a?b=c\n  type: person\ndraft: true\n",
		"a:\nb: null\nc: NULL\nd: yes\ne: ''\nf: \"\"\ng: 'a''''b'\nh: \"it's: fine\"\n",
		"empty:\n",
		"url: https://x.org/a:b\nk-1_x: v - w, [x] {y} \"z\" 'q'\ny: n\n",
		"a: \"x\"\na: \"dup\"\n",
		"a: |\n  text\n", "a: >\n  text\n", "a: >-\n  one\n  two\nb: x\n", "a: |-\n    l1\n    l2 - x: y\n", "a: >\n  x\n",
		"menu: 1\nn: 0\nbig: 123456789\n",
		"corrections:\n  - date: 2024-01-20\n    note: \"A fix.\"\n  - date: 2024-02-05\n    note: x\nb: c\n",
		"c:\n- a: b\n  c: d\n- e\n",
		// Comments.
		"a: b # comment\n", "# head\na: b\n", "a: b\n# foot\n", "a: 'x' # c\nb: \"y\"  #\n", "a: # c\n  - x # c\n  # c\n  - y\n",
		"a:\n# c\n- x\n  # c\nb: c\n", "a: x#y\n", "a: \"x # y\"\n", "a: 'x '' # y'\n", "a: 2017-06-28 # date\nb: 12 # n\n",
		"a: >\n  x # y\n# c\nb: z\n", "a: |-\n  x\n  y\n\n# c\n", "c:\n  - date: 2024-01-20 # c\n    # c\n    note: x # c\n",
		"claimant: # who\n  name: X # c\n  url: https://x.org/#a\n",
		// Escapes in double quotes; backslashes elsewhere.
		"a: \"say \\\"no\\\"\"\nb: \"x\\\\y\"\n", "a: [\"\\\"q\\\"\", \"a,\\\\\"]\n", "a: C:\\x\\y\nb: 'x\\'\nc: |\n  \\n\n",
		// Flow lists.
		"a: [x, y]\n", "a: []\n", "a: [ ]\n", "a: [x]\n", "a: [ x ,y ]\n", "a: [\"x, y\", 'z''s', plain text, Ünal]\n",
		// Block scalars in nested mappings.
		"a:\n  b: >\n    x\n", "a:\n  b: |-\n    x\n    y\n  c: d\ne: f\n", "c:\n  - date: 2024-01-20\n    note: >-\n      A fix\n      here.\n  - note: |\n     x\n    date: 2024-02-01\n",
		"a:\n- b: >\n   x\n  # c\n- c\n", "a:\n  b: >\n    x\n\nc: d\n",
		"a: |\n  x\n  # y\n", "a:\n  b: >\n    x\n  # c\n  d: e\n", "a:\n  b: |-\n    x\n# c\n  d: e\n",
		"a: [true, 12, 2017-06-28, null, x] # c\n", "a:\n  - [x, y]\n", "a:\n  b: [x]\nc: [y] #\n", "a: [it's, a\"b]\n",
	}
	for _, src := range read {
		got, ok := simpleYAML([]byte(src))
		if !ok {
			t.Errorf("simpleYAML(%q) declined", src)
			continue
		}
		sameAsYAMLv3(t, src, got)
	}
	// Everything else is left to yaml.v3.
	declined := []string{
		"", "\n", "---\na: b\n", "%YAML 1.2\na: b\n",
		"a:\tb\n", "a: \"x\\ny\"\n", "a: \"x\\u00e9\"\n", "a: \"x\\/\"\n", "a: \"x\\\"\n", "a: \"x\\ \"\n", "a: \"\\\"x\"y\"\n", "# only\n", "a: > # c\n  x\n", "a: >\n  # c\n", "a: >\n # c\n  x\n",
		"a: \"x\"# c\n", "a: [x, y,]\n", "a: [x, [y]]\n", "a: [x: y]\n", "a: [x\n", "a: [x,\n  y]\n", "a: [x] y\n", "a: [\"x\" y]\n",
		"a: [x]#c\n", "a: [a#b]\n", "a: [{x: y}]\n", "a: [-x]\n",
		"a: {x: y}\n", "a: &x b\n", "a: *x\n", "a: !!str b\n", "a: >\n  x\n\n  y\n", "a: >\n  x\n    y\n", "a: >\n    x\n  y\n", "a: >2\n  x\n", "a: >+\n  x\n",
		"a: >\n  x", "a: >\nb: c\n", "a: >\n  x \n", "a:\n  - >\n    x\n", "a:\n  b: >\n  x\n", "a:\n- b: >\n  x\n",
		"a:\n- b: c\n   d: e\n", "a:\n- b: c\n- d:\n", "a:\n- b:\n", "a: 01\n", "a: 1234567890\n", "a: 1_000\n",
		"a: b\n  continued\n", "a: \"open\n  close\"\n", "a: b: c\n", "a: b:\n", "a:b\n", "a: \n", "  a: b\n",
		"a: 1.5\n", "a: -x\n", "a: 2017-13-45\n", "a: ~\n", "a: .inf\n", "a: @x\n", "a: `x`\n", "a: ?x\n",
		"a:\n  - x\n  y: z\n", "a:\n  - x\n    - y\n", "a:\n  - - x\n", "a:\n  -x\n", "a:\n  x: y\n z: w\n", "a:\n  x:\n",
		"a:\n  x: y\n    z: w\n", "true: x\n", "null: x\n", "1a: x\n", "\"a\": x\n", "? a\n: b\n", "a: b\n- c\n",
		"a: x\u2028b: y\n", "a: x\u0085\n", "a: \ufeffx\n", "a: \x01\n", "a: x\x7f\n", "a: 'x\n", "a: 'x'y'\n", "a: \"x\"y\"\n",
		"   \na: b\n",
	}
	for _, src := range declined {
		if got, ok := simpleYAML([]byte(src)); ok {
			t.Errorf("simpleYAML(%q) read it:\n%s", src, dumpNode(got))
		}
	}
}

// TestSimpleYAMLOnContent checks every front matter of the example site
// and of a synthetic one: each that simpleYAML reads must give what
// yaml.v3 gives, and it must read all of the synthetic site's.
func TestSimpleYAMLOnContent(t *testing.T) {
	check1 := func(name string, b []byte) bool {
		var d diag.List
		f, ok := splitFile(name, cleanText(name, b, &d), &d)
		if !ok {
			return true
		}
		got, ok := simpleYAML(f.yaml)
		if ok {
			sameAsYAMLv3(t, string(f.yaml), got)
		}
		return ok
	}
	read, all := 0, 0
	fs.WalkDir(os.DirFS("../../.."), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			b, _ := os.ReadFile("../../../" + p)
			all++
			if check1(p, b) {
				read++
			}
		}
		return err
	})
	t.Logf("simpleYAML read %d of the example site's %d front matters", read, all)
	if all == 0 {
		t.Fatal("no content found")
	}
	for _, shape := range synth.Shapes {
		for name, b := range synth.FilesShape(300, 1, shape) {
			if strings.HasSuffix(name, ".md") && !check1(name, b) {
				t.Errorf("simpleYAML declined the front matter of synthetic %s (%s):\n%s", name, shape, b[:min(len(b), 600)])
			}
		}
	}
}

// TestSimpleYAMLComposed checks random front matter made of pieces that
// mostly fit together (composeYAML), and that enough of it is read.
func TestSimpleYAMLComposed(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	read, keys, blocks, items, nested, flows, comments := 0, 0, 0, 0, 0, 0, 0
	for range 300_000 {
		b := make([]byte, 3*(1+r.IntN(8)))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		src := composeYAML(string(b))
		got, ok := simpleYAML([]byte(src))
		if !ok {
			continue
		}
		sameAsYAMLv3(t, src, got)
		read++
		if strings.Contains(src, "#") {
			comments++
		}
		var walk func(n *yaml.Node, depth int)
		walk = func(n *yaml.Node, depth int) {
			if depth > 2 && n.Style&(yaml.FoldedStyle|yaml.LiteralStyle) != 0 {
				nested++
			}
			if n.Style == yaml.FlowStyle {
				flows++
			}
			for _, c := range n.Content {
				walk(c, depth+1)
			}
		}
		walk(got, 0)
		m := got.Content[0]
		if len(m.Content) > 2 {
			keys++
		}
		for _, v := range m.Content {
			if v.Style&(yaml.FoldedStyle|yaml.LiteralStyle) != 0 {
				blocks++
			}
			if v.Kind == yaml.SequenceNode && len(v.Content) > 0 && v.Content[0].Kind == yaml.MappingNode {
				items++
			}
		}
	}
	t.Logf("read %d: %d with several keys, %d block scalars, %d lists of mappings, %d nested block scalars, %d flow lists, %d with comments",
		read, keys, blocks, items, nested, flows, comments)
	if read < 2000 || keys < 100 || blocks < 100 || items < 3 || flows < 100 || comments < 100 {
		t.Errorf("too little read to test: %d, %d with several keys, %d block scalars, %d lists of mappings, %d nested block scalars, %d flow lists, %d with comments",
			read, keys, blocks, items, nested, flows, comments)
	}
}

// TestSimpleYAMLNestedBlocks checks block scalars in nested mappings and
// in lists' mappings, at every indentation, with what may follow them.
func TestSimpleYAMLNestedBlocks(t *testing.T) {
	read, nested := 0, 0
	for _, head := range []string{"a:\n  b: ", "a:\n- b: ", "a:\n  - b: ", "a:\n  - c: d\n    b: ", "a:\n    b: ", "b: "} {
		for _, ind := range []string{">", ">-", "|", "|-", "> # c", "|2"} {
			for _, spaces := range []string{" ", "  ", "   ", "    ", "     ", "      "} {
				for _, body := range []string{"x", "x\n" + spaces + "y z", "x # c", "x\n" + spaces + " y", "x\n\n" + spaces + "y"} {
					for _, tail := range []string{"", "\n", "# c\n", "  # c\n", "c: d\n", "  e: f\n", "- g\n", "  - g\n", "    h: i\n", "\n  e: f\n"} {
						src := head + ind + "\n" + spaces + body + "\n" + tail
						got, ok := simpleYAML([]byte(src))
						if !ok {
							continue
						}
						sameAsYAMLv3(t, src, got)
						read++
						if !strings.HasPrefix(head, "b") {
							nested++
						}
					}
				}
			}
		}
	}
	t.Logf("read %d, %d with a nested block scalar", read, nested)
	if nested < 200 {
		t.Errorf("read only %d documents with nested block scalars", nested)
	}
}

// FuzzSimpleYAML checks that what simpleYAML reads, yaml.v3 reads the same.
func FuzzSimpleYAML(f *testing.F) {
	for _, s := range []string{
		"claim: \"x y\"\nrating: false\nclaim_date: 2017-06-28\nauthors:\n  - \"A\"\ntopics:\n- B\n",
		"claimant:\n  name: X\n  url: https://x.org/\nempty:\nlast: 'it''s'\n",
		"a: b\n\n  - c\n", "a:\n\n\nb: c\n", "a: Ü x\n", "a: x\u00a0\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// s itself, and s as choices among pieces of front matter, which
		// makes much more of what simpleYAML reads.
		for _, src := range []string{s, composeYAML(s)} {
			if got, ok := simpleYAML([]byte(src)); ok {
				sameAsYAMLv3(t, src, got)
			}
		}
	})
}

// composeYAML makes front matter out of pieces, each byte of choices
// picking the next; most pieces fit together, a few do not.
func composeYAML(choices string) string {
	indents := []string{"", "", "", "", "  ", "  ", "  ", "    ", " ", "   "}
	starts := []string{"key: ", "claim_date: ", "k2: ", "a-b: ", "x:", "x:", "k:", "- ", "- ", "- k: ", "- k: ", "true: ", ""}
	values := []string{"\"quoted text\"", "'it''s'", "plain text", "2017-06-28", "12", "0", "false", "Null", "no", "Ünal",
		"https://x.org/a:b", ">-", ">", "|", "|-", "\"\"", "''", "a  b", "text of a block", "- x", "2017-02-30", "007",
		"a: b", "x:", "[a]", "{a: b}", "~", "", "'x", "\"x",
		"\"a \\\"b\\\" c\"", "\"x\\\\y\"", "\"\\n\"", "\"x\\\"", "back\\slash", "'x\\'", ">-\n      folded text", "|-\n      x # y",
		"# c", "x # c", "'x' # c", "\"a # b\"", "x#y", "[a, \"b c\"]", "[]", "[ a ,b ] # c", "[a, [b]]", "[a,", "[x: y]", "[12, true, 'q']", "[a#b]"}
	var b strings.Builder
	for i := 0; i+2 < len(choices); i += 3 {
		b.WriteString(indents[int(choices[i])%len(indents)])
		b.WriteString(starts[int(choices[i+1])%len(starts)])
		b.WriteString(values[int(choices[i+2])%len(values)])
		switch choices[i] >> 6 {
		case 0, 1, 2:
			b.WriteByte('\n')
		case 3:
			b.WriteString(" \n\n")
		}
	}
	return b.String()
}

// BenchmarkFrontMatter parses the front matter of every file of a
// synthetic site of 1,000 claims, in each shape: as the loader does
// (simpleYAML, and yaml.v3 for what it declines), and with yaml.v3 alone.
func BenchmarkFrontMatter(b *testing.B) {
	for _, shape := range synth.Shapes {
		var docs [][]byte
		for name, data := range synth.FilesShape(1000, 1, shape) {
			if strings.HasSuffix(name, ".md") {
				var d diag.List
				if f, ok := splitFile(name, data, &d); ok {
					docs = append(docs, f.yaml)
				}
			}
		}
		b.Run(shape.String()+"/simpleYAML", func(b *testing.B) {
			declined := 0
			for b.Loop() {
				declined = 0
				for _, src := range docs {
					if _, ok := simpleYAML(src); !ok {
						declined++
						var n yaml.Node
						if err := yaml.Unmarshal(src, &n); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
			b.ReportMetric(float64(declined), "declined")
		})
		b.Run(shape.String()+"/yaml.v3", func(b *testing.B) {
			for b.Loop() {
				for _, src := range docs {
					var n yaml.Node
					if err := yaml.Unmarshal(src, &n); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
