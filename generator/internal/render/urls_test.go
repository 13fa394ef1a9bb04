package render

import (
	"testing"
	"time"
)

// TestTimeLink checks the original links of quotes with a time locator:
// YouTube's t parameter, a media fragment elsewhere.
func TestTimeLink(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.youtube.com/watch?v=abc", "https://www.youtube.com/watch?v=abc&t=83"},
		{"https://www.youtube.com/watch?v=abc&t=5&list=x", "https://www.youtube.com/watch?v=abc&list=x&t=83"},
		{"https://youtu.be/abc", "https://youtu.be/abc?t=83"},
		{"https://m.youtube.com/watch?v=abc#comments", "https://m.youtube.com/watch?v=abc&t=83"},
		{"https://media.example.org/talk.mp4", "https://media.example.org/talk.mp4#t=83"},
		{"https://media.example.org/talk.mp4#t=5", "https://media.example.org/talk.mp4#t=83"},
		{"https://example.org/video?id=4", "https://example.org/video?id=4#t=83"},
		{"https://notyoutube.com/watch?v=abc", "https://notyoutube.com/watch?v=abc#t=83"},
	}
	for _, tt := range tests {
		if got := timeLink(tt.url, 83*time.Second+400*time.Millisecond); got != tt.want {
			t.Errorf("timeLink(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestHumanSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{999, ""}, {1000, "1.00 kB"}, {1398297, "1.40 MB"}, {52_428_800, "52.4 MB"}, {999_999, "1.00 MB"}, {123_456_789_012, "123 GB"},
	}
	for _, tt := range tests {
		if got := humanSize(tt.n); got != tt.want {
			t.Errorf("humanSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestLangURLs checks the links of another language's pages: the paths
// each language has its own of are under its folder, the others (sources,
// free pages, assets) are the site's own language's, under the base path
// either way.
func TestLangURLs(t *testing.T) {
	u := NewURLs("https://example.org/sub/")
	u.Lang = "es/"
	for p, want := range map[string]string{
		"":                  "/sub/es/",
		"claims/":           "/sub/es/claims/",
		"claims/page/2/":    "/sub/es/claims/page/2/",
		"topics/irán/":      "/sub/es/topics/ir%C3%A1n/",
		"claims.json":       "/sub/es/claims.json",
		"feed.xml":          "/sub/es/feed.xml",
		"search/index.json": "/sub/es/search/index.json",
		"sources/x/":        "/sub/sources/x/",
		"about/":            "/sub/about/",
		"assets/style.css":  "/sub/assets/style.css",
		"sitemap.xml":       "/sub/sitemap.xml",
		"claimsx/":          "/sub/claimsx/",
	} {
		if got := u.Rel(p); got != want {
			t.Errorf("Rel(%q) = %q, want %q", p, got, want)
		}
	}
	if got := u.relPage("claims/", "x"); got != "/sub/es/claims/x/" {
		t.Errorf("relPage(claims/, x) = %q", got)
	}
	if got := u.relPage("sources/", "x"); got != "/sub/sources/x/" {
		t.Errorf("relPage(sources/, x) = %q", got)
	}
	if got := u.Abs(""); got != "https://example.org/sub/es/" {
		t.Errorf("Abs(\"\") = %q", got)
	}
	for tag, want := range map[string]string{"en": "English", "es": "Español", "pt": "Português", "fr": "Français", "de": "Deutsch", "ar": "العربية", "zh": "中文", "not a tag": "not a tag"} {
		if got := autonym(tag); got != want {
			t.Errorf("autonym(%q) = %q, want %q", tag, got, want)
		}
	}
}

// TestAssetVersions: scripts and style sheets, and the generated
// assets/chroma.css, get a version that changes with their bytes, and
// Page.URL adds it to links to them; other files get none.
func TestAssetVersions(t *testing.T) {
	static := func(js string) []Job {
		return []Job{
			{Path: "assets/app.js", Render: func() ([]byte, error) { return []byte(js), nil }},
			{Path: "assets/style.css", Render: func() ([]byte, error) { return []byte("body{}"), nil }},
			{Path: "assets/logo.png", Render: func() ([]byte, error) { return []byte("png"), nil }},
		}
	}
	v1, err := AssetVersions(static("one"))
	if err != nil {
		t.Fatal(err)
	}
	v2, _ := AssetVersions(static("two"))
	for _, p := range []string{"assets/app.js", "assets/style.css", "assets/chroma.css"} {
		if len(v1[p]) != 10 {
			t.Errorf("version of %s = %q, want 10 hex digits", p, v1[p])
		}
	}
	if v1["assets/app.js"] == v2["assets/app.js"] || v1["assets/style.css"] != v2["assets/style.css"] {
		t.Errorf("versions %v and %v: want app.js's alone to differ", v1, v2)
	}
	if _, ok := v1["assets/logo.png"]; ok {
		t.Errorf("logo.png has a version: %v", v1)
	}
	p := &Page{r: &Renderer{urls: URLs{Base: "/sub/"}, Assets: v1}}
	if got, want := p.URL("assets/app.js"), "/sub/assets/app.js?v="+v1["assets/app.js"]; got != want {
		t.Errorf("URL(assets/app.js) = %q, want %q", got, want)
	}
	if got := p.URL("assets/logo.png"); got != "/sub/assets/logo.png" {
		t.Errorf("URL(assets/logo.png) = %q, want no version", got)
	}
}
