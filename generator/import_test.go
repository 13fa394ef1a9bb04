package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testdata = "internal/importer/testdata/"

// importSite makes an empty site with the default ratings.
func importSite(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	if err := os.MkdirAll(filepath.Join(src, "content", "claims"), 0o755); err != nil {
		t.Fatal(err)
	}
	return src
}

func writeClaim(t *testing.T, src, id, body string) {
	t.Helper()
	claim := "---\nclaim: x\nclaimant: y\nclaim_date: 2021-03-16\nrating: false\nsummary: z\npublished: 2021-03-17\n---\n" + body
	if err := os.WriteFile(filepath.Join(src, "content", "claims", id+".md"), []byte(claim), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkJSON runs check --format json and returns its messages as
// "LINE: severity: message".
func checkJSON(t *testing.T, src string) []string {
	t.Helper()
	var stdout, stderr strings.Builder
	run([]string{"check", "--src", src, "--format", "json"}, &stdout, &stderr)
	var diags []struct {
		Path, Severity, Message string
		Line                    int
	}
	if err := json.Unmarshal([]byte(stdout.String()), &diags); err != nil {
		t.Fatalf("check output: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	var out []string
	for _, d := range diags {
		if strings.Contains(d.Message, "is not cited by any claim") {
			continue
		}
		out = append(out, filepath.Base(d.Path)+": "+d.Severity+": "+d.Message)
	}
	return out
}

// TestImportPageThenCheck imports a saved news page, as an editor would,
// and checks quotes against it: faithful ones pass, a misquote and a quote
// of the page's boilerplate (its cookie banner) do not.
func TestImportPageThenCheck(t *testing.T) {
	src := importSite(t)
	var stdout, stderr strings.Builder
	if code := run([]string{"import", testdata + "news-article.html", "--src", src}, &stdout, &stderr); code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr.String())
	}
	const id = "us-believes-putin-approved-bid-to-influence-election"
	path := filepath.Join(src, "content", "sources", id+".md")
	if !strings.HasPrefix(stdout.String(), "wrote "+path) {
		t.Errorf("stdout: %s", stdout.String())
	}
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"title: US believes Putin approved bid to influence election\n", "publisher: Example News\n",
		"url: https://news.example.com/en/us-believes-putin-approved-bid/a-123\n", "published: 2021-03-16\n", "format: text\n",
		"original:\n  from: news-article.html\n  media_type: text/html\n"} {
		if !strings.Contains(string(file), s) {
			t.Errorf("source lacks %q:\n%s", s, file)
		}
	}
	writeClaim(t, src, "ok", `> Putin authorized "influence operations aimed at denigrating President Biden's candidacy and the Democratic Party
>
> — [@`+id+`]

Beijing "considered but did not deploy" [@`+id+`].
`)
	if diags := checkJSON(t, src); len(diags) != 0 {
		t.Errorf("faithful quotes: %q", diags)
	}
	writeClaim(t, src, "bad", `Beijing "considered and did deploy" [@`+id+`]; "We use cookies to improve your experience" [@`+id+`].`)
	diags := strings.Join(checkJSON(t, src), "\n")
	if strings.Count(diags, "bad.md: error: quote not found") != 2 {
		t.Errorf("want two misquotes, got:\n%s", diags)
	}

	// Importing again never overwrites, and says so.
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"import", testdata + "news-article.html", "--src", src}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "not overwriting") {
		t.Errorf("second import: exit %d, %s", code, stderr.String())
	}
	if again, _ := os.ReadFile(path); string(again) != string(file) {
		t.Error("the second import changed the file")
	}

	// Editing the stored text by hand is a warning.
	edited := strings.Replace(string(file), "likely approved", "approved", 1)
	os.WriteFile(path, []byte(edited), 0o644)
	os.Remove(filepath.Join(src, "content", "claims", "bad.md"))
	diags = strings.Join(checkJSON(t, src), "\n")
	if !strings.Contains(diags, "warning: the stored text was changed since it was imported from news-article.html") {
		t.Errorf("no warning about the edited text:\n%s", diags)
	}
}

// TestImportPDFPages imports a PDF and checks quotes with page locators:
// the right page passes, a wrong page is an error that names the page, a
// running footer is not quotable.
func TestImportPDFPages(t *testing.T) {
	src := importSite(t)
	var stdout, stderr strings.Builder
	if code := run([]string{"import", testdata + "report.pdf", "--id", "report", "--src", src}, &stdout, &stderr); code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "no publisher found") {
		t.Errorf("no warning about the missing publisher: %s", stderr.String())
	}
	path := filepath.Join(src, "content", "sources", "report.md")
	file, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(file), `publisher: ""`, "publisher: National Example Council", 1)), 0o644)
	writeClaim(t, src, "pages", `> We assess that it would be difficult for a foreign actor to manipulate election processes at scale
> without detection
>
> — [@report, p. 1]

"we did not see persistent cyber efforts to gain access to election infrastructure" [@report, p. 2].
"smaller in scale" [@report, pp. 2-3].
"Some foreign actors spread false or inflated claims" [@report, p. 3].
"UNCLASSIFIED" [@report].
`)
	diags := checkJSON(t, src)
	joined := strings.Join(diags, "\n")
	if len(diags) != 2 || !strings.Contains(joined, "is on page 2, not on p. 3") || !strings.Contains(joined, "quote not found") {
		t.Errorf("want a wrong page and a quote of the footer, got:\n%s", joined)
	}
}

// TestImportCaptionsTimes imports captions and checks quotes with time
// locators: the right time passes, a wrong one is an error that names the
// time of the passage where the quote is, a time after the captions' end
// is an error, and so is a misquote at the right time.
func TestImportCaptionsTimes(t *testing.T) {
	src := importSite(t)
	var stdout, stderr strings.Builder
	if code := run([]string{"import", testdata + "briefing.vtt", "--id", "briefing", "--src", src}, &stdout, &stderr); code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr.String())
	}
	path := filepath.Join(src, "content", "sources", "briefing.md")
	file, _ := os.ReadFile(path)
	if !strings.Contains(string(file), "  media_type: text/vtt\n  size: ") || !strings.Contains(string(file), "  duration: \"1:02:05\"\n") ||
		!strings.Contains(string(file), "\n[1:23–1:26]\nUnlike in 2016") {
		t.Errorf("the source lacks the media type, the duration or a passage's times:\n%s", file)
	}
	filled := strings.Replace(string(file), `title: ""`, "title: Briefing", 1)
	filled = strings.Replace(filled, `publisher: ""`, "publisher: Example Council\nurl: https://www.youtube.com/watch?v=abc", 1)
	os.WriteFile(path, []byte(filled), 0o644)
	writeClaim(t, src, "times", `"we did not see persistent & organized efforts" [@briefing, at 1:25].
"We have no indications that any foreign actor attempted to alter" [@briefing, at 0:05].
`)
	if diags := checkJSON(t, src); len(diags) != 0 {
		t.Errorf("faithful quotes at the right times: %q", diags)
	}
	writeClaim(t, src, "times", `"we did not see persistent & organized efforts" [@briefing, at 0:05].
"Questions, please" [@briefing, at 2:00:00].
"we did not see any organized efforts" [@briefing, at 1:23].
"We have no indications" [@briefing, at 0:40].
`)
	want := []string{
		`times.md: error: quote from source "briefing" is at 1:23, not at 0:05 as its locator says`,
		`times.md: error: quote from source "briefing": the locator "at 2:00:00" is after the end of the captions, at 1:02:05`,
		`times.md: error: quote not found in source "briefing"`,
		// Said from 0:01 to 0:10: 0:40 is in the silence after it.
		`times.md: error: quote from source "briefing" is at 0:01, not at 0:40 as its locator says`,
	}
	diags := checkJSON(t, src)
	if len(diags) != len(want) {
		t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(diags[i], w) {
			t.Errorf("diagnostic %d: %s\nwant: %s", i, diags[i], w)
		}
	}
}

// TestImportURL fetches a page from a local server.
func TestImportURL(t *testing.T) {
	page, err := os.ReadFile(testdata + "news-article.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/a" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer srv.Close()
	old := importClient
	importClient = srv.Client()
	defer func() { importClient = old }()
	src := importSite(t)
	var stdout, stderr strings.Builder
	if code := run([]string{"import", srv.URL + "/a", "--id", "dw", "--src", src}, &stdout, &stderr); code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr.String())
	}
	file, _ := os.ReadFile(filepath.Join(src, "content", "sources", "dw.md"))
	if !strings.Contains(string(file), "  from: "+srv.URL+"/a\n") {
		t.Errorf("original does not name the URL:\n%s", file)
	}
	if code := run([]string{"import", srv.URL + "/gone", "--src", src}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "404") {
		t.Errorf("a 404: exit %d, %s", code, stderr.String())
	}
}

// TestImportFailures: bad input writes nothing and says why; bad usage
// exits 2.
func TestImportFailures(t *testing.T) {
	src := importSite(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.html"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "image.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{testdata + "encrypted.pdf"}, 1, "encrypted with a password"},
		{[]string{testdata + "scan.pdf"}, 1, "run OCR on it first"},
		{[]string{testdata + "truncated.pdf"}, 1, "broken PDF"},
		{[]string{filepath.Join(dir, "empty.html")}, 1, "no text found"},
		{[]string{filepath.Join(dir, "image.png")}, 1, "cannot import"},
		{[]string{filepath.Join(dir, "missing.html")}, 1, "no such file"},
		{[]string{"ftp://example.com/x"}, 1, "not an http(s) URL"},
		{[]string{testdata + "report.pdf", "--id", "Bad Id"}, 2, "bad id"},
		{[]string{testdata + "report.pdf", "--id", "claims"}, 2, "bad id"},
		{[]string{}, 2, "usage: generator import"},
		{[]string{"a", "b"}, 2, "usage: generator import"},
	}
	for _, tt := range tests {
		var stdout, stderr strings.Builder
		code := run(append(append([]string{"import"}, tt.args...), "--src", src), &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("import %q: exit %d, %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
	// A file over the size limit is refused before it is read.
	old := importLimits
	importLimits.MaxBytes = 1000
	defer func() { importLimits = old }()
	var stdout, stderr strings.Builder
	if code := run([]string{"import", testdata + "report.pdf", "--src", src}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "more than the limit of 1000") {
		t.Errorf("a huge file: exit %d, %q", code, stderr.String())
	}
	if entries, _ := os.ReadDir(filepath.Join(src, "content", "sources")); len(entries) != 0 {
		t.Errorf("failed imports wrote %v", entries)
	}
}
