package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"text/template"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/render"
	"factcheck/generator/internal/site"
)

// PageError is the error of a build that failed making one output file.
type PageError struct {
	Path string // the output file, "claims/x/index.html"
	Err  error
}

func (e *PageError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *PageError) Unwrap() error { return e.Err }

// Diagnose turns an error of Write, Memory or CheckAssets that names a
// place in the site's templates or static files into a diagnostic
// there: a template that does not parse or fails as a page is made from
// it, a symbolic link, a special file. ok is false for other errors.
func Diagnose(src string, err error) (l diag.List, ok bool) {
	if d, ok := templateRun(src, err); ok {
		var pe *PageError
		if errors.As(err, &pe) {
			d.Message += fmt.Sprintf(" (making %s)", pe.Path)
		}
		l = append(l, d)
		return l, true
	}
	// "templates/x.html: x.html:3: unexpected EOF" or
	// "static/a.txt: symbolic links are not followed…", maybe wrapped
	// ("writing the site failed…: templates/…"); not an output file's
	// error (a page static/index.html).
	var pe *PageError
	if errors.As(err, &pe) {
		return nil, false
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if m := assetError.FindStringSubmatch(e.Error()); m != nil {
			line, _ := strconv.Atoi(m[3])
			l.Errorf(m[1], line, min(line, 1), "%s", m[4])
			return l, true
		}
	}
	return nil, false
}

var (
	assetError = regexp.MustCompile(`^((?:templates|static)/[^:]*): (?:([^:]*):(\d+): )?(.*)$`)
	// runError is text/template's error when a template fails to run:
	// "template: claim.html:8:30: executing "main" at <.X>: can't …";
	// one that runs another (.Cards runs claim-card) holds its error.
	runError = regexp.MustCompile(`template: ([^:\s]+):(\d+):(\d+): `)
)

// templateRun is the diagnostic of a template that failed to run, at the
// line and column of the action, in the file its definition was read
// from: the site's templates/NAME, or the built-in one.
func templateRun(src string, err error) (diag.Diagnostic, bool) {
	var exec template.ExecError
	if !errors.As(err, &exec) {
		return diag.Diagnostic{}, false
	}
	// The innermost template's error is where the mistake is.
	text := exec.Err.Error()
	all := runError.FindAllStringSubmatchIndex(text, -1)
	if all == nil {
		return diag.Diagnostic{}, false
	}
	at := all[len(all)-1]
	file := "templates/" + text[at[2]:at[3]]
	if fi, err := fs.Stat(DirFS(src), file); err != nil || !fi.Mode().IsRegular() {
		file = "built-in " + file
	}
	line, _ := strconv.Atoi(text[at[4]:at[5]])
	col, _ := strconv.Atoi(text[at[6]:at[7]]) // text/template counts from 0
	return diag.Diagnostic{Path: file, Line: line, Col: col + 1, Severity: diag.Error, Message: text[at[1]:]}, true
}

// Check loads and checks the site as the check command does, reading
// each file once: the content (site.Load, only checked), the templates
// and static files (as CheckAssets) and, on a site with templates of its
// own, every page, made in memory: html/template finds a field or
// function that is not there only when it runs. Each place in the
// templates that fails to run is reported once, naming the first page
// it failed on. Pages are made only when nothing else is wrong.
func Check(opts Options) diag.List {
	own := dirExists(opts.srcFS(), "templates")
	s, diags, a, err := loadAll(opts, func() (*site.Site, diag.List) {
		return site.Load(opts.srcFS(), site.Options{CheckOnly: !own, Drafts: opts.Drafts, BaseURL: opts.BaseURL})
	})
	diags = append(diags, assetDiags(opts.Src, err)...)
	if own && diags.Errors() == 0 {
		diags = append(diags, checkPages(s, a, opts)...)
	}
	diags.Sort()
	return diags
}

// checkPages makes every page of s with a and reports where the
// templates fail to run (see Check).
func checkPages(s *site.Site, a *assets, opts Options) diag.List {
	var pages []render.Job
	a.jobs(s, opts, func(j render.Job) {
		if j.Expand == nil && path.Ext(j.Path) == ".html" {
			pages = append(pages, j)
		}
	})
	// Each page's error, in the order of the pages, so that the page a
	// mistake is reported with is the same from run to run.
	errs := make([]error, len(pages))
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(pages); i = int(next.Add(1) - 1) {
				_, errs[i] = pages[i].Render()
			}
		})
	}
	wg.Wait()
	var out diag.List
	found := map[diag.Diagnostic]bool{} // the places reported
	for i, err := range errs {
		if err == nil {
			continue
		}
		d, ok := templateRun(opts.Src, err)
		if !ok {
			d = diag.Diagnostic{Path: "templates", Severity: diag.Error, Message: err.Error()}
		}
		if !found[d] {
			found[d] = true
			d.Message += fmt.Sprintf(" (making %s)", pages[i].Path)
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}
