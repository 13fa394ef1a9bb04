package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRelated checks the related fact-checks of a claim: those sharing a
// topic, the claimant or a source, newest first, without the claim, the
// skipped ones or duplicates; and CrossLinked's one list of links.
func TestRelated(t *testing.T) {
	fsys := fstest.MapFS{
		"content/sources/s.md": {Data: []byte("---\ntitle: S\npublisher: P\n---\nText.\n")},
	}
	// claim id, published day, claimant, topics, cites s, body
	claims := []struct{ id, day, claimant, topics, body string }{
		{"a", "01", "Ann", "[x]", "See [[b]]."},
		{"b", "02", "Bob", "[x, y]", ""},
		{"c", "03", "Cy", "[y]", "See [[a]]."},
		{"d", "04", "Ann", "[]", ""},
		{"e", "05", "Eve", "[z]", "[@s]"},
		{"f", "06", "Fay", "[]", "[@s]"},
		{"g", "07", "Gus", "[w]", ""},
	}
	for _, c := range claims {
		fsys["content/claims/"+c.id+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\nclaim: %s\nclaimant: %s\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-02-%s\ntopics: %s\n---\nText. %s\n",
			c.id, c.claimant, c.day, c.topics, c.body))}
	}
	s, diags := Load(fsys, Options{})
	if diags.Errors() > 0 {
		t.Fatal(diags)
	}
	ids := func(cs []*Claim) string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		id   string
		n    int
		skip []string
		want string
	}{
		{"a", 5, nil, "d b"},         // Ann's d, topic x's b; newest first
		{"b", 5, nil, "c a"},         // topics x and y
		{"b", 1, nil, "c"},           // at most n
		{"a", 5, []string{"b"}, "d"}, // a page lists b already
		{"e", 5, nil, "f"},           // the same source
		{"g", 5, nil, ""},            // nothing shared
	} {
		var skip []*Claim
		for _, id := range tc.skip {
			skip = append(skip, s.Claim[id])
		}
		if got := ids(s.Related(s.Claim[tc.id], tc.n, skip)); got != tc.want {
			t.Errorf("Related(%s, %d, %v) = %q, want %q", tc.id, tc.n, tc.skip, got, tc.want)
		}
	}
	// a links to b and is linked from c: one list, links first.
	if got := ids(s.Claim["a"].CrossLinked()); got != "b c" {
		t.Errorf("CrossLinked(a) = %q, want \"b c\"", got)
	}
	if got := ids(s.Claim["b"].CrossLinked()); got != "a" {
		t.Errorf("CrossLinked(b) = %q, want \"a\"", got)
	}
}
