package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"factcheck/generator/internal/locale"
)

// Templates are the parsed templates of a site: for each kind of page,
// the set of definitions its pages are executed with. How a set is made
// from the built-in files and the site's own is the package
// documentation's "Overriding templates".
type Templates struct {
	page map[string]*template.Template
	// key[page][name] says which definition of template name page
	// template page's set holds: two sets with the same key have the same
	// definition of name and of every template it calls, so they print
	// the same for the same data. Card and Chrome keep what they print
	// under it, once for all the sets that share it.
	key map[string]map[string]int
	// siteWide[page] is set when a definition in page template page's set
	// uses .Site for more than .Site.Config and .Site.Pages: its pages may
	// then show any claim, and get no page IDs (see ids.go).
	siteWide map[string]bool
	// mu guards bound, the locale whose language the sets' functions
	// speak: nil until bind gives them one.
	mu    sync.Mutex
	bound *locale.Locale
}

// siteField finds the uses of .Site in a template's text, with the
// field after it, if any.
var siteField = regexp.MustCompile(`\.Site\b(?:\.([A-Za-z_][A-Za-z0-9_]*))?`)

// usesSite reports whether a template's text uses .Site for more than
// .Site.Config and .Site.Pages.
func usesSite(text string) bool {
	for _, m := range siteField.FindAllStringSubmatch(text, -1) {
		if m[1] != "Config" && m[1] != "Pages" {
			return true
		}
	}
	return false
}

// sharedFiles are the files that define no page: the layout and the
// shared pieces.
var sharedFiles = []string{"base.html", "partials.html"}

// pageTemplates are the kinds of page, one file each.
var pageTemplates = []string{
	"home.html", "claims.html", "claim.html", "sources.html", "source.html",
	"ratings.html", "rating.html", "groups.html", "group.html", "page.html",
	"corrections.html", "search.html", "404.html", "alias.html",
}

// pageBlocks are the definitions a page file makes for its own pages
// only; any other definition in it is shared by every page.
var pageBlocks = []string{"main", "head", "scripts"}

// templateFile is the text of one template file, and where it is from.
type templateFile struct {
	name, text, from string
}

// LoadTemplates parses the built-in templates, each file replaced by the
// file of the same name in override when there is one (override may be
// nil), and makes the set of definitions of each kind of page.
func LoadTemplates(builtin, override fs.FS) (*Templates, error) {
	files := map[string]templateFile{}
	for _, name := range slices.Concat(sharedFiles, pageTemplates) {
		f, err := readTemplate(builtin, override, name)
		if err != nil {
			return nil, err
		}
		files[name] = f
	}
	if override != nil {
		entries, _ := fs.ReadDir(override, ".")
		for _, e := range entries {
			if _, known := files[e.Name()]; !known && path.Ext(e.Name()) == ".html" {
				return nil, fmt.Errorf("templates/%s: no built-in template has this name (they are %s)", e.Name(), strings.Join(slices.Concat(sharedFiles, pageTemplates), ", "))
			}
		}
	}
	// The definitions each page file shares with every page, in the
	// order of the files' names.
	byName := slices.Sorted(slices.Values(pageTemplates))
	sharedFrom := map[string][]*template.Template{}
	for _, name := range byName {
		f := files[name]
		t, err := template.New(name).Funcs(funcs).Parse(f.text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.from, cleanTemplateError(err))
		}
		for _, d := range t.Templates() {
			// An empty definition replaces none, as html/template's
			// Parse has it; html/template's AddParseTree would install
			// it in the set's own map though not in text/template's.
			if d.Name() != name && !slices.Contains(pageBlocks, d.Name()) && d.Tree != nil && !parse.IsEmptyTree(d.Tree.Root) {
				sharedFrom[name] = append(sharedFrom[name], d)
			}
		}
		slices.SortFunc(sharedFrom[name], func(a, b *template.Template) int { return strings.Compare(a.Name(), b.Name()) })
	}
	t := &Templates{page: map[string]*template.Template{}, key: map[string]map[string]int{}, siteWide: map[string]bool{}}
	keys := map[string]int{}
	for _, page := range pageTemplates {
		set := template.New("").Funcs(funcs)
		for _, name := range sharedFiles {
			f := files[name]
			if _, err := set.New(name).Parse(f.text); err != nil {
				return nil, fmt.Errorf("%s: %w", f.from, cleanTemplateError(err))
			}
		}
		for _, name := range byName {
			if name == page {
				continue
			}
			for _, d := range sharedFrom[name] {
				// Each set gets its own copy: html/template rewrites the
				// trees it escapes.
				if _, err := set.AddParseTree(d.Name(), d.Tree.Copy()); err != nil {
					return nil, fmt.Errorf("%s: %w", files[name].from, cleanTemplateError(err))
				}
			}
		}
		f := files[page]
		if _, err := set.New(page).Parse(f.text); err != nil {
			return nil, fmt.Errorf("%s: %w", f.from, cleanTemplateError(err))
		}
		t.page[page] = set
		for _, d := range set.Templates() {
			if d.Tree != nil && d.Tree.Root != nil && usesSite(d.Tree.Root.String()) {
				t.siteWide[page] = true
			}
		}
		t.key[page] = map[string]int{}
		for _, d := range set.Templates() {
			fp := fingerprint(set, d.Name())
			if _, ok := keys[fp]; !ok {
				keys[fp] = len(keys) + 1
			}
			t.key[page][d.Name()] = keys[fp]
		}
	}
	return t, nil
}

// readTemplate reads the site's file name, or the built-in one when the
// site has none.
func readTemplate(builtin, override fs.FS, name string) (templateFile, error) {
	if override != nil {
		b, err := fs.ReadFile(override, name)
		if err == nil {
			return templateFile{name, string(b), "templates/" + name}, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return templateFile{}, err
		}
	}
	b, err := fs.ReadFile(builtin, name)
	return templateFile{name, string(b), "built-in templates/" + name}, err
}

// fingerprint is the text of template name in set and of every template
// it calls, each once: the same fingerprint in two sets is the same
// markup for the same data. It reads the parse trees as parsed, so it
// must run before the set is executed (escaping rewrites them).
func fingerprint(set *template.Template, name string) string {
	var b strings.Builder
	seen := map[string]bool{}
	var add func(name string)
	add = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		b.WriteString("\x00{{define ")
		b.WriteString(name)
		b.WriteString("}}")
		d := set.Lookup(name)
		if d == nil || d.Tree == nil {
			return
		}
		b.WriteString(d.Tree.Root.String())
		walkCalls(d.Tree.Root, add)
	}
	add(name)
	return b.String()
}

// walkCalls calls f with the name of every template that n calls.
func walkCalls(n parse.Node, f func(name string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkCalls(c, f)
		}
	case *parse.TemplateNode:
		f(n.Name)
	case *parse.IfNode:
		walkCalls(n.List, f)
		walkCalls(n.ElseList, f)
	case *parse.RangeNode:
		walkCalls(n.List, f)
		walkCalls(n.ElseList, f)
	case *parse.WithNode:
		walkCalls(n.List, f)
		walkCalls(n.ElseList, f)
	}
}

func cleanTemplateError(err error) error {
	return errors.New(strings.TrimPrefix(err.Error(), "template: "))
}

// funcs are the functions templates may call, besides the methods of Page
// (the package documentation lists them). Those of localeFuncs are
// parsed with the English locale's and bound to the site's by bind.
var funcs = func() template.FuncMap {
	m := template.FuncMap{
		"isodate": isoDate,
		"dir":     locale.Dir,
		"plural":  plural,
		"add":     func(a, b int) int { return a + b },
	}
	en, _ := locale.New("en", nil)
	maps.Copy(m, localeFuncs(en))
	return m
}()

// localeFuncs are the functions that speak the language of l: its
// messages, dates and numbers.
func localeFuncs(l *locale.Locale) template.FuncMap {
	return template.FuncMap{
		"T":      l.String,
		"parts":  l.Parts,
		"date":   l.Date,
		"number": l.Number,
		"l10n": func(keys ...string) (string, error) {
			b, err := json.Marshal(l.ScriptData(keys...))
			return string(b), err
		},
	}
}

// bind returns the templates with the functions of localeFuncs speaking
// l's language: t itself the first time (a build has one renderer), else
// a clone of each set, so that renderers of one parse may speak several
// languages. A set cannot be cloned once it has been executed: the
// renderers of other languages must be made before any page is rendered.
func (t *Templates) bind(l *locale.Locale) (*Templates, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f := localeFuncs(l)
	switch t.bound {
	case nil:
		for _, set := range t.page {
			set.Funcs(f)
		}
		t.bound = l
		return t, nil
	case l:
		return t, nil
	}
	b := &Templates{page: make(map[string]*template.Template, len(t.page)), key: t.key, siteWide: t.siteWide, bound: l}
	for name, set := range t.page {
		c, err := set.Clone()
		if err != nil {
			return nil, fmt.Errorf("templates in %s: %w (make every language's renderer before rendering)", l.Tag(), err)
		}
		b.page[name] = c.Funcs(f)
	}
	return b, nil
}

// plural picks a word by count: plural(2, "claim", "claims") is "claims".
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// isoDate formats a date as 2021-03-16, "" for the zero time.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
