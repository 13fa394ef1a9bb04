package importer

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"factcheck/generator/internal/race"
)

// realPDFs are PDFs from Debian packages that nobody here wrote: the
// DocBook XSL reference (docbook-xsl-doc-pdf, dblatex output, 95 pages of
// prose, tables of contents and program listings), gzipped as Debian
// ships it, and any others found under /usr/share/doc.
var realPDFs = []string{"/usr/share/doc/docbook-xsl-ns/reference.pdf.gz"}

// TestPDFAgreesWithPdftotext imports real PDFs and compares their text,
// page by page, with what poppler's pdftotext gives: the share of
// pdftotext's words found in the same order on the same page. The two
// differ by design in a few places (import drops running headers and page
// numbers and joins words broken at line ends), so the bar is 97% a
// document, counted on pdftotext's pages without their running headers
// and footers (see dropRunningLines). Outside CI the test skips when pdftotext (poppler-utils) or
// the PDFs (docbook-xsl-doc-pdf) are missing; .ci/install-test-tools
// installs both.
func TestPDFAgreesWithPdftotext(t *testing.T) {
	if race.Enabled {
		t.Skip("PDFium in WebAssembly is too slow under the race detector; what this checks does not involve goroutines")
	}
	missing := func(why string) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatal(why + "; CI=true, so this test must run (.ci/install-test-tools installs it)")
		}
		t.Skip("skipping: " + why)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		missing("pdftotext not found: install poppler-utils")
	}
	files := slices.Clone(realPDFs)
	more, _ := filepath.Glob("/usr/share/doc/*/*.pdf")
	files = append(files, more[:min(len(more), 3)]...)
	tested := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		if strings.HasSuffix(file, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
		}
		tested++
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, err := PDF(data)
			if err != nil {
				t.Fatal(err)
			}
			pdf := filepath.Join(t.TempDir(), "in.pdf")
			if err := os.WriteFile(pdf, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			ours := strings.Split(doc.Text, "\f")
			theirs := dropRunningLines(strings.Split(strings.TrimSuffix(string(out), "\f"), "\f"))
			if len(ours) != len(theirs) {
				t.Fatalf("%d pages, pdftotext has %d", len(ours), len(theirs))
			}
			found, total := 0, 0
			for i := range ours {
				w := pdfWords.FindAllString(theirs[i], -1)
				found += commonInOrder(pdfWords.FindAllString(ours[i], -1), w)
				total += len(w)
			}
			share := float64(found) / float64(max(total, 1))
			t.Logf("%d pages: %d of pdftotext's %d words found in order (%.2f%%)", len(ours), found, total, 100*share)
			if share < 0.97 {
				t.Errorf("only %.2f%% of pdftotext's words found in order, want 97%% or more", 100*share)
			}
		})
	}
	if tested == 0 {
		missing("no real PDF found (install docbook-xsl-doc-pdf)")
	}
}

// dropRunningLines removes from pages the lines that import drops by
// design: running headers and footers, taken here as the lines that, with
// their digits left out, stand on at least half of the pages (of three or
// more), and lines of a page number alone.
func dropRunningLines(pages []string) []string {
	key := func(line string) string {
		return strings.TrimSpace(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, line))
	}
	on := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, line := range strings.Split(p, "\n") {
			if k := key(line); k != "" && !seen[k] {
				seen[k] = true
				on[k]++
			}
		}
	}
	out := make([]string, len(pages))
	for i, p := range pages {
		var kept []string
		for _, line := range strings.Split(p, "\n") {
			k := key(line)
			running := len(pages) >= 3 && k != "" && 2*on[k] >= len(pages)
			if running || (k == "" && strings.TrimSpace(line) != "") {
				continue
			}
			kept = append(kept, line)
		}
		out[i] = strings.Join(kept, "\n")
	}
	return out
}

// pdfWords are the words compared: runs of letters and digits, and each
// Chinese or Japanese character on its own (those scripts join lines
// without a space, which would otherwise make a run differ).
var pdfWords = regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}]|[\p{L}\p{N}]+`)

// commonInOrder is the length of the longest common subsequence of a and b.
func commonInOrder(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
