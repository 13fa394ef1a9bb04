package render

import (
	"image/color"
	"strings"
	"testing"
	"testing/fstest"

	"factcheck/generator/internal/card"
	"factcheck/generator/internal/site"
)

// TestRatingGraphic checks a claim page's rating graphic: the badge and
// a meter with one step per rating, the claim's raised, named by its place
// on the scale; and that a rating's own color reaches the badge (with
// text that contrasts with it), the meter, the verdict's border and the
// share card, while a rating without one keeps the built-in colour.
func TestRatingGraphic(t *testing.T) {
	fsys := fstest.MapFS{
		"content/site.yaml":   {Data: []byte("title: T\nratings:\n  - id: right\n    label: Right\n    color: \"#FFD400\"\n  - id: half\n    label: Half\n  - id: wrong\n    label: Wrong\n")},
		"content/claims/a.md": {Data: []byte("---\nclaim: A.\nclaimant: C\nclaim_date: 2021-01-01\nrating: right\nsummary: s\npublished: 2021-02-01\n---\nText.\n")},
		"content/claims/b.md": {Data: []byte("---\nclaim: B.\nclaimant: C\nclaim_date: 2021-01-01\nrating: half\nsummary: s\npublished: 2021-02-02\n---\nText.\n")},
	}
	s, diags := site.Load(fsys, site.Options{})
	if diags.Errors() > 0 {
		t.Fatal(diags)
	}
	out := renderWith(t, s, nil)
	a, b := out["claims/a/index.html"], out["claims/b/index.html"]
	for _, want := range []string{
		`<section class="verdict r-right" aria-labelledby="verdict" style="--rc: #ffd400">`,
		`<span class="badge r-right" data-value="3" style="--rc: #ffd400; --rc-ink: #111111">Right</span>`,
		`aria-label="3 on a scale from 1 (Wrong) to 3 (Right)" viewBox="0 0 3 0.7"`,
		`<g transform="translate(0 0)" data-value="3" class="current" style="--rc: #ffd400"><rect x=".04" y="0" width=".92" height=".7"`,
		`<g transform="translate(1 0)" data-value="2"><rect x=".04" y=".22"`,
	} {
		if !strings.Contains(a, want) {
			t.Errorf("claim a's page has no %s", want)
		}
	}
	for _, want := range []string{
		`<section class="verdict r-half" aria-labelledby="verdict">`,
		`<span class="badge r-half" data-value="2">Half</span>`,
		`<g transform="translate(1 0)" data-value="2" class="current"><rect`,
	} {
		if !strings.Contains(b, want) {
			t.Errorf("claim b's page has no %s", want)
		}
	}
	if n := strings.Count(a, "<g transform"); n != 3 {
		t.Errorf("the meter has %d steps, want 3", n)
	}
	if got := ratingColour(s.Claim["a"].Rating); got != (color.RGBA{0xff, 0xd4, 0x00, 0xff}) {
		t.Errorf("card colour of a rating with a color: %v", got)
	}
	if got := ratingColour(s.Claim["b"].Rating); got != card.RatingColour(2) {
		t.Errorf("card colour of a rating without one: %v", got)
	}
}
