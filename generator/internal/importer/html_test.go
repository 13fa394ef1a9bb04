package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHTML imports saved pages shaped like real news sites and blogs:
// scripts, navigation, a consent banner, ads, a newsletter box, related
// links, a sidebar and a footer around the article.
func TestHTML(t *testing.T) {
	tests := []struct {
		file                      string
		pageURL                   string
		title, publisher, url     string
		published                 string
		authors                   []string
		has, hasNot, paragraphsIn []string
	}{
		{
			file:      "news-article.html",
			title:     "US believes Putin approved bid to influence election",
			publisher: "Example News",
			url:       "https://news.example.com/en/us-believes-putin-approved-bid/a-123",
			published: "2021-03-16",
			authors:   []string{"Jane Reporter", "Sam Editor"},
			has: []string{
				"A US intelligence report released on Tuesday said that Russian President Vladimir Putin likely approved",
				`there were no "persistent cyber efforts to gain access to election infrastructure."`,
				"Iran tried to hinder Trump, China 'did not deploy'",
				"The declassified report was released on March 16", // a figure's caption
			},
			hasNot: []string{
				"cookies", "Accept all", "Business", "Live TV", "Advertisement", "newsletter", "Subscribe",
				"Related content", "Kremlin rejects", "All rights reserved", "gtag", "A photo of the report", // alt text
				"dataLayer",
			},
			paragraphsIn: []string{
				"It also found that Beijing \"considered but did not deploy\" influence operations, and ultimately did not seek to interfere with the elections from either side.\nThe reports' authors believed",
			},
		},
		{
			file:    "blog-post.html",
			pageURL: "https://county.example.org/2020/11/why-the-count-took-so-long/",
			title:   "Why the count took so long",
			url:     "https://county.example.org/2020/11/why-the-count-took-so-long/",
			authors: []string{"Pat Clerk"}, // <meta name=author>
			has: []string{
				"Every ballot that arrived by mail had to be checked against the voter's signature on file before it could be opened.",
				"Ballots received by mail:   182,311\nSignatures checked per day:  21,400", // pre keeps its lines and spaces
				"well within the deadline of the law.",
			},
			hasNot: []string{"Archives", "November 2020", "Powered by", "Contact"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := HTML(data, tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || d.Publisher != tt.publisher || d.URL != tt.url {
				t.Errorf("title, publisher, url = %q, %q, %q; want %q, %q, %q", d.Title, d.Publisher, d.URL, tt.title, tt.publisher, tt.url)
			}
			if got := date(d.Published); got != tt.published {
				t.Errorf("published = %q, want %q", got, tt.published)
			}
			if strings.Join(d.Authors, "; ") != strings.Join(tt.authors, "; ") {
				t.Errorf("authors = %q, want %q", d.Authors, tt.authors)
			}
			for _, s := range tt.has {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, d.Text)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(d.Text, s) {
					t.Errorf("text has boilerplate %q:\n%s", s, d.Text)
				}
			}
			for _, p := range tt.paragraphsIn {
				found := false
				for _, para := range strings.Split(d.Text, "\n\n") {
					if strings.Contains(para, p) {
						found = true
					}
				}
				if !found {
					t.Errorf("no paragraph holds %q", p)
				}
			}
			if strings.HasPrefix(d.Text, tt.title) {
				t.Errorf("the text starts with the title, which belongs in the front matter")
			}
		})
	}
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func TestHTMLWithoutArticle(t *testing.T) {
	empty := "<html><head><title>x</title></head><body><script>render()</script></body></html>"
	if d, err := Extract([]byte(empty), "page.html", ""); err == nil {
		t.Errorf("Extract(%q) = %q, want an error", empty, d.Text)
	}
	navOnly := "<html><body><nav><a href=/>Home</a></nav><script>var x</script></body></html>"
	d, err := Extract([]byte(navOnly), "page.html", "")
	if err != nil || len(d.Warnings) == 0 || !strings.Contains(d.Warnings[0], "only 1 words") {
		t.Errorf("Extract(%q) = %v, %v; want a warning that the article is short", navOnly, d, err)
	}
}

// FuzzBlockWriter checks that the text written from any HTML is trimmed,
// has no empty paragraphs, and no paragraph holding only white space.
func FuzzBlockWriter(f *testing.F) {
	for _, name := range []string{"news-article.html", "blog-post.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<p>a<br><br>b</p><pre>  x\n\n  y</pre><li>c"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := HTML(data, "")
		if err != nil {
			return
		}
		if d.Text != strings.TrimSpace(d.Text) {
			t.Fatalf("text not trimmed: %q", d.Text)
		}
		for _, p := range strings.Split(d.Text, "\n\n") {
			if strings.TrimSpace(p) == "" && d.Text != "" {
				t.Fatalf("empty paragraph in %q", d.Text)
			}
		}
	})
}
