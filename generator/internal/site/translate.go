package site

import (
	"slices"
	"strings"

	"factcheck/generator/internal/diag"
)

// splitTranslations takes the claims whose file is ID.LANG.md, for LANG
// one of the site's other languages, out of s.Claims: they translate the
// claim ID (see Claim.Lang). It strips the language from the ids of draft
// translations too, so that they are not bad ids. It takes the free pages
// pages/ID.LANG.md out of s.Pages the same way (see Page.Lang). A file
// ID.LANG.md whose LANG is not one of the site's other languages is an
// error.
func splitTranslations(s *Site, drafts []*Claim, diags *diag.List) (trans []*Claim, pageTrans []*Page) {
	split := func(c *Claim) bool {
		id, lang, ok := splitLang(s, c.ID, c.Path, diags)
		if ok {
			c.ID, c.Lang = id, lang
		}
		return ok
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
	keepPages := s.Pages[:0]
	for _, p := range s.Pages {
		if id, lang, ok := splitLang(s, p.ID, p.Path, diags); ok {
			p.ID, p.Lang = id, lang
			pageTrans = append(pageTrans, p)
		} else if !strings.Contains(p.ID, ".") {
			keepPages = append(keepPages, p)
		}
	}
	s.Pages = keepPages
	return trans, pageTrans
}

// splitLang splits the id ID.LANG of a translation's file (at path) into
// ID and LANG. It reports, as an error, a LANG that is not one of the
// site's other languages; ok is false then, and for an id without ".".
func splitLang(s *Site, fileID, path string, diags *diag.List) (id, lang string, ok bool) {
	id, lang, ok = strings.Cut(fileID, ".")
	if !ok {
		return "", "", false
	}
	if others := s.Config.Languages[1:]; !slices.Contains(others, lang) {
		switch {
		case s.Config.unread:
			// The languages are not known.
		case len(others) == 0:
			diags.Errorf(path, 1, 1, "%s.md is a translation into %q, but the site has one language; list its languages in site.yaml (languages: [%s, %s])", fileID, lang, s.Config.Language, lang)
		case lang == s.Config.Language:
			diags.Errorf(path, 1, 1, "%s.md is a translation into %q, the site's own language: name the file %s.md", fileID, lang, id)
		default:
			diags.Errorf(path, 1, 1, "%s.md is a translation into %q, which is not one of the site's languages (%s)", fileID, lang, strings.Join(s.Config.Languages, ", "))
		}
		return "", "", false
	}
	return id, lang, true
}

// linkTranslations connects each translation to the claim it translates:
// the claim must exist and the translation must give it the same rating.
// It fills Claim.Translations, Claim.Original and Site.Translated, and
// links the translations of free pages (see linkPageTranslations).
func linkTranslations(s *Site, trans []*Claim, pageTrans []*Page, unread map[string]map[string]bool, diags *diag.List) {
	s.Translated = map[string][]*Claim{}
	for _, c := range trans {
		orig := s.Claim[c.ID]
		if orig == nil && unread[claimsDir][c.ID] {
			continue // the original's own error says why
		}
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
	linkPageTranslations(s, pageTrans, unread[pagesDir], diags)
	// A free page is at /ID/, where the pages of a language ID are.
	for _, l := range s.Config.Languages[1:] {
		if p := s.Page[l]; p != nil {
			diags.Errorf(p.Path, 1, 1, "page id %q is taken by the site's pages in %s (/%s/); rename the page", l, l, l)
		}
	}
}

// linkPageTranslations connects each translation of a free page to the
// page it translates, which must exist. It fills Page.Translations,
// Page.Original and Site.TranslatedPages; a translation that does not set
// menu takes the menu place of its original.
func linkPageTranslations(s *Site, trans []*Page, unread map[string]bool, diags *diag.List) {
	s.TranslatedPages = map[string][]*Page{}
	for _, p := range trans {
		orig := s.Page[p.ID]
		if orig == nil && unread[p.ID] {
			continue // the original's own error says why
		}
		if orig == nil {
			diags.Errorf(p.Path, 1, 1, "%s.%s.md translates the page %q, which does not exist (no pages/%s.md)", p.ID, p.Lang, p.ID, p.ID)
			continue
		}
		if prev := orig.Translations[p.Lang]; prev != nil {
			diags.Errorf(p.Path, 1, 1, "page %q has two %s translations: %s and %s", p.ID, p.Lang, prev.Path, p.Path)
			continue
		}
		if !p.menuSet {
			p.Menu = orig.Menu
		}
		if orig.Translations == nil {
			orig.Translations = map[string]*Page{}
		}
		orig.Translations[p.Lang] = p
		p.Original = orig
		s.TranslatedPages[p.Lang] = append(s.TranslatedPages[p.Lang], p)
	}
	for _, ps := range s.TranslatedPages {
		sortPages(ps)
	}
}
