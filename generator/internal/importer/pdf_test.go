package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The PDFs in testdata were made with groff, qpdf and head:
//
//	groff -ms -Tpdf report.ms > report.pdf
//	qpdf --encrypt secret owner 256 -- report.pdf encrypted.pdf
//	qpdf --encrypt "" owner 256 -- report.pdf ownerlocked.pdf
//	printf ".PP\n\\D'l 3i 0'\n" | groff -ms -Tpdf > scan.pdf   (lines only, no text)
//	head -c 6000 report.pdf > truncated.pdf

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPDF(t *testing.T) {
	for _, file := range []string{"report.pdf", "ownerlocked.pdf"} {
		t.Run(file, func(t *testing.T) {
			d, err := Extract(readTestdata(t, file), file, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Original.Pages != 3 || d.Original.MediaType != TypePDF {
				t.Errorf("pages %d, type %s; want 3, %s", d.Original.Pages, d.Original.MediaType, TypePDF)
			}
			if d.Title != "Foreign Threats to the Example Elections" {
				t.Errorf("title %q", d.Title)
			}
			pages := strings.Split(d.Text, "\n\f\n")
			if len(pages) != 3 {
				t.Fatalf("%d pages in the text, want 3:\n%s", len(pages), d.Text)
			}
			onPage := []struct {
				page int
				text string
			}{
				{1, "We have no indications that any foreign actor attempted to alter any technical aspect of the voting\nprocess in the example elections"},
				// Words groff broke at a line's end are whole again.
				{1, "at scale without detection by intelligence collection on the actors themselves, through physical and cyber security monitoring around"},
				{2, "we did not see persistent cyber efforts to gain access to election infrastructure."},
				{2, "Their internationalization of disinformation\ncampaigns, characteristically uncoordinated"},
				{3, "In general, we assess that they were smaller in scale than those conducted by the two main actors."},
			}
			for _, o := range onPage {
				if !strings.Contains(pages[o.page-1], o.text) {
					t.Errorf("page %d lacks %q:\n%s", o.page, o.text, pages[o.page-1])
				}
			}
			// Running header and footer, and page numbers, are dropped;
			// "post-election" keeps its hyphen (not at a line's end).
			for _, s := range []string{"UNCLASSIFIED", "Assessment of Foreign Threats", "Page 2", "with-out", "moni-toring"} {
				if strings.Contains(d.Text, s) {
					t.Errorf("text has %q", s)
				}
			}
			if !strings.Contains(d.Text, "post-election audits.") {
				t.Errorf("text lacks post-election audits.")
			}
			// Paragraphs: the two key judgments are two paragraphs.
			if !strings.Contains(pages[0], "reporting\nresults.\n\nWe assess") {
				t.Errorf("paragraphs not kept on page 1:\n%s", pages[0])
			}
		})
	}
}

func TestPDFErrors(t *testing.T) {
	tests := []struct {
		file, data, want string
	}{
		{file: "encrypted.pdf", want: "encrypted with a password"},
		{file: "scan.pdf", want: "no text layer"},
		{file: "truncated.pdf", want: "broken PDF"},
		{file: "empty.pdf", data: "", want: "not a PDF"},
		{file: "fake.pdf", data: "<html>not a pdf</html>", want: "not a PDF"},
		{file: "garbage.pdf", data: "%PDF-1.7\n" + strings.Repeat("garbage ", 100), want: "broken PDF"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := []byte(tt.data)
			if tt.data == "" && tt.file != "empty.pdf" {
				data = readTestdata(t, tt.file)
			}
			d, err := Extract(data, tt.file, "")
			if err == nil {
				t.Fatalf("no error; text %q", d.Text)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to say %q", err, tt.want)
			}
		})
	}
}
