package locale

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// verbs are the fmt verbs of a message, sorted: a translation must use
// the same ones as its key (in any order, with or without indexes).
var verbRE = regexp.MustCompile(`%(\[\d+\])?[sdv]`)

func verbs(s string) []string {
	var v []string
	for _, m := range verbRE.FindAllString(s, -1) {
		v = append(v, m[len(m)-1:])
	}
	slices.Sort(v)
	return v
}

// TestTable checks that every built-in language has every message, with
// the forms its plural rules need and the verbs of the key.
func TestTable(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range table {
		if seen[m.key] {
			t.Errorf("%q: twice in the table", m.key)
		}
		seen[m.key] = true
		for _, lang := range Languages {
			text, ok := m.tr[lang]
			if !ok || text == "" {
				t.Errorf("%q: no %s text", m.key, lang)
				continue
			}
			if strings.ContainsAny(text, "<>&\"") {
				t.Errorf("%q in %s: built-in texts hold no markup: %q", m.key, lang, text)
			}
			if !m.plural {
				if !slices.Equal(verbs(text), verbs(m.key)) {
					t.Errorf("%q in %s: verbs %v, want %v: %q", m.key, lang, verbs(text), verbs(m.key), text)
				}
				continue
			}
			parts := strings.Split(text, "|")
			if len(parts) != len(forms[lang]) {
				t.Errorf("%q in %s: %d forms, want %d (%v)", m.key, lang, len(parts), len(forms[lang]), forms[lang])
			}
			// The "other" form always shows the number.
			if other := parts[len(parts)-1]; !strings.Contains(other, "%d") {
				t.Errorf("%q in %s: the other form %q lacks %%d", m.key, lang, other)
			}
		}
	}
}

func TestNew(t *testing.T) {
	for _, tc := range []struct{ tag, base, dir string }{
		{"en", "en", "ltr"},
		{"en-GB", "en", "ltr"},
		{"es-419", "es", "ltr"},
		{"pt-BR", "pt", "ltr"},
		{"fr-CA", "fr", "ltr"},
		{"de-CH", "de", "ltr"},
		{"ar-EG", "ar", "rtl"},
		{"zh-Hans", "zh", "ltr"},
		{"zh-CN", "zh", "ltr"},
		{"he", "en", "rtl"},
		{"fa", "en", "rtl"},
		{"hi", "en", "ltr"},
	} {
		l, err := New(tc.tag, nil)
		if err != nil {
			t.Errorf("New(%q): %v", tc.tag, err)
			continue
		}
		if l.Base() != tc.base || l.Dir() != tc.dir {
			t.Errorf("New(%q): base %s, dir %s; want %s, %s", tc.tag, l.Base(), l.Dir(), tc.base, tc.dir)
		}
	}
	if _, err := New("english language", nil); err == nil || !strings.Contains(err.Error(), "not a language tag") {
		t.Errorf("a bad tag: %v", err)
	}
	// A site's text for a built-in message prints the same arguments.
	for _, tc := range []struct {
		key     string
		m       Message
		wantErr string
	}{
		{"Page %d of %d", Message{Text: "Página %d"}, "leaves out argument 2"},
		{"Page %d of %d", Message{Text: "%[2]d páginas, esta es la %[1]d"}, ""},
		{"Claimed by %s on %s", Message{Text: "%s, %s, %s"}, "prints argument 3"},
		{"Claimed by %s on %s", Message{Text: "%s el %x"}, "%x is not a verb"},
		{"Analysis", Message{Text: "100% análisis"}, "%a is not a verb"},
		{"Analysis", Message{Text: "100%% análisis"}, ""},
		{"%d claims", Message{Forms: map[string]string{"one": "una", "other": "%d afirmaciones"}}, ""},
		{"%d claims", Message{Forms: map[string]string{"other": "afirmaciones"}}, "(other)"},
		{"A site's own words: %s", Message{Text: "Palabras propias"}, ""},
	} {
		_, err := New("es", map[string]Message{tc.key: tc.m})
		if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%q as %+v: error %v, want %q", tc.key, tc.m, err, tc.wantErr)
		}
	}
	for _, m := range []Message{
		{Forms: map[string]string{"one": "%d check"}},
		{Forms: map[string]string{"several": "%d checks", "other": "%d checks"}},
		{Forms: map[string]string{"one": "", "other": "%d checks"}},
	} {
		if _, err := New("en", map[string]Message{"%d fact-checks": m}); err == nil {
			t.Errorf("forms %v: no error", m.Forms)
		}
	}
}

func TestString(t *testing.T) {
	for _, tc := range []struct {
		tag, key string
		args     []any
		want     string
	}{
		{"en", "%d claims", []any{1}, "1 claim"},
		{"en", "%d claims", []any{0}, "0 claims"},
		{"en", "%d claims", []any{12345}, "12,345 claims"},
		{"es", "%d claims", []any{1}, "1 afirmación"},
		{"es", "%d claims", []any{2}, "2 afirmaciones"},
		{"es", "%d claims", []any{12345}, "12.345 afirmaciones"},
		{"fr", "%d fact-checks", []any{0}, "0 vérification"},
		{"fr", "%d fact-checks", []any{2}, "2 vérifications"},
		{"de", "%d fact-checks", []any{1}, "1 Faktencheck"},
		{"pt-BR", "%d fact-checks", []any{3}, "3 checagens"},
		{"ar", "%d claims", []any{0}, "لا ادعاءات"},
		{"ar", "%d claims", []any{1}, "ادعاء واحد"},
		{"ar", "%d claims", []any{2}, "ادعاءان"},
		{"ar", "%d claims", []any{3}, "٣ ادعاءات"},
		{"ar", "%d claims", []any{11}, "١١ ادعاءً"},
		{"ar", "%d claims", []any{100}, "١٠٠ ادعاء"},
		{"zh", "%d claims", []any{1}, "1 条说法"},
		{"es", "Claimed by %s on %s", []any{"Ana", "1 de mayo de 2020"}, "Dicho por Ana el 1 de mayo de 2020"},
		{"zh", "Page %d of %d", []any{2, 9}, "第 2 页，共 9 页"},
		{"hi", "Analysis", nil, "Analysis"},
		{"en", "A message no one wrote", nil, "A message no one wrote"},
	} {
		l, err := New(tc.tag, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.String(tc.key, tc.args...); got != tc.want {
			t.Errorf("%s: String(%q, %v) = %q, want %q", tc.tag, tc.key, tc.args, got, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	day := time.Date(2021, time.November, 16, 0, 0, 0, 0, time.UTC)
	first := time.Date(2021, time.March, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		tag        string
		day, first string
	}{
		{"en", "16 November 2021", "1 March 2021"},
		{"es", "16 de noviembre de 2021", "1 de marzo de 2021"},
		{"pt", "16 de novembro de 2021", "1 de março de 2021"},
		{"fr", "16 novembre 2021", "1er mars 2021"},
		{"de", "16. November 2021", "1. März 2021"},
		{"ar", "١٦ نوفمبر ٢٠٢١", "١ مارس ٢٠٢١"},
		{"zh", "2021年11月16日", "2021年3月1日"},
	} {
		l, err := New(tc.tag, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Date(day); got != tc.day {
			t.Errorf("%s: %q, want %q", tc.tag, got, tc.day)
		}
		if got := l.Date(first); got != tc.first {
			t.Errorf("%s: %q, want %q", tc.tag, got, tc.first)
		}
		if got := l.Date(time.Time{}); got != "" {
			t.Errorf("%s: the zero time is %q", tc.tag, got)
		}
	}
}

// TestSite checks a site's own messages: they replace the built-in ones,
// add new ones, count with the language's rules and take their arguments
// in their own order. They are plain text: a page's template escapes
// them as it escapes everything it prints.
func TestSite(t *testing.T) {
	l, err := New("en", map[string]Message{
		"Published %s":        {Text: "<b>Verdict</b>: %s"},
		"%d fact-checks":      {Forms: map[string]string{"one": "%d check", "other": "%d checks"}},
		"Our newsletter":      {Text: "Our newsletter"},
		"Claimed by %s on %s": {Text: "%[2]s: said by %[1]s"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		got  string
		want string
	}{
		{l.String("Published %s", "False"), "<b>Verdict</b>: False"},
		{l.String("%d fact-checks", 1), "1 check"},
		{l.String("%d fact-checks", 2), "2 checks"},
		{l.String("Our newsletter"), "Our newsletter"},
		{l.String("Claimed by %s on %s", "X & Y", "1 May"), "1 May: said by X & Y"},
	} {
		if got := tc.got; got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	s := l.Script("%d fact-checks", "Dismiss", "Published %s")
	if f, ok := s["%d fact-checks"].(map[string]string); !ok || f["one"] != "%d check" {
		t.Errorf("Script: %v", s)
	}
	if s["Dismiss"] != "Dismiss" || s["Published %s"] != "<b>Verdict</b>: %s" {
		t.Errorf("Script: %v", s)
	}
}

// TestParts checks the splitting of messages at their arguments, in the
// order each language puts them.
func TestParts(t *testing.T) {
	site := map[string]Message{"Claimed by %s on %s": {Text: "%[2]s: said by %[1]s (100%%)"}}
	for _, tc := range []struct {
		tag, key string
		site     map[string]Message
		want     []Part
	}{
		{"en", "Claimed by %s on %s", nil, []Part{{Text: "Claimed by "}, {Arg: 1}, {Text: " on "}, {Arg: 2}}},
		{"zh", "Claimed by %s on %s", nil, []Part{{Arg: 1}, {Text: " 于 "}, {Arg: 2}, {Text: " 提出此说法"}}},
		{"en", "Claimed by %s on %s", site, []Part{{Arg: 2}, {Text: ": said by "}, {Arg: 1}, {Text: " (100%)"}}},
		{"es", "Published %s", nil, []Part{{Text: "Publicado el "}, {Arg: 1}}},
		{"en", "Analysis", nil, []Part{{Text: "Analysis"}}},
		{"en", "No message: %d and %5.1f, 50% off, %", nil, []Part{{Text: "No message: "}, {Arg: 1}, {Text: " and "}, {Arg: 2}, {Text: ", 50"}, {Arg: 3}, {Text: "ff, %"}}},
		{"de", "%d fact-checks", nil, []Part{{Arg: 1}, {Text: " Faktenchecks"}}},
	} {
		l, err := New(tc.tag, tc.site)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Parts(tc.key); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Parts(%q) = %v, want %v", tc.tag, tc.key, got, tc.want)
		}
	}
}

func TestScriptData(t *testing.T) {
	ar, _ := New("ar", nil)
	d := ar.ScriptData("Dismiss")
	if d["lang"] != "ar" || d["digits"] != "٠١٢٣٤٥٦٧٨٩" || d["texts"].(map[string]any)["Dismiss"] != "إغلاق" {
		t.Errorf("ar: %v", d)
	}
	if m := d["date"].(map[string]any)["months"].([]string); len(m) != 12 || m[2] != "مارس" {
		t.Errorf("ar months: %v", m)
	}
	zh, _ := New("zh-Hans", nil)
	d = zh.ScriptData()
	if d["digits"] != "" || d["date"].(map[string]any)["pattern"] != "Y年N月D日" || len(d["date"].(map[string]any)["months"].([]string)) != 0 {
		t.Errorf("zh: %v", d)
	}
}
