package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// SourceFile writes the file content/sources/ID.md for a document: front
// matter with every key the document gave, a commented line for those it
// did not (publisher is required: an editor fills it in), its provenance
// under original, and its stored text as the body with format: text, so
// that nothing in it is read as Markdown.
func SourceFile(d *Document, accessed time.Time) string {
	var b strings.Builder
	b.WriteString("---\n")
	kv := func(key, val string) { fmt.Fprintf(&b, "%s: %s\n", key, yamlString(val)) }
	if d.Title != "" {
		kv("title", d.Title)
	} else {
		b.WriteString("title: \"\"              # required: the document's title (not found in the original)\n")
	}
	if d.Publisher != "" {
		kv("publisher", d.Publisher)
	} else {
		b.WriteString("publisher: \"\"          # required: who published it (not found in the original)\n")
	}
	if d.URL != "" {
		kv("url", d.URL)
	}
	if !d.Published.IsZero() {
		fmt.Fprintf(&b, "published: %s\n", d.Published.Format("2006-01-02"))
	} else {
		b.WriteString("# published: YYYY-MM-DD  # not found in the original\n")
	}
	fmt.Fprintf(&b, "accessed: %s\n", accessed.Format("2006-01-02"))
	if len(d.Authors) > 0 {
		b.WriteString("# authors: " + strings.Join(d.Authors, "; ") + "\n")
	}
	kv("kind", d.Kind)
	b.WriteString("format: text\n")
	if d.Language != "" {
		kv("language", d.Language)
	}
	o := d.Original
	b.WriteString("original:\n")
	kv("  from", o.From)
	kv("  media_type", o.MediaType)
	fmt.Fprintf(&b, "  size: %d\n", o.Size)
	if o.Pages > 0 {
		fmt.Fprintf(&b, "  pages: %d\n", o.Pages)
	}
	if o.Duration > 0 {
		// Rounded up to the second, as the passages' ends are.
		fmt.Fprintf(&b, "  duration: \"%s\"\n", Clock((o.Duration + time.Second - 1).Truncate(time.Second)))
	}
	fmt.Fprintf(&b, "  sha256: %s\n", o.SHA256)
	fmt.Fprintf(&b, "  taken: %s\n", o.Taken.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "  text_sha256: %s\n", o.TextSHA256)
	b.WriteString("---\n")
	b.WriteString(d.Text)
	b.WriteString("\n")
	return b.String()
}

// yamlString quotes s as a YAML double-quoted scalar when it is not
// plain-safe, so that a title holding ": " or starting with a quote
// stays one string.
func yamlString(s string) string {
	plain := s != "" && strings.TrimSpace(s) == s && !strings.ContainsAny(s, "\n\t\r\\\"") &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		!strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'%@`")
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "null", "on", "off", "~":
		plain = false
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		plain = false
	}
	if plain {
		return s
	}
	return strconv.Quote(s)
}
