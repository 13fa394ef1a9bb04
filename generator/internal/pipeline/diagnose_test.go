package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factcheck"
	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/site"

	"golang.org/x/tools/txtar"
)

// basicSite extracts testdata/sites/basic.txtar with the template files
// given (name, text, …) in its templates/ folder.
func basicSite(t *testing.T, templates ...string) string {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", "sites", "basic.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := extract(t, a)
	for i := 0; i+1 < len(templates); i += 2 {
		p := filepath.Join(dir, "templates", templates[i])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(templates[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func builtinTemplate(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(factcheck.Files, "templates/"+name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func diagText(l diag.List) string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return strings.Join(out, "\n")
}

// TestCheck: a field or function a site's template names that is
// not there is found only when the template runs; check makes the pages
// to report each such place once, at its line and column, with the first
// page it failed on. A build stops at the first and reports it the same
// way (Diagnose), as it does a template that does not parse.
func TestCheck(t *testing.T) {
	claim := strings.Replace(builtinTemplate(t, "claim.html"), `<article class="claim"`, `{{.NoSuchField}}<article class="claim"`, 1)
	group := builtinTemplate(t, "group.html") + `{{define "claim-card"}}<li>{{.Claim.Nope}}</li>{{end}}`
	dir := basicSite(t, "claim.html", claim, "group.html", group)
	got := diagText(Check(Options{Src: dir}))
	want := `templates/claim.html:7:3: error: executing "main" at <.NoSuchField>: can't evaluate field NoSuchField in type *site.Claim (making claims/spending-fell/index.html)
templates/group.html:16:36: error: executing "claim-card" at <.Claim.Nope>: can't evaluate field Nope in type *site.Claim (making index.html)`
	if got != want {
		t.Errorf("Check:\n%s\nwant\n%s", got, want)
	}

	_, _, err := Write(Options{Src: dir}, filepath.Join(t.TempDir(), "out"))
	l, ok := Diagnose(dir, err)
	if !ok || len(l) != 1 || l[0].Path != "templates/claim.html" && l[0].Path != "templates/group.html" || !strings.Contains(l[0].Message, " (making ") {
		t.Errorf("Diagnose of the build's error %v: %v %v", err, l, ok)
	}

	// The dev server makes a page when it is asked for, and shows its
	// template's mistake in its place.
	files, _, err := Lazy(Options{Src: dir}, new(site.Cache), nil)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := files.File("claims/spending-fell/index.html")
	if want := `templates/claim.html:7:3: error: executing &#34;main&#34; at &lt;.NoSuchField&gt;`; !strings.Contains(string(page), want) {
		t.Errorf("the dev server's page:\n%s\nwant it to hold %s", page, want)
	}

	// A template that does not parse, as build meets it.
	dir = basicSite(t, "claim.html", builtinTemplate(t, "claim.html")+"{{ .Nope.Foo }")
	_, _, err = Write(Options{Src: dir}, filepath.Join(t.TempDir(), "out"))
	l, ok = Diagnose(dir, err)
	if want := `templates/claim.html:92:1: error: unexpected "}" in operand`; !ok || diagText(l) != want {
		t.Errorf("Diagnose of %v: %q, want %q", err, diagText(l), want)
	}

	// With the built-in templates, nothing to do; and other errors are
	// not diagnosed.
	if l := Check(Options{Src: basicSite(t)}); l != nil {
		t.Errorf("Check with the built-in templates: %v", l)
	}
	if l, ok := Diagnose(dir, nil); ok || l != nil {
		t.Errorf("Diagnose(nil) = %v, %v", l, ok)
	}
	if l, ok := Diagnose(dir, &PageError{"static/index.html", errors.New("x")}); ok || l != nil {
		t.Errorf("Diagnose of a page's error that is not a template's: %v, %v", l, ok)
	}
	if l, ok := Diagnose(dir, os.ErrPermission); ok || l != nil {
		t.Errorf("Diagnose(%v) = %v, %v", os.ErrPermission, l, ok)
	}
}
