package site

import (
	"crypto/sha256"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"factcheck/generator/internal/diag"

	"golang.org/x/text/unicode/norm"
)

// Cache keeps what Load parsed, so that loading the same site again after
// a few files changed parses only those files and verifies only the quotes
// that may have changed: the dev server's rebuild after a save.
//
// A parsed file is never changed once the cache holds it. Every Load links
// its own copies of the claims, sources and pages, so a Site from an
// earlier Load stays whole while the next one is made and can still be
// rendered.
//
// A claim or page is parsed again, and its quotes verified again, when its
// own file changed or when a file changed whose id it cites: the source it
// quotes may have changed, appeared or gone. Anything else about it (its
// cross-links, ratings, listings) is worked out afresh by every Load.
//
// The zero Cache is empty and ready. Loads with one Cache must not
// overlap.
type Cache struct {
	// The settings that parsing and the rules of quotes depend on: a
	// change to them parses every file and checks every quote again.
	settings
	files map[string]*entry // by path
	// citing has, for an id, the paths of the claims and pages citing it.
	citing map[string]map[string]bool
	// listed are the content files, in path order, and listDiags what
	// listing them found wrong.
	listed    []string
	listDiags diag.List

	// The cache on disk (see OpenCache): its folder and the program's
	// stamp; the shards read, until the first Load adopts them; whether
	// the entries taken from them are still to be compared with the
	// files; and, for Save, whether each shard's file holds what the
	// cache held when it was read or written, and how many entries.
	dir, stamp string
	reading    sync.WaitGroup // OpenCache's reading of loaded
	loaded     []diskShard
	unverified bool
	shardOK    [diskShards]bool
	shardLen   [diskShards]int
}

// entry is one parsed file.
type entry struct {
	parsedFile
	// checked is what verifying the quotes of a claim or page found; nil
	// until they are verified.
	checked *checked
	// deps is, for an entry read from disk, the fingerprint of the files
	// its checked quotes were checked against (see deps).
	deps [32]byte
	// stat is what the file's metadata was before it was read for sum,
	// when it can be trusted for its content (see trusted); zero
	// otherwise.
	stat fileStat
	// disk is set on an entry that is in its shard file on disk, and
	// diskChecked when it is there with its checked quotes.
	disk, diskChecked bool
}

// checked is the outcome of verifying one claim's or page's quotes, kept
// without the claim, so that the next Load can use it for its copy.
type checked struct {
	diags      diag.List
	highlights []Highlight // Claim left nil
	sources    []string    // the id of each highlight's source
}

// Load reads the site rooted at fsys (the folder holding content/) and
// checks it, like the package's Load, parsing again only what changed.
// changed lists the paths (slash-separated, relative to fsys) that changed
// since the previous Load with this cache: files and folders, added,
// written or removed. When it is nil or holds ".", anything may have
// changed and every file is parsed.
func (c *Cache) Load(fsys fs.FS, opts Options, changed []string) (*Site, diag.List) {
	start := time.Now()
	var diags diag.List
	var cfg Config
	if symlinked(fsys, configFile, &diags) {
		cfg = loadConfig(noFiles{}, &diags)
	} else {
		cfg = loadConfig(fsys, &diags)
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = normalizeBaseURL(opts.BaseURL, baseURLFlag, Pos{}, &diags)
	}
	set := settings{unsafeHTML: cfg.UnsafeHTML, checkOnly: opts.CheckOnly, language: cfg.Language, negations: cfg.NegationWords, languages: cfg.Languages}
	c.reading.Wait()
	if c.loaded != nil {
		c.adopt(set)
	}
	if c.files == nil || (!c.unverified && (changed == nil || contains(changed, "."))) || !set.equal(c.settings) {
		c.files = map[string]*entry{}
		c.citing = map[string]map[string]bool{}
		c.settings = set
		c.listed = nil
		c.unverified = false
		c.shardOK = [diskShards]bool{}
	}
	if c.unverified {
		changed = nil // a new listing, then every file is compared
	}
	files := c.list(fsys, changed)
	if c.unverified {
		changed = c.verify(fsys, files)
		c.unverified = false
	}
	diags = append(diags, c.listDiags...)
	listed := make(map[string]bool, len(files))
	for _, p := range files {
		listed[p] = true
	}
	var gone []string // ids of the files removed
	for p := range c.files {
		if !listed[p] {
			gone = append(gone, fileID(p))
			c.put(p, nil)
		}
	}
	stale := c.stale(files, changed, gone)
	var stats []fileStat
	if c.dir != "" {
		// For the next run: taken before the files are read.
		stats = statAll(fsys, stale)
	}
	parsed := parseAll(fsys, stale, cfg, opts.CheckOnly)
	if len(c.files) == 0 {
		c.files = make(map[string]*entry, len(stale))
	}
	// The files go into the cache now; which files cite which ids is
	// updated meanwhile, for the next Load (see put).
	put := make([]*entry, len(stale))
	old := make([]*entry, len(stale))
	for i, p := range stale {
		put[i] = &entry{parsedFile: parsed[i]}
		if stats != nil && parsed[i].sum != ([32]byte{}) {
			put[i].stat = stats[i]
		}
		old[i] = c.files[p]
		c.files[p] = put[i]
	}
	var citing sync.WaitGroup
	defer citing.Wait()
	citing.Go(func() {
		for i, p := range stale {
			c.cite(p, old[i], put[i])
		}
	})

	s := &Site{Config: cfg}
	s.Stats.Files, s.Stats.Parsed = len(files), len(stale)
	s.Stats.Read = time.Since(start)
	var drafts []*Claim
	// unread are the ids of the content files that could not be read or
	// parsed (each has an error of its own), by folder: what cites or
	// translates them gets no second error, nor does a source they might
	// cite.
	unread := map[string]map[string]bool{}
	for _, p := range files {
		e := c.files[p]
		if e.claim != nil && e.claim.Draft && !opts.Drafts {
			// A draft is left out, its problems too, until it is
			// published or checked with Options.Drafts: a claim just
			// begun (generator new claim) has empty fields.
			drafts = append(drafts, e.claimCopy())
			continue
		}
		diags = append(diags, e.diags...)
		switch {
		case e.claim != nil:
			s.Claims = append(s.Claims, e.claimCopy())
		case e.source != nil:
			src := *e.source
			s.Sources = append(s.Sources, &src)
		case e.page != nil:
			pg := *e.page
			pg.cached = e
			s.Pages = append(s.Pages, &pg)
		default:
			var dir string
			for _, d := range contentDirs {
				if strings.HasPrefix(p, d+"/") {
					dir = d
				}
			}
			if unread[dir] == nil {
				unread[dir] = map[string]bool{}
			}
			unread[dir][fileID(p)] = true
		}
	}
	linked := time.Now()
	link(s, drafts, unread, &diags)
	s.Stats.Link = time.Since(linked)
	diags.Sort()
	return s, diags
}

// claimCopy is a copy of the entry's claim for one Load, which links it
// (the entry's own stays as parsed), keeping its checks.
func (e *entry) claimCopy() *Claim {
	cl := *e.claim
	cl.cached = e
	return &cl
}

// Sum returns the SHA-256 of the content file p (slash-separated, as
// Load lists it) that the last Load used: read, or taken from the cache
// for a file whose metadata proved it unchanged (see OpenCache). ok is
// false for a file the last Load did not list or could not read. It may
// be called while Save runs.
func (c *Cache) Sum(p string) (sum [sha256.Size]byte, ok bool) {
	if e := c.files[p]; e != nil && e.sum != sum {
		return e.sum, true
	}
	return sum, false
}

// list lists the content files like listFiles, walking only the changed
// paths when it can.
func (c *Cache) list(fsys fs.FS, changed []string) []string {
	full := c.listed == nil
	for _, ch := range changed {
		full = full || ch == "." || ch == "content" || slices.Contains(contentDirs, ch)
	}
	if full {
		c.listDiags = nil
		c.listed = listFiles(fsys, &c.listDiags)
		return c.listed
	}
	under := func(p, ch string) bool { return p == ch || strings.HasPrefix(p, ch+"/") }
	type root struct{ dir, path string } // a changed path and its content folder
	var roots []root
	for _, ch := range changed {
		for _, dir := range contentDirs {
			if strings.HasPrefix(ch, dir+"/") {
				roots = append(roots, root{dir, ch})
			}
		}
	}
	if len(roots) == 0 {
		return c.listed
	}
	gone := func(p string) bool { return slices.ContainsFunc(roots, func(r root) bool { return under(p, r.path) }) }
	files := slices.DeleteFunc(slices.Clone(c.listed), gone)
	c.listDiags = slices.DeleteFunc(c.listDiags, func(d diag.Diagnostic) bool { return gone(d.Path) })
	added := false
	for _, r := range roots {
		if setAside(r.dir, r.path) || symlinked(fsys, r.path, &c.listDiags) {
			continue
		}
		n := len(files)
		walkContent(fsys, r.dir, r.path, &c.listDiags, &files)
		added = added || len(files) > n
	}
	if added {
		slices.Sort(files)
		files = slices.Compact(files)
	}
	c.listed = files
	return files
}

// setAside reports whether a path below the content folder dir lies in a
// folder that listFiles skips (a name starting with "." or "_").
func setAside(dir, p string) bool {
	for seg := range strings.SplitSeq(strings.TrimPrefix(p, dir+"/"), "/") {
		if strings.HasPrefix(seg, ".") || strings.HasPrefix(seg, "_") {
			return true
		}
	}
	return false
}

// put sets or, with nil, removes the entry of a path.
func (c *Cache) put(p string, e *entry) {
	c.cite(p, c.files[p], e)
	if e == nil {
		delete(c.files, p)
		return
	}
	c.files[p] = e
}

// cite updates which files cite which ids for the entry of path p
// replaced: old and e may be nil.
func (c *Cache) cite(p string, old, e *entry) {
	if old != nil {
		for _, id := range old.refs().sources {
			delete(c.citing[id], p)
		}
	}
	if e == nil {
		return
	}
	for _, id := range e.refs().sources {
		if c.citing[id] == nil {
			c.citing[id] = map[string]bool{}
		}
		c.citing[id][p] = true
	}
}

// refs are the ids a claim or page refers to.
func (e *entry) refs() refs {
	switch {
	case e.claim != nil:
		return e.claim.refs
	case e.page != nil:
		return e.page.refs
	}
	return refs{}
}

// stale returns the files of the site that must be parsed: those not in
// the cache, those changed (or inside a changed folder), and the claims
// and pages that cite the id of a file changed, added or gone. The cache
// holds no file that is not in files; gone are the ids of those removed.
func (c *Cache) stale(files, changed, gone []string) []string {
	touched := gone // ids of changed files
	dirty := map[string]bool{}
	for _, p := range files {
		if c.files[p] == nil {
			dirty[p] = true
			touched = append(touched, fileID(p))
		}
	}
	for _, ch := range changed {
		if strings.HasSuffix(ch, ".md") {
			touched = append(touched, fileID(ch)) // also when it is gone
		}
		if c.files[ch] != nil {
			dirty[ch] = true
			continue
		}
		for p := range c.files { // a folder
			if strings.HasPrefix(p, ch+"/") {
				dirty[p] = true
				touched = append(touched, fileID(p))
			}
		}
	}
	for _, id := range touched {
		for p := range c.citing[id] {
			dirty[p] = true
		}
	}
	var out []string
	for _, p := range files {
		if dirty[p] {
			out = append(out, p)
		}
	}
	return out
}

// fileID is the id a content file's name gives it.
func fileID(p string) string {
	return norm.NFC.String(strings.TrimSuffix(path.Base(p), ".md"))
}
