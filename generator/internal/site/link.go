package site

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/quote"
)

// link connects what was parsed: it checks ids, resolves ratings,
// citations, cross-links and aliases, verifies quotes, and builds the
// indexes of the Site. drafts are left out of the site but kept so that a
// link to one says what is wrong. It changes the claims, sources and pages
// of s, which must be its own copies of what was parsed. cache has the
// parsed file of each claim's and page's document, where the outcome of
// verifying its quotes is kept and, when already there, taken.
// unread holds, by content folder (claimsDir …), the ids of the files
// that could not be read or parsed: references to them, translations of
// them and sources they may cite get no errors of their own.
func link(s *Site, drafts []*Claim, unread map[string]map[string]bool, diags *diag.List) {
	trans, pageTrans := splitTranslations(s, drafts, diags)
	sortSite(s)
	draftIDs := map[string]bool{}
	for _, c := range drafts {
		draftIDs[c.ID] = true
	}
	indexIDs(s, drafts, diags)
	for _, c := range s.Claims {
		checkClaim(s, c, diags)
	}
	for _, c := range trans {
		checkClaim(s, c, diags)
	}
	linkTranslations(s, trans, pageTrans, unread, diags)
	linkAliases(s, diags)
	// The listings are gathered and quotes verified while references are
	// resolved: each reads and writes other fields of the claims and
	// sources.
	var wg sync.WaitGroup
	var verified diag.List
	wg.Go(func() { verifyQuotes(s, trans, pageTrans, &verified) })
	wg.Go(func() {
		// One pass over the claims gathers them all.
		var topics, claimants, authors groups
		s.ByRating = map[string][]*Claim{}
		for _, c := range s.Claims {
			for _, t := range c.Topics {
				topics.add(t, c)
			}
			claimants.add(c.Claimant, c)
			for _, a := range c.Authors {
				authors.add(Name{Name: a, ID: Slug(a)}, c)
			}
			s.ByRating[c.Rating.ID] = append(s.ByRating[c.Rating.ID], c)
		}
		s.Topics, s.Claimants, s.Authors = topics.sorted(), claimants.sorted(), authors.sorted()
	})
	for _, c := range s.Claims {
		resolveRefs(s, c.Path, c.Doc, c.bodyLine, c.refs, draftIDs, unread, diags, func(target *Claim, src *Source) {
			if target != nil {
				c.Links = append(c.Links, target)
				target.LinkedFrom = append(target.LinkedFrom, c)
			}
			if src != nil {
				c.Sources = append(c.Sources, src)
				src.CitedBy = append(src.CitedBy, c)
			}
		})
	}
	// A translation cites the same sources and links to the same claims,
	// which list the claim it translates.
	for _, c := range trans {
		resolveRefs(s, c.Path, c.Doc, c.bodyLine, c.refs, draftIDs, unread, diags, func(target *Claim, src *Source) {
			if target != nil {
				c.Links = append(c.Links, target)
			}
			if src != nil {
				c.Sources = append(c.Sources, src)
			}
		})
	}
	for _, p := range slices.Concat(s.Pages, pageTrans) {
		resolveRefs(s, p.Path, p.Doc, p.bodyLine, p.refs, draftIDs, unread, diags, func(target *Claim, _ *Source) {
			if target != nil {
				p.Links = append(p.Links, target)
			}
		})
	}
	wg.Wait()
	*diags = append(*diags, verified...)
	for _, src := range s.Sources {
		if len(src.CitedBy) == 0 && len(unread[claimsDir]) == 0 {
			diags.Warnf(src.Path, 1, 1, "source %q is not cited by any claim", src.ID)
		}
		checkAnachronism(src, diags)
	}
}

// indexIDs checks every id and fills the Site's maps.
func indexIDs(s *Site, drafts []*Claim, diags *diag.List) {
	s.Claim = make(map[string]*Claim, len(s.Claims))
	s.Source = make(map[string]*Source, len(s.Sources))
	s.Page = make(map[string]*Page, len(s.Pages))
	// The first file of an id, in path order, keeps it, whichever
	// goroutine read it first.
	first := make(map[string]string, len(s.Claims)+len(drafts)+len(s.Sources)+len(s.Pages)) // id → path
	note := func(id, path string) {
		if f, ok := first[id]; !ok || path < f {
			first[id] = path
		}
	}
	for _, c := range s.Claims {
		note(c.ID, c.Path)
	}
	for _, c := range drafts {
		note(c.ID, c.Path)
	}
	for _, src := range s.Sources {
		note(src.ID, src.Path)
	}
	for _, p := range s.Pages {
		note(p.ID, p.Path)
	}
	dropped := false // a file whose id is taken or bad is left out of the site
	owns := func(id, path string) bool {
		switch {
		case !ValidID(id):
			diags.Errorf(path, 1, 1, "bad id %q: a file name must be lowercase letters, digits and single hyphens, e.g. %q", id, Slug(id))
		case Reserved(id):
			diags.Errorf(path, 1, 1, "id %q is reserved for the site's own pages; rename the file", id)
		case first[id] != path:
			diags.Errorf(path, 1, 1, "id %q is already used by %s; ids are unique across claims, sources and pages", id, first[id])
		default:
			return true
		}
		dropped = true
		return false
	}
	for _, c := range s.Claims {
		if owns(c.ID, c.Path) {
			s.Claim[c.ID] = c
		}
	}
	for _, c := range drafts {
		owns(c.ID, c.Path)
	}
	for _, src := range s.Sources {
		if owns(src.ID, src.Path) {
			s.Source[src.ID] = src
		}
	}
	for _, p := range s.Pages {
		if owns(p.ID, p.Path) {
			s.Page[p.ID] = p
		}
	}
	if dropped {
		s.Claims = keep(s.Claims, func(c *Claim) bool { return s.Claim[c.ID] == c })
		s.Sources = keep(s.Sources, func(src *Source) bool { return s.Source[src.ID] == src })
		s.Pages = keep(s.Pages, func(p *Page) bool { return s.Page[p.ID] == p })
	}
}

func keep[T any](list []T, ok func(T) bool) []T {
	out := list[:0]
	for _, x := range list {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// checkClaim resolves the rating and checks dates.
func checkClaim(s *Site, c *Claim, diags *diag.List) {
	if c.Rating.ID != "" {
		r, ok := s.Config.Rating(c.Rating.ID)
		if !ok && !s.Config.unread {
			var ids []string
			for _, r := range s.Config.Ratings {
				ids = append(ids, r.ID)
			}
			msg := fmt.Sprintf("unknown rating %q", c.Rating.ID)
			if near := nearest(c.Rating.ID, ids); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			diags.Errorf(c.Path, c.ratingPos.Line, c.ratingPos.Col, "%s (the scale is: %s)", msg, strings.Join(ids, ", "))
		}
		c.Rating = r
	}
	if !c.Published.IsZero() && !c.ClaimDate.IsZero() && c.Published.Before(c.ClaimDate) {
		diags.Warnf(c.Path, c.publishedPos.Line, c.publishedPos.Col, "published %s is before the claim was made (%s): a claim cannot be reviewed before it is made",
			c.Published.Format("2006-01-02"), c.ClaimDate.Format("2006-01-02"))
	}
	if !c.Updated.IsZero() && c.Updated.Before(c.Published) {
		diags.Warnf(c.Path, c.publishedPos.Line, c.publishedPos.Col, "updated %s is before published %s", c.Updated.Format("2006-01-02"), c.Published.Format("2006-01-02"))
	}
}

// linkAliases maps each claim's old ids to it.
func linkAliases(s *Site, diags *diag.List) {
	s.Aliases = map[string]*Claim{}
	for _, c := range s.Claims {
		for _, a := range c.Aliases {
			_, claim := s.Claim[a]
			_, src := s.Source[a]
			_, page := s.Page[a]
			switch {
			case !ValidID(a) || Reserved(a):
				diags.Errorf(c.Path, 1, 1, "alias %q is not a usable id", a)
			case claim || src || page:
				diags.Errorf(c.Path, 1, 1, "alias %q is the id of an existing claim, source or page", a)
			case s.Aliases[a] != nil:
				diags.Errorf(c.Path, 1, 1, "alias %q is also an alias of %s", a, s.Aliases[a].Path)
			default:
				s.Aliases[a] = c
			}
		}
	}
}

// groups gathers claims by topic or claimant slug; the first spelling of
// a name seen (newest claim first) names the group.
type groups struct {
	byID map[string]*Group
	list []*Group
}

// add adds c, which comes after the claims added before, to the group of
// n.
func (gs *groups) add(n Name, c *Claim) {
	if n.ID == "" {
		return
	}
	g := gs.byID[n.ID]
	if g == nil {
		if gs.byID == nil {
			gs.byID = map[string]*Group{}
		}
		g = &Group{Name: n}
		gs.byID[n.ID] = g
		gs.list = append(gs.list, g)
	}
	if g.URL == "" {
		g.URL = n.URL
	}
	if len(g.Claims) == 0 || g.Claims[len(g.Claims)-1] != c {
		g.Claims = append(g.Claims, c)
	}
}

// sorted returns the groups by name.
func (gs *groups) sorted() []*Group {
	out := gs.list
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name.Name) < strings.ToLower(out[j].Name.Name) })
	return out
}

// resolveRefs checks the citations and cross-links of one document and
// calls found for each claim and source it refers to, once each, in
// order. r lists them; the document's own lists, with positions, are read
// only to report what is wrong.
func resolveRefs(s *Site, path string, doc *markdown.Doc, bodyLine int, r refs, drafts map[string]bool, unread map[string]map[string]bool, diags *diag.List, found func(*Claim, *Source)) {
	bad := false
	for _, id := range r.sources {
		if src := s.Source[id]; src != nil {
			found(nil, src)
		} else {
			bad = true
		}
	}
	for _, id := range r.links {
		if c := s.Claim[id]; c != nil {
			found(c, nil)
		} else if s.Source[id] == nil && s.Page[id] == nil {
			bad = true
		}
	}
	if bad {
		reportRefs(s, path, doc, bodyLine, drafts, unread, diags)
	}
}

// reportRefs reports the citations and cross-links of a document that
// lead nowhere.
func reportRefs(s *Site, path string, doc *markdown.Doc, bodyLine int, drafts map[string]bool, unread map[string]map[string]bool, diags *diag.List) {
	// The lists of ids are made once per document, and each unknown id
	// looked up once: a document may hold 100,000 unknown references.
	var sources, all []string
	memos := map[*[]string]map[string]string{&sources: {}, &all: {}}
	suggestFor := func(id string, list *[]string, ids func(*Site) []string) string {
		memo := memos[list]
		if m, ok := memo[id]; ok || len(memo) >= maxSuggestions {
			return m
		}
		if *list == nil {
			*list = ids(s)
		}
		memo[id] = suggest(id, *list)
		return memo[id]
	}
	for _, c := range doc.Citations {
		if s.Source[c.SourceID] == nil && !unread[sourcesDir][c.SourceID] {
			p := bodyPos(bodyLine, c.LineCol)
			diags.Errorf(path, p.Line, p.Col, "citation of unknown source %q%s", c.SourceID, suggestFor(c.SourceID, &sources, sourceIDs))
		}
	}
	for _, l := range doc.Links {
		if s.Claim[l.Target] != nil || s.Source[l.Target] != nil || s.Page[l.Target] != nil ||
			unread[claimsDir][l.Target] || unread[sourcesDir][l.Target] || unread[pagesDir][l.Target] {
			continue
		}
		p := bodyPos(bodyLine, l.LineCol)
		switch {
		case drafts[l.Target]:
			diags.Errorf(path, p.Line, p.Col, "cross-link to draft claim %q, which is not published (build with --drafts to preview it)", l.Target)
		case s.Aliases[l.Target] != nil:
			diags.Warnf(path, p.Line, p.Col, "cross-link to %q, an old id of %q; link to the new id", l.Target, s.Aliases[l.Target].ID)
		default:
			diags.Errorf(path, p.Line, p.Col, "cross-link to unknown id %q: no claim, source or page has it%s", l.Target, suggestFor(l.Target, &all, allIDs))
		}
	}
}

// maxSuggestions is how many different unknown sources, and how many
// unknown cross-link targets, of one document get a "did you mean": each
// is compared with every id of the site.
const maxSuggestions = 100

// refs are the ids a document refers to, each once, in the order they
// first appear.
type refs struct {
	sources, links []string
}

func refsOf(doc *markdown.Doc) refs {
	var r refs
	var seen map[string]bool // once the lists are long
	add := func(list *[]string, id, kind string) {
		switch {
		case seen != nil:
			if seen[kind+id] {
				return
			}
		case slices.Contains(*list, id):
			return
		case len(r.sources)+len(r.links) >= 32:
			seen = map[string]bool{}
			for _, id := range r.sources {
				seen["@"+id] = true
			}
			for _, id := range r.links {
				seen["[["+id] = true
			}
		}
		if seen != nil {
			seen[kind+id] = true
		}
		*list = append(*list, id)
	}
	for _, c := range doc.Citations {
		add(&r.sources, c.SourceID, "@")
	}
	for _, l := range doc.Links {
		add(&r.links, l.Target, "[[")
	}
	return r
}

func suggest(id string, ids []string) string {
	if near := nearest(id, ids); near != "" {
		return fmt.Sprintf("; did you mean %q?", near)
	}
	return ""
}

func sourceIDs(s *Site) []string {
	var ids []string
	for id := range s.Source {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func allIDs(s *Site) []string {
	ids := sourceIDs(s)
	for id := range s.Claim {
		ids = append(ids, id)
	}
	for id := range s.Page {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// owner is a claim or page whose quotes are verified.
type owner struct {
	id, path string
	bodyLine int
	doc      *markdown.Doc
	claim    *Claim
	// e is the parsed file, which keeps what verifying found.
	e *entry
}

// verifyQuotes looks for every quote in its source, on all cores, and
// records the highlights on the sources. A document whose quotes were
// verified by an earlier Load, and which was not parsed again since, is
// not verified again: neither it nor the sources it cites have changed.
// trans and pageTrans are the translated claims and pages, whose quotes
// are verified like any others.
func verifyQuotes(s *Site, trans []*Claim, pageTrans []*Page, diags *diag.List) {
	owners := make([]owner, 0, len(s.Claims)+len(trans)+len(s.Pages)+len(pageTrans))
	for _, c := range s.Claims {
		owners = append(owners, owner{c.ID, c.Path, c.bodyLine, c.Doc, c, c.cached})
	}
	for _, c := range trans {
		owners = append(owners, owner{c.ID, c.Path, c.bodyLine, c.Doc, c, c.cached})
	}
	for _, p := range s.Pages {
		owners = append(owners, owner{p.ID, p.Path, p.bodyLine, p.Doc, nil, p.cached})
	}
	// The source page marks the quotes of the pages in the site's
	// language only, as it does those of claims (below).
	ownPages := len(owners)
	for _, p := range pageTrans {
		owners = append(owners, owner{p.ID, p.Path, p.bodyLine, p.Doc, nil, p.cached})
	}
	start := time.Now()
	var todo []int
	for i, o := range owners {
		if o.e.checked != nil && !o.e.checked.fits(s) {
			o.e.checked = nil // from a cache on disk that was tampered with
		}
		if o.e.checked == nil {
			todo = append(todo, i)
			s.Stats.Quotes += len(o.doc.Quotes)
		}
	}
	indexSources(s, owners, todo)
	rules := s.quoteRules()
	var wg sync.WaitGroup
	var next atomic.Int64 // the next of todo to verify
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := int(next.Add(1) - 1); k < len(todo); k = int(next.Add(1) - 1) {
				o := owners[todo[k]]
				o.e.checked = verifyOwner(s, o, rules)
			}
		}()
	}
	wg.Wait()
	s.Stats.Verify = time.Since(start)
	for i, o := range owners {
		r := o.e.checked
		*diags = append(*diags, r.diags...)
		if o.claim != nil && o.claim.Lang != "" || i >= ownPages {
			continue // the source page shows the quotes of the claim or page it translates
		}
		for i, h := range r.highlights {
			src := s.Source[r.sources[i]]
			h.Claim = o.claim
			src.Highlights = append(src.Highlights, h)
		}
	}
	// Each core sorts a run of the sources' highlights.
	n := min(runtime.GOMAXPROCS(0), max(1, len(s.Sources)/64))
	for k := range n {
		wg.Go(func() {
			for _, src := range s.Sources[k*len(s.Sources)/n : (k+1)*len(s.Sources)/n] {
				slices.SortStableFunc(src.Highlights, func(a, b Highlight) int { return cmp.Compare(a.Start, b.Start) })
			}
		})
	}
	wg.Wait()
}

// fits reports whether the highlights of r lie within the texts of their
// sources in s.
func (r *checked) fits(s *Site) bool {
	for i, h := range r.highlights {
		src := s.Source[r.sources[i]]
		if src == nil || h.Start < 0 || h.Start > h.End || h.End > len(src.Text.Plain) {
			return false
		}
	}
	return true
}

// indexSources makes the match index of each source that a quote of the
// owners todo cites and that has none: a source read from a cache on
// disk comes without it, and most of them are not needed.
func indexSources(s *Site, owners []owner, todo []int) {
	var need []*Source
	seen := map[*Source]bool{}
	for _, i := range todo {
		for _, q := range owners[i].doc.Quotes {
			if src := s.Source[q.Citation.SourceID]; src != nil && src.Index == nil && src.Text.Plain != "" && !seen[src] {
				seen[src] = true
				need = append(need, src)
			}
		}
	}
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(need)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(need); k = int(next.Add(1) - 1) {
				need[k].Index = quote.NewSource(need[k].Text.Plain)
			}
		})
	}
	wg.Wait()
}

// verifyOwner checks the quotes of one claim or page. It is the only
// writer of their Check, on a document parsed by this Load and not yet
// part of any Site.
func verifyOwner(s *Site, o owner, rules map[string]*quote.Rules) *checked {
	r := &checked{}
	diags := &r.diags
	for i, q := range o.doc.Quotes {
		src := s.Source[q.Citation.SourceID]
		if src == nil {
			continue // reported as a citation of an unknown source
		}
		p := bodyPos(o.bodyLine, q.LineCol)
		if src.Text.Plain == "" {
			q.Check.Status = markdown.Unverified
			diags.Warnf(o.path, p.Line, p.Col, "quote from source %q is unverified: the source has no stored text", src.ID)
			continue
		}
		m, ok := src.Index.Match(q.Text, rules[src.Language])
		// A quote from a source with pages must be on the pages its
		// locator names ("p. 4", "pp. 4-5").
		if first, last, paged := q.Citation.Pages(); paged && src.Index.Pages() > 1 {
			if n := src.Index.Pages(); first > n {
				q.Check.Status = markdown.Failed
				diags.Errorf(o.path, p.Line, p.Col, "quote from source %q: the locator %q names page %d, but the source has %d pages", src.ID, q.Citation.Locator, first, n)
				continue
			}
			on, onPages := src.Index.MatchPages(q.Text, rules[src.Language], first, last)
			if !onPages && ok {
				q.Check.Status = markdown.Failed
				diags.Errorf(o.path, p.Line, p.Col, "quote from source %q is on page %d, not on %s as its locator says", src.ID, m.Page, q.Citation.Locator)
				continue
			}
			m, ok = on, onPages
		}
		// A quote from captions whose locator names a time ("at 1:23")
		// must be in the passage playing then (see checkTime).
		tc := checkTime(src, q, rules[src.Language], m, ok)
		if tc.err != "" {
			q.Check.Status = markdown.Failed
			diags.Errorf(o.path, p.Line, p.Col, "%s", tc.err)
			continue
		}
		if tc.warning != "" {
			diags.Warnf(o.path, p.Line, p.Col, "%s", tc.warning)
		}
		m, ok = tc.m, tc.ok
		if !ok {
			q.Check.Status = markdown.Failed
			msg := misquote(src, q.Text)
			if len(m.Findings) > 0 {
				msg = m.Findings[0].Message
			}
			diags.Errorf(o.path, p.Line, p.Col, "%s", msg)
			continue
		}
		for _, f := range m.Findings {
			fp := p
			if f.Edit >= 0 && len(q.Marks) == len(m.Edits) {
				fp = bodyPos(o.bodyLine, q.Marks[f.Edit].LineCol)
			}
			if f.Warning {
				diags.Warnf(o.path, fp.Line, fp.Col, "quote from source %q: %s", src.ID, f.Message)
			} else {
				diags.Errorf(o.path, fp.Line, fp.Col, "quote from source %q: %s", src.ID, f.Message)
			}
		}
		spans := m.Spans
		q.Check.Status = markdown.Verified
		q.Check.Edits = m.Edits
		q.Check.Anchor = "q-" + o.id + "-" + strconv.Itoa(i+1)
		q.Check.Fragment = textFragment(src.Text.Plain, spans[0].Start, spans[len(spans)-1].End)
		for j, sp := range spans {
			if j > 0 && spans[j-1].End < sp.Start {
				// What a gap left out, marked apart from the quoted words.
				r.highlights = append(r.highlights, Highlight{Start: spans[j-1].End, End: sp.Start, Quote: q, Gap: true})
				r.sources = append(r.sources, src.ID)
			}
			r.highlights = append(r.highlights, Highlight{Start: sp.Start, End: sp.End, Quote: q, First: j == 0})
			r.sources = append(r.sources, src.ID)
		}
	}
	return r
}

// shownPassage is a passage of a source's text as a message shows it,
// on one line: its paragraphs apart with " ¶ ", other white space as one
// space.
func shownPassage(text string) string {
	var paras []string
	para := ""
	for line := range strings.Lines(text) {
		words := strings.Join(strings.Fields(line), " ")
		switch {
		case words == "" && para != "": // a blank line ends a paragraph
			paras, para = append(paras, para), ""
		case words != "" && para != "":
			para += " " + words
		default:
			para = words
		}
	}
	if para != "" {
		paras = append(paras, para)
	}
	return strings.Join(paras, " ¶ ")
}

// misquote is the message for a quote not found in src: the closest
// passage in full, and what the quote has where the source has other words.
func misquote(src *Source, text string) string {
	msg := fmt.Sprintf("quote not found in source %q", src.ID)
	at, diffs := src.Index.Closest(text)
	passage := shownPassage(src.Text.Plain[at.Start:at.End])
	switch {
	case passage == "":
		return msg + ": none of its words are there"
	case len(diffs) == 0:
		return msg + fmt.Sprintf(": its words are all in this passage, but not as quoted (a gap \"...\" must stay within one paragraph, an [insertion] stands for at most 40 characters):\nthe source has: %q", passage)
	}
	changed := 0
	for _, d := range diffs {
		changed += quote.WordCount(d.Quote)
	}
	if changed*2 > quote.WordCount(text) {
		return msg + fmt.Sprintf(": most of its words are not in it; the closest passage is %q", passage)
	}
	var b strings.Builder
	b.WriteString(msg + ":")
	for _, d := range diffs {
		b.WriteString("\n" + d.String())
	}
	fmt.Fprintf(&b, "\nclosest passage: %q", passage)
	return b.String()
}

// quoteRules returns the rules for quotes of each language of the site's
// sources: the language's own negation words, and the site's.
func (s *Site) quoteRules() map[string]*quote.Rules {
	rules := map[string]*quote.Rules{"": quote.RulesFor(s.Config.Language, s.Config.NegationWords)}
	for _, src := range s.Sources {
		if l := src.Language; l != "" && rules[l] == nil {
			rules[l] = quote.RulesFor(l, s.Config.NegationWords)
		}
	}
	return rules
}

// checkAnachronism warns when a source's text mentions a year after the
// date it says it was published: the date is probably wrong.
func checkAnachronism(src *Source, diags *diag.List) {
	if !src.Published.IsZero() && src.latestYear > src.Published.Year() {
		diags.Warnf(src.Path, src.publishedPos.Line, src.publishedPos.Col, "the text mentions %d, after its published date %s: is the date wrong?", src.latestYear, src.Published.Format("2006-01-02"))
	}
}

// latestYear is the latest year from 1500 to 2999 that a text mentions
// as a number of its own, or 0. It scans by hand: sources can be large.
func latestYear(text string) int {
	latest := 0
	for i := 0; i+4 <= len(text); i++ {
		if !isDigit(text[i]) || (i > 0 && isWordByte(text[i-1])) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i == 4 && (j == len(text) || !isWordByte(text[j])) {
			if y, _ := strconv.Atoi(text[i:j]); y >= 1500 && y <= 2999 {
				latest = max(latest, y)
			}
		}
		i = j
	}
	return latest
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte reports whether c is part of a word, as regexp's \b sees it.
func isWordByte(c byte) bool {
	return isDigit(c) || c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
