package pipeline

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"factcheck/generator/internal/card"
	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/output"
	"factcheck/generator/internal/render"
	"factcheck/generator/internal/search"
	"factcheck/generator/internal/site"
)

// Errors of Write that are not about the content nor the disk (see
// package output).
var (
	ErrBusy    = output.ErrBusy
	ErrRefused = output.ErrRefused
)

// Write loads, checks and renders the site into the folder out, which
// package output holds: only the files that differ from the previous
// build's are written, and a failed build leaves the previous output as
// it was. When the inputs (see inputs) are those of the previous build
// and its files are all still there, nothing is rendered. A file or
// folder it cannot write, rename or remove is named in the error with the
// system's reason ("no space left on device"), and the error says what
// became of the previous output; it wraps the system error, so
// errors.Is(err, syscall.ENOSPC) works.
func Write(opts Options, out string) (*Result, diag.List, error) {
	folder, err := output.Open(out, opts.Src)
	if err != nil {
		return nil, nil, err
	}
	defer folder.Close()
	cacheWarning := openCache(&opts, folder)
	opts.reads = &readLog{sums: map[string][sha256.Size]byte{}}
	var load func() (*site.Site, diag.List)
	if opts.parsed != nil {
		load = func() (*site.Site, diag.List) {
			return opts.parsed.Load(opts.srcFS(), site.Options{Drafts: opts.Drafts, BaseURL: opts.BaseURL}, nil)
		}
	}
	s, diags, a, aErr := loadAll(opts, load)
	// What was parsed is saved for the next build while this one renders,
	// and also when the content has errors: the build after the fix
	// then parses only what it changed.
	var (
		saving  sync.WaitGroup
		saveErr error
	)
	if opts.parsed != nil {
		saving.Go(func() { saveErr = opts.parsed.Save() })
	}
	defer saving.Wait()
	if diags.Errors() > 0 {
		return nil, diags, ErrContent
	}
	fp, layout := inputs(opts, opts.reads)
	opts.layout = layout
	if opts.parsed != nil && layout != "" {
		opts.terms = search.OpenCache(filepath.Join(opts.Cache, "search", "terms.bin"), layout)
	}
	// The quotes are verified: rendering does not need the sources'
	// match indexes, which are large on a big site.
	for _, src := range s.Sources {
		src.Index = nil
	}
	b, err := folder.Begin()
	if err != nil {
		return nil, diags, err
	}
	b.SetInputs(fp)
	pages, err := 0, aErr
	var (
		rendered atomic.Int64 // share cards rendered: drawn, without a cache
		html     atomic.Int64 // pages rendered
	)
	// The same inputs make the same files: those of the previous build,
	// if they are all still there.
	kept := err == nil && fp != "" && fp == folder.Inputs() && b.KeepAll()
	if kept {
		a.jobs(s, opts, func(j render.Job) {
			if strings.HasSuffix(j.Path, ".html") {
				pages++
			}
		})
	} else if err == nil {
		pages, err = a.render(s, opts, func(p string, data []byte, fresh bool, id string) error {
			if strings.HasSuffix(p, ".html") {
				html.Add(1)
			} else if id != "" && render.IsCard(p) {
				rendered.Add(1)
			}
			// A page or search chunk is known by its ID (its inputs)
			// and its bytes: made again under another ID (by a new
			// program, say), it is written only if its bytes changed. A
			// share card is known by its cache key alone, whether drawn
			// or linked from the cache.
			f := output.File{Path: p, Data: data, ID: id, Sum: id != "" && !render.IsCard(p)}
			if fresh {
				f.Recycle = render.Recycle
			}
			return b.Add(f)
		}, func(p, from, id string, render func() ([]byte, error)) error {
			return b.Add(output.File{Path: p, From: from, ID: id, Render: render})
		}, b.Keep)
	}
	if err != nil {
		return nil, diags, b.Abort(err)
	}
	// The share cards this build did not use leave their cache, and the
	// search index's term blocks are saved, while the output is
	// committed: neither is part of it, and a build that fails to commit
	// leaves them holding what it made, which the next build may use.
	var (
		tidying            sync.WaitGroup
		pruneErr, termsErr error
	)
	if !kept {
		tidying.Go(func() {
			if opts.cards != nil {
				pruneErr = opts.cards.Prune()
			}
			if opts.terms != nil {
				termsErr = opts.terms.Save()
			}
		})
	}
	defer tidying.Wait()
	warning, err := b.Commit()
	tidying.Wait()
	if err != nil {
		return nil, diags, err
	}
	res := &Result{Site: s, Pages: pages, Rendered: int(html.Load()), Written: b.Written(), Unchanged: kept, Warning: warning, Cards: len(s.Claims)}
	// Each translation has its share card too, under its language.
	for _, cs := range s.Translated {
		res.Cards += len(cs)
	}
	switch {
	case opts.cards != nil && !kept:
		res.CardsDrawn = int(opts.cards.Drawn())
		if pruneErr != nil && cacheWarning == "" {
			cacheWarning = "cannot remove old share cards from the cache: " + reason(pruneErr)
		}
	case opts.cards == nil:
		res.CardsDrawn = int(rendered.Load())
	}
	saving.Wait()
	if saveErr == nil {
		saveErr = termsErr
	}
	if saveErr != nil && cacheWarning == "" {
		cacheWarning = "what was parsed is not cached: " + reason(saveErr)
	}
	if cacheWarning != "" {
		res.Warning = strings.TrimPrefix(res.Warning+"; "+cacheWarning, "; ")
	}
	return res, diags, nil
}

// openCache opens the folder opts.Cache/cards for the share cards, and
// says why in a warning when it cannot: the build then draws every card;
// and the parse cache in opts.Cache/parsed, which needs no warning: a
// cache it cannot read is an empty one.
// A cache folder that is the output folder, lies inside it or holds it
// is not used: the build would replace or remove it.
func openCache(opts *Options, out *output.Folder) (warning string) {
	if opts.Cache == "" {
		return ""
	}
	if fi, err := os.Lstat(opts.Cache); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return "share cards are not cached: " + opts.Cache + " is a symbolic link"
	}
	dir, err := filepath.Abs(opts.Cache)
	if err != nil {
		return "share cards are not cached: " + err.Error()
	}
	if out.Overlaps(dir) {
		return "share cards are not cached: the cache folder " + opts.Cache + " must be apart from the output folder"
	}
	c, err := card.OpenCache(filepath.Join(dir, "cards"))
	stampDir := dir
	if err != nil {
		stampDir = "" // not a folder the build can write
	}
	if stamp := programStamp(stampDir); stamp != "" {
		opts.parsed = site.OpenCache(filepath.Join(dir, "parsed"), stamp)
	}
	if err != nil {
		return "share cards are not cached: " + reason(err)
	}
	opts.cards = c
	return ""
}

// linkedFolders refuses a site whose templates/ or static/ folder is a
// symbolic link: Render reads them through fs.Sub, which would follow it
// and publish files from outside the site. (Links inside static/ are
// refused by staticJobs, links in content/ by site.Load.)
func linkedFolders(src string) error {
	for _, d := range []string{"templates", "static"} {
		if fi, err := os.Lstat(filepath.Join(src, d)); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s/: %w; make %s/ a folder inside the site", d, ErrSymlink, d)
		}
	}
	return nil
}

// reason is the system's own words for err ("no space left on device"),
// without the operation and path that *fs.PathError adds.
func reason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	return err.Error()
}
