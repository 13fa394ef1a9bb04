package site

import (
	"crypto/sha256"
	"time"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/wire"
)

// The kinds of entry in a shard.
const (
	kindNone   = iota // a file that did not parse: its diagnostics only
	kindClaim         // content/claims
	kindSource        // content/sources
	kindPage          // content/pages
)

// encodeEntry writes the entry of path p: the path, the SHA-256 of the
// file, the fingerprint of the files it cites (see deps), what parsing
// found and, for a claim or page, what checking its quotes found. It
// returns false when the entry cannot be written (a document still with
// its tree, or what parsing never makes): the caller then drops what it
// wrote.
func encodeEntry(w *wire.Writer, p string, e *entry, ids map[string][]fileSum) bool {
	w.String(p)
	w.String(string(e.sum[:]))
	d := deps(e.refs().sources, ids)
	w.String(string(d[:]))
	w.Int64(e.stat.size)
	w.Int64(e.stat.mtime)
	w.Int64(e.stat.ctime)
	w.Uint(e.stat.ino)
	w.Uint(e.stat.dev)
	writeDiags(w, e.diags)
	ok := true
	var doc *markdown.Doc
	switch {
	case e.claim != nil:
		w.Uint(kindClaim)
		c := e.claim
		if c.Links != nil || c.Sources != nil || c.LinkedFrom != nil || c.Original != nil || c.Translations != nil || c.cached != nil || c.Lang != "" {
			return false // linked: parsing never makes these
		}
		w.String(c.ID)
		w.String(c.Path)
		w.String(c.Digest)
		w.String(c.Claim)
		w.String(c.Short)
		writeName(w, c.Claimant)
		w.Time(c.ClaimDate)
		w.Strings(c.Appearances)
		w.String(c.Rating.ID)
		w.String(c.Rating.Label)
		w.String(c.Rating.Description)
		w.Int(c.Rating.Value)
		w.String(c.Rating.Color)
		w.String(c.Summary)
		w.Time(c.Published)
		w.Time(c.Updated)
		w.Strings(c.Authors)
		w.Len(c.Topics == nil, len(c.Topics))
		for _, t := range c.Topics {
			writeName(w, t)
		}
		w.Len(c.Corrections == nil, len(c.Corrections))
		for _, k := range c.Corrections {
			w.Time(k.Date)
			w.String(k.Note)
		}
		w.Bool(c.Draft)
		w.Strings(c.Aliases)
		w.String(c.Text)
		w.Int(c.bodyLine)
		writeSitePos(w, c.ratingPos)
		writeSitePos(w, c.publishedPos)
		writeRefs(w, c.refs)
		doc = c.Doc
	case e.source != nil:
		w.Uint(kindSource)
		s := e.source
		if s.Highlights != nil || s.CitedBy != nil {
			return false
		}
		w.String(s.ID)
		w.String(s.Path)
		w.String(s.Digest)
		w.String(s.Title)
		w.String(s.Publisher)
		w.String(s.URL)
		w.Time(s.Published)
		w.Time(s.Accessed)
		w.String(s.ArchiveURL)
		w.String(s.Kind)
		w.String(s.Format)
		w.String(s.Note)
		w.String(s.Language)
		w.Bool(s.Original != nil)
		if o := s.Original; o != nil {
			w.String(o.From)
			w.String(o.MediaType)
			w.Int64(o.Size)
			w.Int(o.Pages)
			w.String(o.SHA256)
			w.String(o.Taken)
			w.String(o.TextSHA256)
			w.Int64(int64(o.Duration))
			w.Bool(o.Edited)
		}
		w.Len(s.Text.Pieces == nil, len(s.Text.Pieces))
		for _, pc := range s.Text.Pieces {
			w.String(pc.Tag)
			w.String(pc.Text)
			w.Int(pc.Offset)
		}
		w.String(s.Text.Plain)
		// The index (quote.Source) is not written: it is made again from
		// Text.Plain when a quote is checked (see Source.index).
		w.Len(s.Times == nil, len(s.Times))
		for _, t := range s.Times {
			w.Int64(int64(t.At))
			w.Int64(int64(t.Until))
			w.Int(t.Start)
			w.Int(t.End)
		}
		writeSitePos(w, s.publishedPos)
		w.Int(s.latestYear)
	case e.page != nil:
		w.Uint(kindPage)
		pg := e.page
		if pg.Links != nil || pg.cached != nil || pg.Original != nil || pg.Translations != nil || pg.Lang != "" {
			return false // linked: parsing never makes these
		}
		w.String(pg.ID)
		w.String(pg.Path)
		w.String(pg.Title)
		w.Int(pg.Menu)
		w.Bool(pg.menuSet)
		w.String(pg.Description)
		w.Int(pg.bodyLine)
		writeRefs(w, pg.refs)
		doc = pg.Doc
	default:
		w.Uint(kindNone)
	}
	if e.claim != nil || e.page != nil {
		w.Bool(doc != nil)
		if doc != nil && !doc.Encode(w) {
			ok = false
		}
		w.Bool(e.checked != nil)
		if k := e.checked; k != nil {
			writeDiags(w, k.diags)
			if len(k.highlights) != len(k.sources) {
				return false
			}
			w.Len(k.highlights == nil, len(k.highlights))
			for i, h := range k.highlights {
				w.Int(h.Start)
				w.Int(h.End)
				q := -1
				if doc != nil {
					for j, x := range doc.Quotes {
						if x == h.Quote {
							q = j
							break
						}
					}
				}
				if q < 0 || h.Claim != nil {
					return false
				}
				w.Uint(uint64(q))
				w.Bool(h.First)
				w.Bool(h.Gap)
				w.String(k.sources[i])
			}
		}
	}
	return ok
}

// decodeEntry reads what encodeEntry wrote. A problem is an error of r;
// the entry is then incomplete and must not be used.
func decodeEntry(r *wire.Reader) (string, *entry) {
	p := r.String()
	e := &entry{disk: true}
	copy(e.sum[:], sum(r))
	copy(e.deps[:], sum(r))
	e.stat = fileStat{size: r.Int64(), mtime: r.Int64(), ctime: r.Int64(), ino: r.Uint(), dev: r.Uint()}
	e.diags = readDiags(r)
	var doc **markdown.Doc
	switch r.Uint() {
	case kindNone:
	case kindClaim:
		c := &Claim{}
		c.ID = r.String()
		c.Path = r.String()
		c.Digest = r.String()
		c.Claim = r.String()
		c.Short = r.String()
		c.Claimant = readName(r)
		c.ClaimDate = r.Time()
		c.Appearances = r.Strings()
		c.Rating = Rating{ID: r.String(), Label: r.String(), Description: r.String(), Value: r.Int(), Color: r.String()}
		c.Summary = r.String()
		c.Published = r.Time()
		c.Updated = r.Time()
		c.Authors = r.Strings()
		if n, isNil := r.Len(4); !isNil {
			c.Topics = make([]Name, n)
			for i := range c.Topics {
				c.Topics[i] = readName(r)
			}
		}
		if n, isNil := r.Len(2); !isNil {
			c.Corrections = make([]Correction, n)
			for i := range c.Corrections {
				c.Corrections[i] = Correction{Date: r.Time(), Note: r.String()}
			}
		}
		c.Draft = r.Bool()
		c.Aliases = r.Strings()
		c.Text = r.String()
		c.bodyLine = r.Int()
		c.ratingPos = readSitePos(r)
		c.publishedPos = readSitePos(r)
		c.refs = readRefs(r)
		e.claim, doc = c, &c.Doc
	case kindSource:
		s := &Source{}
		s.ID = r.String()
		s.Path = r.String()
		s.Digest = r.String()
		s.Title = r.String()
		s.Publisher = r.String()
		s.URL = r.String()
		s.Published = r.Time()
		s.Accessed = r.Time()
		s.ArchiveURL = r.String()
		s.Kind = r.String()
		s.Format = r.String()
		s.Note = r.String()
		s.Language = r.String()
		if r.Bool() {
			s.Original = &Original{From: r.String(), MediaType: r.String(), Size: r.Int64(), Pages: r.Int(), SHA256: r.String(),
				Taken: r.String(), TextSHA256: r.String(), Duration: time.Duration(r.Int64()), Edited: r.Bool()}
		}
		if n, isNil := r.Len(3); !isNil {
			s.Text.Pieces = make([]Piece, n)
			for i := range s.Text.Pieces {
				s.Text.Pieces[i] = Piece{Tag: r.String(), Text: r.String(), Offset: r.Int()}
			}
		}
		s.Text.Plain = r.String()
		if n, isNil := r.Len(4); !isNil {
			s.Times = make([]Passage, n)
			for i := range s.Times {
				s.Times[i] = Passage{At: time.Duration(r.Int64()), Until: time.Duration(r.Int64()), Start: r.Int(), End: r.Int()}
			}
		}
		s.publishedPos = readSitePos(r)
		s.latestYear = r.Int()
		e.source = s
	case kindPage:
		pg := &Page{}
		pg.ID = r.String()
		pg.Path = r.String()
		pg.Title = r.String()
		pg.Menu = r.Int()
		pg.menuSet = r.Bool()
		pg.Description = r.String()
		pg.bodyLine = r.Int()
		pg.refs = readRefs(r)
		e.page, doc = pg, &pg.Doc
	default:
		r.Fail(wire.ErrCorrupt)
	}
	if doc == nil || r.Err() != nil {
		return p, e
	}
	if r.Bool() {
		if *doc = markdown.DecodeDoc(r); *doc == nil {
			return p, e
		}
	}
	if r.Bool() {
		k := &checked{diags: readDiags(r)}
		n, isNil := r.Len(5)
		if !isNil {
			k.highlights = make([]Highlight, n)
			k.sources = make([]string, n)
		}
		for i := range k.highlights {
			h := Highlight{Start: r.Int(), End: r.Int()}
			q := r.Uint()
			if *doc == nil || q >= uint64(len((*doc).Quotes)) {
				r.Fail(wire.ErrCorrupt)
				return p, e
			}
			h.Quote = (*doc).Quotes[q]
			h.First, h.Gap = r.Bool(), r.Bool()
			k.highlights[i], k.sources[i] = h, r.String()
		}
		e.checked = k
		e.diskChecked = true
	}
	return p, e
}

// sum reads a SHA-256.
func sum(r *wire.Reader) string {
	s := r.String()
	if len(s) != sha256.Size {
		r.Fail(wire.ErrCorrupt)
	}
	return s
}

func writeDiags(w *wire.Writer, l diag.List) {
	w.Len(l == nil, len(l))
	for _, d := range l {
		w.String(d.Path)
		w.Int(d.Line)
		w.Int(d.Col)
		w.Int(int(d.Severity))
		w.String(d.Message)
	}
}

func readDiags(r *wire.Reader) diag.List {
	n, isNil := r.Len(5)
	if isNil {
		return nil
	}
	l := make(diag.List, n)
	for i := range l {
		l[i] = diag.Diagnostic{Path: r.String(), Line: r.Int(), Col: r.Int(), Severity: diag.Severity(r.Int()), Message: r.String()}
	}
	return l
}

func writeName(w *wire.Writer, n Name) {
	w.String(n.Name)
	w.String(n.ID)
	w.String(n.URL)
	w.Bool(n.Person)
}

func readName(r *wire.Reader) Name {
	return Name{Name: r.String(), ID: r.String(), URL: r.String(), Person: r.Bool()}
}

func writeSitePos(w *wire.Writer, p Pos) {
	w.Int(p.Line)
	w.Int(p.Col)
}

func readSitePos(r *wire.Reader) Pos { return Pos{r.Int(), r.Int()} }

func writeRefs(w *wire.Writer, rf refs) {
	w.Strings(rf.sources)
	w.Strings(rf.links)
}

func readRefs(r *wire.Reader) refs { return refs{sources: r.Strings(), links: r.Strings()} }
