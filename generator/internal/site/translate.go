package site

import (
	"slices"
	"strings"

	"factcheck/generator/internal/diag"
)

// splitTranslations takes the claims whose file is ID.LANG.md, for LANG
// one of the site's other languages, out of s.Claims: they translate the
// claim ID (see Claim.Lang). It strips the language from the ids of draft
// translations too, so that they are not bad ids. A file ID.LANG.md whose
// LANG is not one of the site's other languages is an error.
func splitTranslations(s *Site, drafts []*Claim, diags *diag.List) (trans []*Claim) {
	others := s.Config.Languages[1:]
	split := func(c *Claim) bool {
		id, lang, ok := strings.Cut(c.ID, ".")
		if !ok {
			return false
		}
		if !slices.Contains(others, lang) {
			if len(others) == 0 {
				diags.Errorf(c.Path, 1, 1, "%s.md is a translation into %q, but the site has one language; list its languages in site.yaml (languages: [%s, %s])", c.ID, lang, s.Config.Language, lang)
			} else {
				diags.Errorf(c.Path, 1, 1, "%s.md is a translation into %q, which is not one of the site's languages (%s)", c.ID, lang, strings.Join(s.Config.Languages, ", "))
			}
			return false
		}
		c.ID, c.Lang = id, lang
		return true
	}
	keep := s.Claims[:0]
	for _, c := range s.Claims {
		if split(c) {
			trans = append(trans, c)
		} else if !strings.Contains(c.ID, ".") {
			keep = append(keep, c)
		}
	}
	s.Claims = keep
	for _, c := range drafts {
		if strings.Contains(c.ID, ".") {
			split(c)
		}
	}
	return trans
}

// linkTranslations connects each translation to the claim it translates:
// the claim must exist and the translation must give it the same rating.
// It fills Claim.Translations, Claim.Original and Site.Translated.
func linkTranslations(s *Site, trans []*Claim, diags *diag.List) {
	s.Translated = map[string][]*Claim{}
	for _, c := range trans {
		orig := s.Claim[c.ID]
		if orig == nil {
			diags.Errorf(c.Path, 1, 1, "%s.%s.md translates the claim %q, which does not exist (no claims/%s.md)", c.ID, c.Lang, c.ID, c.ID)
			continue
		}
		if prev := orig.Translations[c.Lang]; prev != nil {
			diags.Errorf(c.Path, 1, 1, "claim %q has two %s translations: %s and %s", c.ID, c.Lang, prev.Path, c.Path)
			continue
		}
		// An unknown rating on either side is an error of its own
		// already, not a second one here.
		if c.Rating.ID != orig.Rating.ID && c.Rating.ID != "" && orig.Rating.ID != "" {
			diags.Errorf(c.Path, c.ratingPos.Line, c.ratingPos.Col, "rating %q differs from the rating of the claim it translates (%q in %s): a translation has the same rating", c.Rating.ID, orig.Rating.ID, orig.Path)
		}
		if orig.Translations == nil {
			orig.Translations = map[string]*Claim{}
		}
		orig.Translations[c.Lang] = c
		c.Original = orig
		s.Translated[c.Lang] = append(s.Translated[c.Lang], c)
	}
	for _, cs := range s.Translated {
		sortClaims(cs)
	}
	// A free page is at /ID/, where the pages of a language ID are.
	for _, l := range s.Config.Languages[1:] {
		if p := s.Page[l]; p != nil {
			diags.Errorf(p.Path, 1, 1, "page id %q is taken by the site's pages in %s (/%s/); rename the page", l, l, l)
		}
	}
}
