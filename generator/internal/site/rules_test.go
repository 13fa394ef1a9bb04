package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestQuoteRulesSettings checks that the language and negation_words of
// site.yaml and a source's language choose the rules of gaps and
// brackets, and that a Cache checks every quote again when the settings
// change, though no claim or source did.
func TestQuoteRulesSettings(t *testing.T) {
	claim := "---\nclaim: c\nclaimant: x\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-01-02\n---\n" +
		"\"We ... saw any efforts\" [@en] and \"Nous ... avons vu\" [@fr].\n"
	fsys := fstest.MapFS{
		"content/claims/c.md":   {Data: []byte(claim)},
		"content/sources/en.md": {Data: []byte("---\ntitle: t\npublisher: p\n---\nWe hardly saw any efforts.\n")},
		"content/sources/fr.md": {Data: []byte("---\ntitle: t\npublisher: p\nlanguage: fr\n---\nNous n'avons vu aucun effort.\n")},
	}
	errorsAbout := func(diags []string) (en, fr bool) {
		for _, d := range diags {
			en = en || strings.Contains(d, `"hardly"`)
			fr = fr || strings.Contains(d, `"n'`)
		}
		return en, fr
	}
	var c Cache
	load := func(changed []string) []string {
		_, diags := c.Load(fsys, Options{}, changed)
		var out []string
		for _, d := range diags {
			if d.Severity == 0 { // errors only
				out = append(out, d.String())
			}
		}
		return out
	}
	if en, fr := errorsAbout(load(nil)); en || !fr {
		t.Errorf("without negation_words: error for hardly %v (want false), for n' %v (want true)", en, fr)
	}
	fsys["content/site.yaml"] = &fstest.MapFile{Data: []byte("negation_words: [hardly]\n")}
	if en, fr := errorsAbout(load([]string{"content/site.yaml"})); !en || !fr {
		t.Errorf("with negation_words: error for hardly %v, for n' %v (want both)", en, fr)
	}
}
