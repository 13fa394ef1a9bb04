package pipeline

import (
	"fmt"
	"html"
	"strings"
	"sync"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/locale"
	"factcheck/generator/internal/render"
	"factcheck/generator/internal/site"
)

// Lazy loads and checks the site like Memory, but renders no file until it
// is asked for: the dev server then has a large site up as soon as it is
// loaded, and a save re-renders only the pages the browser asks for.
// cache keeps the parsed files from one call to the next, and changed
// lists what changed since the previous call (see site.Cache.Load), so
// that a save parses only the file saved. Every call makes a new set of
// files; no page is shared with an earlier build, so none can be stale.
func Lazy(opts Options, cache *site.Cache, changed []string) (*LazyFiles, diag.List, error) {
	s, diags, a, aErr := loadAll(opts, func() (*site.Site, diag.List) {
		return cache.Load(DirFS(opts.Src), site.Options{Drafts: opts.Drafts, BaseURL: opts.BaseURL}, changed)
	})
	if diags.Errors() > 0 {
		return nil, diags, nil
	}
	if aErr != nil {
		return nil, diags, aErr
	}
	l := &LazyFiles{jobs: map[string]*lazyJob{}, locale: s.Config.Locale, src: opts.Src}
	a.jobs(s, opts, func(j render.Job) {
		if j.Expand != nil {
			l.folders = append(l.folders, &lazyFolder{job: j})
		} else {
			l.jobs[j.Path] = &lazyJob{job: j}
		}
	})
	return l, diags, nil
}

// LazyFiles are the output files of a build, each rendered when first
// asked for and then kept.
type LazyFiles struct {
	jobs    map[string]*lazyJob
	folders []*lazyFolder
	locale  *locale.Locale
	src     string // the site folder, for Diagnose
}

// Locale is the site's language: the dev server's overlay speaks it.
func (l *LazyFiles) Locale() *locale.Locale { return l.locale }

// lazyFolder is a job that makes a group of files at once (the search
// index, the sitemaps), run when one of them is first asked for.
type lazyFolder struct {
	once  sync.Once
	job   render.Job
	files map[string]*lazyJob
}

type lazyJob struct {
	once sync.Once
	job  render.Job
	b    []byte
}

// File returns the file at an output path ("claims/x/index.html"). A file
// that failed to render is an HTML page saying why.
func (l *LazyFiles) File(path string) ([]byte, bool) {
	j := l.jobs[path]
	if j == nil {
		j = l.inFolder(path)
	}
	if j == nil {
		return nil, false
	}
	j.once.Do(func() {
		b, err := j.job.Render()
		if err != nil {
			msg := fmt.Sprintf("%s: %v", path, err)
			if d, ok := Diagnose(l.src, &PageError{path, err}); ok {
				msg = d[0].String() // the template's line, as build and check say it
			}
			if strings.HasSuffix(path, ".html") {
				b = []byte("<!doctype html><title>Render error</title><body><h1>This page failed to render</h1><pre>" + html.EscapeString(msg) + "</pre></body>")
			} else {
				b = []byte(msg)
			}
		}
		j.b = b
	})
	return j.b, true
}

// inFolder finds path among the files of the folder jobs.
func (l *LazyFiles) inFolder(path string) *lazyJob {
	for _, f := range l.folders {
		if !strings.HasPrefix(path, f.job.Path) {
			continue
		}
		f.once.Do(func() {
			f.files = map[string]*lazyJob{}
			for _, j := range f.job.Expand() {
				f.files[j.Path] = &lazyJob{job: j}
			}
		})
		if j := f.files[path]; j != nil {
			return j
		}
	}
	return nil
}
