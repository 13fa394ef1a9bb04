package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/markdown"
)

// Options change how a site is loaded.
type Options struct {
	// Drafts includes claims marked draft.
	Drafts bool
	// BaseURL, if set, replaces site.yaml's base_url.
	BaseURL string
	// CheckOnly says that the site will be checked, not rendered: its
	// Markdown is not rendered to HTML while it loads (see
	// markdown.Doc.DropTree): a check needs the quotes, not the HTML.
	CheckOnly bool
}

// The folders of content/ and what they hold.
const (
	claimsDir  = "content/claims"
	sourcesDir = "content/sources"
	pagesDir   = "content/pages"
	configFile = "content/site.yaml"
)

// Load reads the site rooted at fsys (the folder holding content/) and
// checks it. It returns every problem it found; the site is usable for
// rendering only when there are no errors among them.
func Load(fsys fs.FS, opts Options) (*Site, diag.List) {
	return new(Cache).Load(fsys, opts, nil)
}

// contentDirs are the folders of content files.
var contentDirs = []string{claimsDir, sourcesDir, pagesDir}

// listFiles finds the .md files of content/claims, content/sources and
// content/pages, in sub-folders too, sorted.
func listFiles(fsys fs.FS, diags *diag.List) []string {
	var out []string
	for _, dir := range contentDirs {
		if symlinked(fsys, dir, diags) {
			continue
		}
		walkContent(fsys, dir, dir, diags, &out)
	}
	slices.Sort(out)
	return out
}

// walkContent adds to out the .md files at or below start, a file or
// folder inside the content folder dir. Names starting
// with "." or "_" below dir are left out: hidden files, editors'
// leftovers and folders set aside.
func walkContent(fsys fs.FS, dir, start string, diags *diag.List, out *[]string) {
	err := fs.WalkDir(fsys, start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == start && errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			diags.Errorf(p, 1, 1, "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			diags.Errorf(p, 1, 1, "%s", symlinkMessage)
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(name, ".md") {
			if !d.Type().IsRegular() {
				// A named pipe would hang the build at its first read.
				diags.Errorf(p, 1, 1, "not a regular file (a named pipe, socket or device): content must be regular files")
				return nil
			}
			*out = append(*out, p)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(start, 1, 1, "cannot read: %v", err)
	}
}

// symlinked reports, as an error, whether name or a folder on its way
// (content/ itself) is a symbolic link: fs.WalkDir and fs.ReadFile would
// follow it out of the site.
func symlinked(fsys fs.FS, name string, diags *diag.List) bool {
	for p := name; p != "."; p = path.Dir(p) {
		if fi, err := fs.Lstat(fsys, p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			for _, d := range *diags {
				if d.Path == p && d.Message == symlinkMessage {
					return true // content/ itself, already reported
				}
			}
			diags.Errorf(p, 1, 1, "%s", symlinkMessage)
			return true
		}
	}
	return false
}

const symlinkMessage = "symbolic links are not followed: content must be regular files inside the site"

// noFiles is an empty file system.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

type parsedFile struct {
	claim  *Claim
	source *Source
	page   *Page
	diags  diag.List
	// sum is the SHA-256 of the file's bytes; zero when it could not be
	// read.
	sum [sha256.Size]byte
}

// parseAll reads and parses files on all cores. dict numbers the words of
// claims; it is nil when the site is only checked.
func parseAll(fsys fs.FS, files []string, cfg Config, checkOnly bool) []parsedFile {
	out := make([]parsedFile, len(files))
	claimParser := markdown.NewParser(false)
	sourceParser := markdown.NewParser(true)
	sourceRenderer := markdown.NewRenderer(nil, cfg.UnsafeHTML)
	var wg sync.WaitGroup
	var next atomic.Int64 // the next file to parse
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				p := &out[i]
				b, err := fs.ReadFile(fsys, files[i])
				if err != nil {
					p.diags.Errorf(files[i], 1, 1, "cannot read: %v", err)
					continue
				}
				parseFile(p, files[i], b, claimParser, sourceParser, sourceRenderer, cfg, checkOnly)
			}
		}()
	}
	wg.Wait()
	return out
}

func parseFile(p *parsedFile, name string, b []byte, cp, sp *markdown.Parser, sr *markdown.Renderer, cfg Config, checkOnly bool) {
	sum := sha256.Sum256(b)
	p.sum = sum
	digest := hex.EncodeToString(sum[:16])
	b = cleanText(name, b, &p.diags)
	f, ok := splitFile(name, b, &p.diags)
	if !ok {
		return
	}
	fields := parseYAML(name, f.yaml, 2, &p.diags)
	if fields == nil {
		return
	}
	id := fileID(name)
	switch {
	case strings.HasPrefix(name, claimsDir+"/"):
		p.claim = parseClaim(id, f, fields, cp, keptHTML(cfg, checkOnly), !checkOnly, &p.diags)
		if p.claim != nil {
			p.claim.Digest = digest
		}
	case strings.HasPrefix(name, sourcesDir+"/"):
		p.source = parseSource(id, f, fields, sp, sr, &p.diags)
		if p.source != nil {
			p.source.Digest = digest
		}
	default:
		p.page = parsePage(id, f, fields, cp, keptHTML(cfg, checkOnly), &p.diags)
	}
}

// sortSite puts claims newest first, sources by title and pages in menu
// order.
func sortSite(s *Site) {
	sortClaims(s.Claims)
	sort.Slice(s.Sources, func(i, j int) bool {
		a, b := s.Sources[i], s.Sources[j]
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
	sortPages(s.Pages)
}

// sortPages puts pages in menu order: those in the menu first, by their
// place in it, then by title and id.
func sortPages(ps []*Page) {
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if (a.Menu == 0) != (b.Menu == 0) {
			return a.Menu != 0
		}
		if a.Menu != b.Menu {
			return a.Menu < b.Menu
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
}

// sortClaims orders claims newest first by publication date, then by id.
func sortClaims(cs []*Claim) {
	// The keys are sorted beside the claims, in one slice: comparing
	// them does not read each claim from memory again.
	type key struct {
		sec  int64 // Published, as time.Compare orders it
		nsec int
		id   string
		c    *Claim
	}
	keys := make([]key, len(cs))
	for i, c := range cs {
		keys[i] = key{c.Published.Unix(), c.Published.Nanosecond(), c.ID, c}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(b.sec, a.sec); c != 0 {
			return c
		}
		if c := cmp.Compare(b.nsec, a.nsec); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	for i, k := range keys {
		cs[i] = k.c
	}
}

// keptHTML says how a loaded document keeps its HTML (see
// markdown.Doc.DropTree).
func keptHTML(cfg Config, checkOnly bool) markdown.HTML {
	switch {
	case checkOnly:
		return markdown.NoHTML
	case cfg.UnsafeHTML:
		return markdown.UnsafeHTML
	}
	return markdown.SafeHTML
}
