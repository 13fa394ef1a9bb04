// Package pipeline turns a site folder into its output: load and check
// the content, render every page on all cores, and hand the files to the
// output folder (package output, which writes only what changed), or keep
// them in memory for the dev server (Memory, Lazy). Write keeps in its
// cache folder (Options.Cache) the share cards it drew, what it parsed
// of the content (site.OpenCache) and the search index's term blocks
// (search.Cache), so that a build after an edit draws, parses, checks
// and tokenizes only what the edit changed. There too it keeps the
// hash of its own executable (see programStamp), and like the parse
// cache it takes a content file or the executable for unchanged when its
// size, times and inode are (see site.OpenCache): a build with a cache
// folder reads only the files written since the last one.
//
// A template's mistake is reported at its file, line and column
// (Diagnose): html/template finds a missing field only when a page runs
// it, so Check makes every page of a site with templates of its own in
// memory.
package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	factcheck "factcheck"
	"factcheck/generator/internal/card"
	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/render"
	"factcheck/generator/internal/search"
	"factcheck/generator/internal/site"
)

// Options say what to build.
type Options struct {
	// Src is the site folder, holding content/ and optionally templates/
	// and static/.
	Src string
	// Drafts includes draft claims.
	Drafts bool
	// BaseURL replaces site.yaml's base_url when set.
	BaseURL string
	// Dev marks the pages as the dev server's preview.
	Dev bool
	// Progress, when set, counts the output files as they are made.
	Progress *Progress
	// Cache, when set, is the folder where Write keeps what the next
	// build may reuse: the share cards it drew, in Cache/cards, and what
	// it parsed of the content, in Cache/parsed (see site.OpenCache): a
	// build after an edit parses only the files that changed, and checks
	// only the quotes that may have; the search index's term blocks, in
	// Cache/search (see search.Cache): it tokenizes only the claims of the
	// blocks that changed; and the hash of the program's
	// executable, in Cache/program (see programStamp). It must not be or
	// be inside the output folder, nor hold it.
	Cache string

	cards  *card.Cache   // opened by Write from Cache
	parsed *site.Cache   // opened by Write from Cache
	terms  *search.Cache // opened by Write from Cache
	reads  *readLog      // set by Write: the files read, see srcFS
	// layout is the fingerprint of what every page is made from besides
	// its claims and sources (see inputs), set by Write: the pages of
	// claims, sources and listings then get IDs (render.Renderer.Inputs).
	layout string
}

// Progress counts a build's output files while it runs, for a progress
// display that reads it from another goroutine.
type Progress struct {
	// Total is the number of files to make, known once the content is
	// loaded (the search index counts as one); Done the number made.
	Total, Done atomic.Int64
}

// Result is a rendered site.
type Result struct {
	Site *site.Site
	// Files maps output paths ("claims/x/index.html") to contents; it is
	// filled only by Memory.
	Files map[string][]byte
	// Pages counts the HTML pages; Rendered those Write rendered, the
	// others being kept from the previous build by their ID (see
	// render.Job.ID).
	Pages, Rendered int
	// Written counts the files Write wrote: those that differ from the
	// previous build's output, or all of them in a new folder.
	Written int
	// Unchanged is set by Write when the site, the options and the
	// program were those of the previous build into the folder, and its
	// files all still there: nothing was rendered.
	Unchanged bool
	// Warning is set by Write when the new site is in place but something
	// was left behind that the next build cleans up, or the share cards
	// could not be cached.
	Warning string
	// CardsDrawn counts the share cards Write drew, not found in the
	// cache; Cards counts them all.
	CardsDrawn, Cards int
}

// Errors of DirFS's ReadFile, and of the walks of templates/ and static/.
var (
	ErrSymlink    = errors.New("symbolic links are not followed")
	ErrNotRegular = errors.New("not a regular file (a named pipe, socket or device)")
)

// Load reads and checks the site folder.
func Load(opts Options) (*site.Site, diag.List) {
	return site.Load(opts.srcFS(), site.Options{Drafts: opts.Drafts, BaseURL: opts.BaseURL})
}

// srcFS is the site folder, whose reads are logged in opts.reads if set.
func (opts Options) srcFS() fs.FS {
	if opts.reads != nil {
		return loggedFS{DirFS(opts.Src), opts.reads}
	}
	return DirFS(opts.Src)
}

// CheckAssets reads the site's templates and lists its static files as a
// build does, and reports as a diagnostic what would make a build fail:
// a template that does not parse, a symbolic link, a special file.
func CheckAssets(src string) diag.List {
	_, err := loadAssets(Options{Src: src})
	return assetDiags(src, err)
}

// assetDiags is the diagnostic of loadAssets's error, nil for none.
func assetDiags(src string, err error) diag.List {
	if err == nil {
		return nil
	}
	if l, ok := Diagnose(src, err); ok {
		return l
	}
	var l diag.List
	l.Errorf("templates", 0, 0, "%s", err.Error())
	return l
}

// loadAll loads and checks the site with load (Load when nil) and,
// meanwhile, its templates and static files.
func loadAll(opts Options, load func() (*site.Site, diag.List)) (*site.Site, diag.List, *assets, error) {
	if load == nil {
		load = func() (*site.Site, diag.List) { return Load(opts) }
	}
	var (
		a    *assets
		aErr error
		wg   sync.WaitGroup
	)
	wg.Go(func() { a, aErr = loadAssets(opts) })
	s, diags := load()
	wg.Wait()
	return s, diags, a, aErr
}

// render renders s with a (the built-in templates and assets, overridden
// by the site's own templates/ and static/ folders), and hands each output
// file to emit, from several goroutines at once (see emitFunc). A job
// whose bytes are in a file already (a cached share card,
// render.Job.Cached) is handed to link instead, when set.
func (a *assets) render(s *site.Site, opts Options, emit emitFunc, link linkFunc, keep keepFunc) (pages int, err error) {
	var all []render.Job
	a.jobs(s, opts, func(j render.Job) { all = append(all, j) })
	for _, j := range all {
		if strings.HasSuffix(j.Path, ".html") {
			pages++
		}
	}
	if opts.Progress != nil {
		opts.Progress.Total.Store(int64(len(all)))
	}
	return pages, runJobs(all, emit, link, keep, opts.Progress)
}

// assets are the templates and static files of a site: the built-in
// ones, overridden by the site's own templates/ and static/.
type assets struct {
	tmpl     *render.Templates
	statics  []render.Job
	versions map[string]string // render.AssetVersions of statics
}

func loadAssets(opts Options) (*assets, error) {
	if err := linkedFolders(opts.Src); err != nil {
		return nil, err
	}
	srcFS := opts.srcFS()
	builtinT, _ := fs.Sub(factcheck.Files, "templates")
	builtinS, _ := fs.Sub(factcheck.Files, "static")
	var overrideT, overrideS fs.FS
	if dirExists(srcFS, "templates") {
		overrideT, _ = fs.Sub(srcFS, "templates")
	}
	if dirExists(srcFS, "static") {
		overrideS, _ = fs.Sub(srcFS, "static")
	}
	if err := regularTemplates(srcFS); err != nil {
		return nil, err
	}
	t, err := render.LoadTemplates(builtinT, overrideT)
	if err != nil {
		return nil, err
	}
	statics, err := staticJobs(builtinS, overrideS)
	if err != nil {
		return nil, err
	}
	versions, err := render.AssetVersions(statics)
	if err != nil {
		return nil, err
	}
	return &assets{tmpl: t, statics: statics, versions: versions}, nil
}

// jobs lists the output files of s rendered with a, one job each: the
// static files and the rendered ones.
// Rendered files win over static files of the same path. The names of the
// files an Expand job makes (search/…, sitemap…) are known only once it
// runs, so the static files under its Path are handed out by it, after
// what it made, where it made nothing of the same name.
func (a *assets) jobs(s *site.Site, opts Options, add func(render.Job)) {
	r := render.New(s, a.tmpl)
	r.Dev = opts.Dev
	r.Cards = opts.cards
	r.Terms = opts.terms
	r.Inputs = opts.layout
	r.Assets = a.versions
	rendered, made := dedupeJobs(r.Jobs())
	var statics []render.Job
	under := map[int][]render.Job{} // index of an Expand job → its statics
	for _, st := range a.statics {
		if _, ok := made[st.Path]; ok {
			continue
		}
		i := slices.IndexFunc(rendered, func(j render.Job) bool { return j.Expand != nil && strings.HasPrefix(st.Path, j.Path) })
		if i < 0 {
			statics = append(statics, st)
		} else {
			under[i] = append(under[i], st)
		}
	}
	for i, sts := range under {
		expand := rendered[i].Expand
		rendered[i].Expand = func() []render.Job {
			out := expand()
			for _, st := range sts {
				if !slices.ContainsFunc(out, func(j render.Job) bool { return j.Path == st.Path }) {
					out = append(out, st)
				}
			}
			return out
		}
	}
	for _, j := range append(statics, rendered...) {
		add(j)
	}
}

// regularTemplates refuses a file in templates/ that is a symbolic link,
// which would publish whatever it points to (templates/base.html linked
// to /proc/self/environ prints the environment on every page), or a
// special file, which could hang the build.
func regularTemplates(srcFS fs.FS) error {
	entries, _ := fs.ReadDir(srcFS, "templates")
	for _, e := range entries {
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			return fmt.Errorf("templates/%s: %w; copy the file into templates/", e.Name(), ErrSymlink)
		case !e.IsDir() && !e.Type().IsRegular():
			return fmt.Errorf("templates/%s: %w", e.Name(), ErrNotRegular)
		}
	}
	return nil
}

// Hidden tells the names of hidden files and of editors' temporary, swap
// and backup files, which are never part of a site: .env, .git, .DS_Store,
// .#x and #x# (emacs), x.swp (vim), x~, x___jb_tmp___ (JetBrains).
func Hidden(name string) bool {
	switch {
	case name == "" || strings.HasPrefix(name, "."):
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	case strings.HasSuffix(name, "~"):
		return true
	case strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".swo"):
		return true
	}
	return strings.Contains(name, "___jb_tmp___") || strings.Contains(name, "___jb_old___")
}

func dirExists(fsys fs.FS, name string) bool {
	fi, err := fs.Stat(fsys, name)
	return err == nil && fi.IsDir()
}

// staticJobs copies the built-in static files and the site's own, which
// replace built-in files of the same path. Hidden files and editors'
// leftovers are not copied; symbolic links and special files are refused.
func staticJobs(builtin, override fs.FS) ([]render.Job, error) {
	files := map[string]fs.FS{}
	for _, fsys := range []fs.FS{builtin, override} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case p != "." && Hidden(d.Name()):
				// .env, .git/, vim's .x.swp: never published.
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			case d.Type()&fs.ModeSymlink != 0:
				return fmt.Errorf("static/%s: %w; copy the file into static/", p, ErrSymlink)
			case d.IsDir():
				return nil
			case !d.Type().IsRegular():
				return fmt.Errorf("static/%s: %w", p, ErrNotRegular)
			}
			files[p] = fsys
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var jobs []render.Job
	for p, fsys := range files {
		jobs = append(jobs, render.Job{Path: p, Render: func() ([]byte, error) { return fs.ReadFile(fsys, p) }})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].Path < jobs[j].Path })
	return jobs, nil
}

// dedupeJobs keeps the last job of each path; last has the paths.
func dedupeJobs(jobs []render.Job) (out []render.Job, last map[string]int) {
	last = make(map[string]int, len(jobs))
	for i, j := range jobs {
		last[j.Path] = i
	}
	if len(last) == len(jobs) {
		return jobs, last
	}
	out = jobs[:0]
	for i, j := range jobs {
		if last[j.Path] == i {
			out = append(out, j)
		}
	}
	return out, last
}

// An emitFunc hands over the output file path with its bytes b; fresh is
// the job's render.Job.Fresh, and id, when set, stands for the bytes in
// the output's manifest: "id:" and the job's render.Job.ID.
type emitFunc func(path string, b []byte, fresh bool, id string) error

// A keepFunc reports whether the output file path, whose bytes have the
// id of an emitFunc, is kept from the previous build: then its job is not
// run.
type keepFunc func(path, id string) bool

// A linkFunc hands over the output file path as a link to the file from,
// or if that fails, what render returns; id is as for an emitFunc.
type linkFunc func(path, from, id string, render func() ([]byte, error)) error

// runJobs renders jobs on all cores and stops at the first error.
func runJobs(jobs []render.Job, emit emitFunc, link linkFunc, keep keepFunc, progress *Progress) error {
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		failed   atomic.Bool
		next     atomic.Int64 // the next job to run
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(jobs) && !failed.Load(); i = int(next.Add(1) - 1) {
				group := jobs[i : i+1]
				if jobs[i].Expand != nil {
					group = jobs[i].Expand()
				}
				for _, j := range group {
					id := ""
					if j.ID != nil {
						id = "id:" + j.ID()
					}
					if keep != nil && id != "" && keep(j.Path, id) {
						continue
					}
					var err error
					if from := ""; link != nil && j.Cached != nil {
						from = j.Cached()
						if from != "" {
							err = link(j.Path, from, id, j.Render)
						}
						if from != "" && err == nil {
							continue
						}
					}
					b, err := j.Render()
					if err == nil {
						err = emit(j.Path, b, j.Fresh, id)
					}
					if err != nil {
						mu.Lock()
						if firstErr == nil {
							firstErr = &PageError{j.Path, err}
						}
						mu.Unlock()
						failed.Store(true)
						break
					}
				}
				if progress != nil {
					progress.Done.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// Memory loads, checks and renders the site into memory. With errors in
// the content it renders nothing and returns the diagnostics.
func Memory(opts Options) (*Result, diag.List, error) {
	s, diags, a, err := loadAll(opts, nil)
	if diags.Errors() > 0 {
		return nil, diags, nil
	}
	res := &Result{Site: s, Files: map[string][]byte{}}
	if err != nil {
		return res, diags, err
	}
	var mu sync.Mutex
	pages, err := a.render(s, opts, func(p string, b []byte, _ bool, _ string) error {
		mu.Lock()
		res.Files[p] = b
		mu.Unlock()
		return nil
	}, nil, nil)
	res.Pages = pages
	return res, diags, err
}

// ErrContent is returned by Write when the content has errors.
var ErrContent = errors.New("the content has errors")
