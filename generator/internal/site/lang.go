package site

import "slices"

// InLanguage returns the site as the pages of one of its languages show
// it. For the site's own language (the first of Languages), or a language
// that is not one of the site's, it is s itself. For another language
// LANG it is a new Site, which shares nothing that it changes with s:
//
//   - Config is s's, with Language and Locale those of LANG, and the
//     site's title, description, organization's name and its ratings'
//     labels and descriptions in LANG where site.yaml's translations give
//     them under LANG (translations: {es: {"False": "Falso"}});
//   - Claims are the claims translated into LANG (claims/ID.LANG.md), each
//     a copy of the translation with Lang set, Original the claim it
//     translates and Rating the rating in LANG; Claim maps their ids to
//     them;
//   - a claim's Links are the translations into LANG of the claims its
//     translation links to (those without one are left out: a page in
//     LANG lists only fact-checks in LANG), and LinkedFrom the claims in
//     LANG that link to it;
//   - Sources and Source are copies of s's sources whose CitedBy lists the
//     claims in LANG that cite them (Highlights are s's: source pages are
//     built in the site's own language only);
//   - Topics, Claimants, Authors and ByRating group the claims in LANG by their own
//     topics and claimants (a translation names them in its language);
//   - Pages are s's, each replaced by its translation into LANG where it
//     has one (pages/ID.LANG.md, Lang set), in menu order; a page without
//     one stays, in the site's own language, so that the menu and
//     cross-links of LANG's pages lead to it. Page maps their ids to them;
//   - Aliases is empty (old ids redirect in the site's own language
//     only), and Translated and TranslatedPages are nil.
//
// Like s, the view is not changed once made, and may be read from many
// goroutines.
func (s *Site) InLanguage(lang string) *Site {
	if lang == s.Config.Language || !slices.Contains(s.Config.Languages[1:], lang) {
		return s
	}
	v := &Site{Config: s.Config, Stats: s.Stats, Aliases: map[string]*Claim{}}
	v.Pages = make([]*Page, len(s.Pages))
	v.Page = make(map[string]*Page, len(s.Pages))
	for i, p := range s.Pages {
		if t := p.Translations[lang]; t != nil {
			p = t
		}
		v.Pages[i] = p
		v.Page[p.ID] = p
	}
	// A translation may have its own place in the menu.
	sortPages(v.Pages)
	v.Config.Language = lang
	if l := s.Config.Locales[lang]; l != nil {
		v.Config.Locale = l
		// The site's own words, in the language where site.yaml's
		// translations give them.
		v.Config.Title = l.Own(s.Config.Title)
		v.Config.Description = l.Own(s.Config.Description)
		v.Config.Organization.Name = l.Own(s.Config.Organization.Name)
		v.Config.Ratings = slices.Clone(s.Config.Ratings)
		for i, rt := range v.Config.Ratings {
			v.Config.Ratings[i].Label = l.Own(rt.Label)
			v.Config.Ratings[i].Description = l.Own(rt.Description)
		}
	}
	trans := s.Translated[lang]
	v.Claims = make([]*Claim, len(trans))
	v.Claim = make(map[string]*Claim, len(trans))
	for i, t := range trans {
		c := *t
		c.Links, c.LinkedFrom, c.Sources = nil, nil, nil
		if rt, ok := v.Config.Rating(c.Rating.ID); ok {
			c.Rating = rt
		}
		v.Claims[i] = &c
		v.Claim[c.ID] = &c
	}
	v.Sources = make([]*Source, len(s.Sources))
	v.Source = make(map[string]*Source, len(s.Sources))
	for i, src := range s.Sources {
		c := *src
		c.CitedBy = nil
		v.Sources[i] = &c
		v.Source[c.ID] = &c
	}
	// The claims are newest first, so that each LinkedFrom and CitedBy
	// is too.
	var topics, claimants, authors groups
	v.ByRating = map[string][]*Claim{}
	for i, c := range v.Claims {
		t := trans[i]
		for _, l := range t.Links {
			if x := v.Claim[l.ID]; x != nil && l.Translations[lang] != nil {
				c.Links = append(c.Links, x)
				x.LinkedFrom = append(x.LinkedFrom, c)
			}
		}
		for _, src := range t.Sources {
			if x := v.Source[src.ID]; x != nil {
				c.Sources = append(c.Sources, x)
				x.CitedBy = append(x.CitedBy, c)
			}
		}
		for _, tp := range c.Topics {
			topics.add(tp, c)
		}
		claimants.add(c.Claimant, c)
		for _, a := range c.Authors {
			authors.add(Name{Name: a, ID: Slug(a)}, c)
		}
		v.ByRating[c.Rating.ID] = append(v.ByRating[c.Rating.ID], c)
	}
	v.Topics, v.Claimants, v.Authors = topics.sorted(), claimants.sorted(), authors.sorted()
	return v
}
