package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"time"
)

// Templates are the parsed page templates. base.html is the layout and
// partials.html the shared pieces; every other file is one kind of page,
// defining "main" (and optionally "head"). A site's templates/ folder
// replaces built-in files of the same name, unless its file is the same as
// the built-in one.
type Templates struct {
	page map[string]*template.Template
	// builtin has the files that the site does not replace.
	builtin map[string]bool
	// inGo has, for each page template, the built-in file that defines
	// each of goVersions as that page template sees it: only those may be
	// printed by their Go versions (layout.go). A site may redefine
	// "claim-card" in its home.html, or "base.html" in its partials.html.
	inGo map[string]map[string]string
}

// pageTemplates are the kinds of page, one file each.
var pageTemplates = []string{
	"home.html", "claims.html", "claim.html", "sources.html", "source.html",
	"ratings.html", "rating.html", "groups.html", "group.html", "page.html",
	"corrections.html", "search.html", "404.html", "alias.html",
}

// LoadTemplates parses the built-in templates, each replaced by the file of
// the same name in override when there is one (override may be nil).
func LoadTemplates(builtin, override fs.FS) (*Templates, error) {
	t := &Templates{page: map[string]*template.Template{}, builtin: map[string]bool{}, inGo: map[string]map[string]string{}}
	read := func(name string) (string, string, error) {
		b, err := fs.ReadFile(builtin, name)
		if override != nil {
			own, oerr := fs.ReadFile(override, name)
			switch {
			case oerr == nil && (err != nil || !bytes.Equal(own, b)):
				return string(own), "templates/" + name, nil
			case oerr != nil && !errors.Is(oerr, fs.ErrNotExist):
				return "", "", oerr
			}
			// A file the same as the built-in one (a site made from
			// this repository has them all) is the built-in one, which
			// the build may print in Go.
		}
		t.builtin[name] = true
		return string(b), "built-in templates/" + name, err
	}
	base := template.New("").Funcs(funcs)
	for _, name := range []string{"base.html", "partials.html"} {
		text, from, err := read(name)
		if err != nil {
			return nil, err
		}
		if _, err := base.New(name).Parse(text); err != nil {
			return nil, fmt.Errorf("%s: %w", from, cleanTemplateError(err))
		}
	}
	for _, name := range pageTemplates {
		text, from, err := read(name)
		if err != nil {
			return nil, err
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := clone.New(name).Parse(text); err != nil {
			return nil, fmt.Errorf("%s: %w", from, cleanTemplateError(err))
		}
		t.page[name] = clone
		t.inGo[name] = map[string]string{}
		for _, def := range goVersions {
			if d := clone.Lookup(def); d != nil && d.Tree != nil && t.builtin[d.Tree.ParseName] {
				t.inGo[name][def] = d.Tree.ParseName
			}
		}
	}
	if override != nil {
		entries, _ := fs.ReadDir(override, ".")
		for _, e := range entries {
			if _, known := t.page[e.Name()]; !known && e.Name() != "base.html" && e.Name() != "partials.html" && path.Ext(e.Name()) == ".html" {
				return nil, fmt.Errorf("templates/%s: no built-in template has this name (they are base.html, partials.html, %s)", e.Name(), strings.Join(pageTemplates, ", "))
			}
		}
	}
	return t, nil
}

// goVersions are the templates that layout.go may also write in Go: see
// Renderer.block for which of their built-in definitions it has.
var goVersions = []string{"base.html", "claim-card", "claim-list", "pager", "main", "head", "scripts"}

// builtinFrom is the built-in file whose definition of template name page
// template page uses, or "" when the site defines it (or nothing does).
func (t *Templates) builtinFrom(page, name string) string { return t.inGo[page][name] }

func cleanTemplateError(err error) error {
	return errors.New(strings.TrimPrefix(err.Error(), "template: "))
}

// funcs are the functions templates may call, besides the methods of Page.
var funcs = template.FuncMap{
	// date formats a date for readers: "16 March 2021".
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return string(appendDate(nil, t, "2 January 2006"))
	},
	// isodate formats a date as 2021-03-16, for <time datetime>.
	"isodate": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	},
	// plural picks a word by count: {{plural 2 "claim" "claims"}}.
	"plural": plural,
	"add":    func(a, b int) int { return a + b },
}

// plural picks a word by count: plural(2, "claim", "claims") is "claims".
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
