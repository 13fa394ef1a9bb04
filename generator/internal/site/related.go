package site

import (
	"slices"
	"sync"
)

// CrossLinked returns the claims c cross-links to, in order, then those
// that link to it and it does not link to, newest first: each once, for
// one list of related fact-checks.
func (c *Claim) CrossLinked() []*Claim {
	if len(c.LinkedFrom) == 0 {
		return c.Links
	}
	out := make([]*Claim, 0, len(c.Links)+len(c.LinkedFrom))
	out = append(out, c.Links...)
	for _, b := range c.LinkedFrom {
		if !slices.Contains(c.Links, b) {
			out = append(out, b)
		}
	}
	return out
}

// related holds what Related needs, made once per site.
type related struct {
	once      sync.Once
	rank      map[*Claim]int // place in Site.Claims, newest first
	topic     map[string]*Group
	claimants map[string]*Group
}

// Related returns up to n claims that share a topic, the claimant or a
// cited source with c, newest first, leaving out c and the claims in skip
// (those a page already lists). It reads only the newest claims of each
// topic, claimant and source, so it costs the same on a site of any size.
func (s *Site) Related(c *Claim, n int, skip []*Claim) []*Claim {
	r := &s.related
	r.once.Do(func() {
		r.rank = make(map[*Claim]int, len(s.Claims))
		for i, x := range s.Claims {
			r.rank[x] = i
		}
		r.topic = make(map[string]*Group, len(s.Topics))
		for _, g := range s.Topics {
			r.topic[g.ID] = g
		}
		r.claimants = make(map[string]*Group, len(s.Claimants))
		for _, g := range s.Claimants {
			r.claimants[g.ID] = g
		}
	})
	// Each list is newest first: merge them, taking the newest head.
	var lists [][]*Claim
	for _, t := range c.Topics {
		if g := r.topic[t.ID]; g != nil {
			lists = append(lists, g.Claims)
		}
	}
	if g := r.claimants[c.Claimant.ID]; g != nil {
		lists = append(lists, g.Claims)
	}
	for _, src := range c.Sources {
		lists = append(lists, src.CitedBy)
	}
	var out []*Claim
	for len(out) < n {
		best := -1
		for i, l := range lists {
			if len(l) > 0 && (best < 0 || r.rank[l[0]] < r.rank[lists[best][0]]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		x := lists[best][0]
		lists[best] = lists[best][1:]
		if x != c && !slices.Contains(skip, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
