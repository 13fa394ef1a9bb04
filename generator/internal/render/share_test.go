package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

// TestShareWithoutBaseURL checks a site with no absolute base URL: its
// claim pages name their card by path, and have no share links (a link
// shared must be absolute).
func TestShareWithoutBaseURL(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, data := range synth.Files(3, 1) {
		if name == "content/site.yaml" {
			data = []byte(strings.ReplaceAll(string(data), "base_url: https://example.org/", "base_url: /sub/"))
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	s, diags := site.Load(fsys, site.Options{})
	if diags.Errors() > 0 {
		t.Fatal(diags)
	}
	out := renderWith(t, s, nil)
	c := s.Claims[0]
	page := out[claimPath(c.ID)+"index.html"]
	for _, want := range []string{`<meta property="og:image" content="/sub/claims/` + c.ID + `/card.png">`, `<meta name="twitter:card" content="summary_large_image">`} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.Contains(page, `class="share"`) {
		t.Error("share links without an absolute address")
	}
	if _, ok := out[cardPath(c.ID)]; !ok {
		t.Errorf("no %s", cardPath(c.ID))
	}
	if strings.Contains(out["index.html"], "og:image") {
		t.Error("the home page names a share card")
	}
}
