package render

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"factcheck/generator/internal/site"
)

// TestRelatedClaims checks a claim page's one list of related
// fact-checks: the claims it cross-links with first (its own links in
// order, then those linking to it), then the newest sharing a topic, the
// claimant or a source; no claim twice, not the claim itself, at most
// maxRelated. It also checks that the page prints that list, and the
// short forms as labels.
func TestRelatedClaims(t *testing.T) {
	fsys := fstest.MapFS{
		"content/sources/s.md": {Data: []byte("---\ntitle: S\npublisher: P\n---\nText.\n")},
	}
	// id, published day, claimant, topics, body
	claims := []struct{ id, day, claimant, topics, body string }{
		{"a", "01", "Ann", "[x]", "See [[b]] and [[c]] and [[b]]."}, // b twice: once in the list
		{"b", "02", "Bob", "[x, y]", "See [[a]]."},                  // links back to a: once
		{"c", "03", "Cy", "[y]", ""},
		{"d", "04", "Ann", "[]", "See [[a]]."},
		{"e", "05", "Eve", "[x]", "[@s]"},
		{"f", "06", "Fay", "[x]", "[@s]"},
		{"g", "07", "Gus", "[x]", ""},
		{"h", "08", "Hal", "[x]", ""},
		{"i", "09", "Ida", "[w]", "See [[i]]."}, // links to itself only
		{"j", "10", "Jo", "[v]", "See [[a]] [[b]] [[c]] [[d]] [[e]] [[f]] [[g]]."},
		{"k", "11", "Kit", "[u]", ""},
	}
	for _, c := range claims {
		fsys["content/claims/"+c.id+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\nclaim: The whole claim %s, in many words.\nshort: Short %s\nclaimant: %s\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-02-%s\ntopics: %s\n---\nText. %s\n",
			c.id, c.id, c.claimant, c.day, c.topics, c.body))}
	}
	s, diags := site.Load(fsys, site.Options{})
	if diags.Errors() > 0 {
		t.Fatal(diags)
	}
	ids := func(cs []*site.Claim) string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		id, want, why string
	}{
		{"a", "b c j d h", "its links in order (b once), then j and d that link to it, newest first; then topic x's newest, h"},
		{"b", "a j h g f", "a (linked both ways, once), j links to b; then topic x and y, newest first, without a"},
		{"e", "j h g f b", "j links to e; then the source's f and topic x's newest"},
		{"i", "", "a link to itself, and nothing shared"},
		{"j", "a b c d e", "seven links: the first five"},
		{"k", "", "nothing shared"},
	} {
		got := relatedClaims(s, s.Claim[tc.id], maxRelated)
		if ids(got) != tc.want {
			t.Errorf("related of %s = %q, want %q (%s)", tc.id, ids(got), tc.want, tc.why)
		}
		seen := map[*site.Claim]bool{}
		for _, c := range got {
			if seen[c] || c.ID == tc.id {
				t.Errorf("related of %s lists %s twice or itself", tc.id, c.ID)
			}
			seen[c] = true
		}
	}

	out := renderWith(t, s, nil)
	page := out["claims/a/index.html"]
	i := strings.Index(page, `<section class="related"`)
	if i < 0 {
		t.Fatal("claim a's page has no related fact-checks")
	}
	rel := page[i:]
	rel = rel[:strings.Index(rel, "</section>")]
	if n := strings.Count(rel, "<li>"); n != 5 {
		t.Errorf("claim a's page lists %d related fact-checks, want 5:\n%s", n, rel)
	}
	for _, want := range []string{`>Short b</a>`, `>Short h</a>`} {
		if !strings.Contains(rel, want) {
			t.Errorf("the related list has no %s:\n%s", want, rel)
		}
	}
	if strings.Contains(rel, "whole claim") {
		t.Errorf("the related list labels a claim with its whole text, not its short form:\n%s", rel)
	}
	// The cross-link in the analysis is labelled with the short form too.
	if !strings.Contains(page, `<span class="xref"><a href="/claims/b/">Short b</a></span>`) {
		t.Errorf("the cross-link to b is not labelled with its short form")
	}
	if strings.Contains(page, "<h3>Linked from</h3>") {
		t.Error("the page still has a separate linked-from list")
	}
}
