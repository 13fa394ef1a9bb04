package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Files returns the site's files in the Plain shape, keyed by slash path
// relative to the site root ("content/site.yaml",
// "content/claims/0/claim-00001.md", "content/sources/source-0001.md" ...).
func Files(n int, seed int64) map[string][]byte {
	return Generate(n, seed).Files()
}

// FilesShape returns the site's files in the given shape.
func FilesShape(n int, seed int64, shape Shape) map[string][]byte {
	return Generate(n, seed).FilesShape(shape)
}

// Write writes Files(n, seed) below dir.
func Write(dir string, n int, seed int64) error {
	return WriteFiles(dir, Files(n, seed))
}

// WriteFiles writes files (keyed by slash path) below dir, making folders as
// needed.
func WriteFiles(dir string, files map[string][]byte) error {
	made := map[string]bool{}
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(path); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Files renders the site in the project's content format, in the Plain
// shape.
func (s *Site) Files() map[string][]byte { return s.FilesShape(Plain) }

// FilesShape renders the site in the project's content format, its front
// matter and folders in the given shape.
func (s *Site) FilesShape(shape Shape) map[string][]byte {
	files := make(map[string][]byte, len(s.Claims)+len(s.Sources)+2)
	files["content/site.yaml"] = []byte(fmt.Sprintf(`title: Synthetic Fact Checks
description: A generated site of %d fact-checks and %d sources, for benchmarks.
base_url: https://example.org/
language: en
organization:
  name: Synthetic Fact Check Desk
  url: https://example.org/
contact: mailto:corrections@example.org
page_size: 50
`, len(s.Claims), len(s.Sources)))
	files["content/pages/about.md"] = []byte(s.AboutBody("---\ntitle: About\nmenu: 1\n---\n"))
	for i, src := range s.Sources {
		if shape == Varied {
			files["content/sources/"+src.ID+".md"] = []byte("---\n" + src.variedFrontMatter(s.vary(-1-i)) + "---\n" + src.Body)
			continue
		}
		files["content/sources/"+src.ID+".md"] = []byte(src.Markdown())
	}
	for i, c := range s.Claims {
		if shape == Varied {
			files["content/claims/"+c.ID+".md"] = []byte("---\n" + s.ClaimFrontMatter(i, Varied) + "---\n" + c.Body)
			continue
		}
		files["content/claims/"+c.Dir+"/"+c.ID+".md"] = []byte(c.Markdown())
	}
	return files
}

// AboutBody returns the about page: frontMatter followed by its body.
func (s *Site) AboutBody(frontMatter string) string {
	return frontMatter + fmt.Sprintf(`This is a synthetic site for benchmarks: %d generated fact-checks of
made-up claims, quoting %d generated sources. Start with [[%s]].
`, len(s.Claims), len(s.Sources), s.Claims[0].ID)
}

// Markdown returns the source file: front matter and stored text.
func (src *Source) Markdown() string {
	var b strings.Builder
	b.WriteString("---\n")
	field(&b, "title", src.Title)
	field(&b, "publisher", src.Publisher)
	field(&b, "url", src.URL)
	b.WriteString("published: " + src.Published + "\n")
	b.WriteString("kind: " + src.Kind + "\n")
	b.WriteString("---\n")
	b.WriteString(src.Body)
	return b.String()
}

// FrontMatter returns the claim's YAML front matter, without the --- lines.
func (c *Claim) FrontMatter() string {
	var b strings.Builder
	field(&b, "claim", c.Claim)
	field(&b, "claimant", c.Claimant)
	b.WriteString("claim_date: " + c.ClaimDate + "\n")
	field(&b, "rating", c.Rating)
	field(&b, "summary", c.Summary)
	b.WriteString("published: " + c.Published + "\n")
	if c.Updated != "" {
		b.WriteString("updated: " + c.Updated + "\n")
	}
	list(&b, "authors", c.Authors)
	list(&b, "topics", c.Topics)
	if len(c.Corrections) > 0 {
		b.WriteString("corrections:\n")
		for _, k := range c.Corrections {
			b.WriteString("  - date: " + k.Date + "\n    note: " + strconv.Quote(k.Note) + "\n")
		}
	}
	return b.String()
}

// Markdown returns the claim file: front matter and analysis.
func (c *Claim) Markdown() string {
	return "---\n" + c.FrontMatter() + "---\n" + c.Body
}

// field writes key: "value". The values are plain ASCII, so Go's quoting is
// valid YAML.
func field(b *strings.Builder, key, value string) {
	b.WriteString(key + ": " + strconv.Quote(value) + "\n")
}

func list(b *strings.Builder, key string, values []string) {
	b.WriteString(key + ":\n")
	for _, v := range values {
		b.WriteString("  - " + strconv.Quote(v) + "\n")
	}
}
