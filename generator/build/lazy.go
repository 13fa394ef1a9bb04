package build

import (
	"fmt"
	"html"
	"strings"
	"sync"

	"factcheck/generator/check"
	"factcheck/generator/render"
)

// Lazy loads and checks the site like Memory, but renders no file until it
// is asked for: the dev server then has a large site up as soon as it is
// loaded, and a save re-renders only the pages the browser asks for.
// Every call makes a new set of files; none is shared with an earlier
// build, so no page can be stale.
func Lazy(opts Options) (*LazyFiles, check.List, error) {
	s, diags := Load(opts)
	if diags.Errors() > 0 {
		return nil, diags, nil
	}
	l := &LazyFiles{jobs: map[string]*lazyJob{}}
	err := jobs(s, opts, func(j render.Job) { l.jobs[j.Path] = &lazyJob{job: j} })
	if err != nil {
		return nil, diags, err
	}
	return l, diags, nil
}

// LazyFiles are the output files of a build, each rendered when first
// asked for and then kept.
type LazyFiles struct {
	jobs map[string]*lazyJob
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
		return nil, false
	}
	j.once.Do(func() {
		b, err := j.job.Render()
		if err != nil {
			msg := fmt.Sprintf("%s: %v", path, err)
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
