package render

import (
	"net/url"
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

// TestShareLinks checks that each share link carries the page's absolute
// address and its text whole, however odd the text: every link parses,
// and its query (or, for e-mail, its mailto fields) decodes to the
// address and the text, with spaces as %20, never "+".
func TestShareLinks(t *testing.T) {
	short := `Tom & Jerry: "#1" + 50% — é?x=1`
	fsys := fstest.MapFS{
		"content/site.yaml":     {Data: []byte("title: T\nbase_url: https://example.org/sub/\n")},
		"content/claims/odd.md": {Data: []byte("---\nclaim: The whole claim.\nshort: '" + short + "'\nclaimant: C\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-02-01\n---\nText.\n")},
	}
	s, diags := site.Load(fsys, site.Options{})
	if diags.Errors() > 0 {
		t.Fatal(diags)
	}
	r := New(s, nil)
	p, err := r.claim(s.Claim["odd"])
	if err != nil {
		t.Fatal(err)
	}
	const page = "https://example.org/sub/claims/odd/"
	text := "False: “" + short + "”"
	if got := p.ShareText(); got != text {
		t.Errorf("ShareText = %q, want %q", got, text)
	}
	// Which query field holds the address and which the text; "" where
	// the two are joined in the text field.
	want := map[string]struct{ host, urlKey, textKey string }{
		"X":        {"x.com", "url", "text"},
		"Facebook": {"www.facebook.com", "u", ""},
		"WhatsApp": {"wa.me", "", "text"},
		"Telegram": {"t.me", "url", "text"},
		"Bluesky":  {"bsky.app", "", "text"},
		"E-mail":   {"", "body", "subject"},
	}
	links := p.ShareLinks()
	if len(links) != len(want) {
		t.Fatalf("%d share links, want %d: %v", len(links), len(want), links)
	}
	for _, l := range links {
		w, ok := want[l.Name]
		if !ok {
			t.Errorf("unexpected share link %q", l.Name)
			continue
		}
		if strings.Contains(l.URL, "+") || strings.Contains(l.URL, " ") {
			t.Errorf("%s: %s has a + or a space", l.Name, l.URL)
		}
		u, err := url.Parse(l.URL)
		if err != nil {
			t.Errorf("%s: %v", l.Name, err)
			continue
		}
		if l.Name == "E-mail" {
			if u.Scheme != "mailto" {
				t.Errorf("E-mail: scheme %q", u.Scheme)
			}
		} else if u.Scheme != "https" || u.Host != w.host {
			t.Errorf("%s: %s is not on https://%s", l.Name, l.URL, w.host)
		}
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			t.Errorf("%s: query: %v", l.Name, err)
			continue
		}
		if w.urlKey != "" && q.Get(w.urlKey) != page {
			t.Errorf("%s: %s = %q, want %q", l.Name, w.urlKey, q.Get(w.urlKey), page)
		}
		switch {
		case w.textKey == "":
		case w.urlKey == "":
			if got := q.Get(w.textKey); got != text+" "+page {
				t.Errorf("%s: %s = %q, want the text and the address", l.Name, w.textKey, got)
			}
		default:
			if got := q.Get(w.textKey); got != text {
				t.Errorf("%s: %s = %q, want %q", l.Name, w.textKey, got, text)
			}
		}
	}
}
