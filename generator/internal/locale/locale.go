package locale

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Message is a site's text for one message: Text, or for a message that
// counts, Forms by plural category ("zero", "one", "two", "few", "many",
// "other"; "other" is required).
type Message struct {
	Text  string
	Forms map[string]string
}

// Locale speaks one language.
type Locale struct {
	tag  language.Tag
	base string // the built-in language whose words it speaks: "en", "es" …
	// text prints the messages, as plain text.
	text *message.Printer
	site map[string]Message
	// digits are the language's digits 0–9, when not ASCII.
	digits []rune
	// plain and parts keep what String without arguments and Parts
	// return for a key, which depends on the key alone: a build asks for
	// the same few dozen messages on every page.
	plain, parts sync.Map // key → string, key → []Part
}

// Languages are the built-in languages, as their tags.
var Languages = []string{"en", "es", "pt", "fr", "de", "ar", "zh"}

var matcher = language.NewMatcher([]language.Tag{
	language.English, language.Spanish, language.Portuguese, language.French,
	language.German, language.Arabic, language.Chinese,
})

// New returns the locale of the language tag (BCP 47), with the site's
// own messages (see the package doc) in place of the built-in ones. An
// error names a tag that is not well-formed or a site message whose
// plural forms lack "other" or name an unknown category.
func New(tag string, site map[string]Message) (*Locale, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return nil, fmt.Errorf("language %q is not a language tag (BCP 47, such as en, es, pt-BR, zh-Hans)", tag)
	}
	_, i, conf := matcher.Match(t)
	base := "en"
	if conf >= language.High {
		base = Languages[i]
	}
	l := &Locale{tag: t, base: base, site: site}
	text := catalog.NewBuilder()
	for _, m := range table {
		if _, ok := site[m.key]; ok {
			continue
		}
		msg := m.in(base)
		if err := set(text, t, m.key, msg); err != nil {
			return nil, err
		}
	}
	keys := make([]string, 0, len(site))
	for k := range site {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if i := slices.IndexFunc(table, func(m msg) bool { return m.key == k }); i >= 0 {
			if err := sameArgs(k, site[k], table[i].plural); err != nil {
				return nil, err
			}
		}
		if err := set(text, t, k, site[k]); err != nil {
			return nil, err
		}
	}
	l.text = message.NewPrinter(t, message.Catalog(text))
	if zero := l.text.Sprint(0); zero != "0" {
		z, _ := utf8.DecodeRuneInString(zero)
		for d := range 10 {
			l.digits = append(l.digits, z+rune(d))
		}
	}
	return l, nil
}

// categories are the plural categories of CLDR, in their usual order.
var categories = []string{"zero", "one", "two", "few", "many", "other"}

// set adds the message m for key to the catalog.
func set(b *catalog.Builder, t language.Tag, key string, m Message) error {
	if m.Forms == nil {
		return b.SetString(t, key, m.Text)
	}
	if _, ok := m.Forms["other"]; !ok {
		return fmt.Errorf("translation of %q: plural forms need \"other\"", key)
	}
	var cases []any
	for c, text := range m.Forms {
		if !slices.Contains(categories, c) {
			return fmt.Errorf("translation of %q: %q is not a plural category (%s)", key, c, strings.Join(categories, ", "))
		}
		if text == "" {
			return fmt.Errorf("translation of %q: the %s form is empty", key, c)
		}
	}
	for _, c := range categories {
		if text, ok := m.Forms[c]; ok {
			cases = append(cases, c, text)
		}
	}
	return b.Set(t, key, plural.Selectf(1, "%d", cases...))
}

// Tag is the language tag the locale was made for.
func (l *Locale) Tag() string { return l.tag.String() }

// Base is the built-in language whose words the locale speaks.
func (l *Locale) Base() string { return l.base }

// Dir is "rtl" for a language written right to left, else "ltr".
func (l *Locale) Dir() string { return Dir(l.tag.String()) }

// Own returns the site's own translation of text, a text of the site's
// settings written in its first language (a rating's label, the site's
// title), or text itself when the site translates it not: it is not a
// message with arguments, and is returned as the site wrote it.
func (l *Locale) Own(text string) string {
	if m, ok := l.site[text]; ok && m.Text != "" {
		return m.Text
	}
	return text
}

// String prints message key with args as plain text.
func (l *Locale) String(key string, args ...any) string {
	if len(args) > 0 {
		return l.text.Sprintf(key, args...)
	}
	if v, ok := l.plain.Load(key); ok {
		return v.(string)
	}
	v := l.text.Sprintf(key)
	l.plain.Store(key, v)
	return v
}

// Number writes n with the language's digits and grouping: "12,345".
func (l *Locale) Number(n int) string { return l.text.Sprint(n) }

// Date writes a date in full the language's way: "16 March 2021". The
// zero time is "".
func (l *Locale) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	f := dates[l.base]
	var b strings.Builder
	for _, r := range f.pattern {
		switch r {
		case 'D':
			if d == 1 && f.first != "" {
				b.WriteString(f.first)
			} else {
				b.WriteString(strconv.Itoa(d))
			}
		case 'M':
			b.WriteString(f.months[m-1])
		case 'N':
			b.WriteString(strconv.Itoa(int(m)))
		case 'Y':
			b.WriteString(strconv.Itoa(y))
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	return l.localDigits(s)
}

// localDigits replaces ASCII digits by the language's own.
func (l *Locale) localDigits(s string) string {
	if l.digits == nil {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return l.digits[r-'0']
		}
		return r
	}, s)
}

// Script returns the texts of messages for a script in the page: each
// key's text, or for a message that counts its forms by plural category
// (the script picks one with Intl.PluralRules). The texts are plain text.
func (l *Locale) Script(keys ...string) map[string]any {
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		m, ok := l.message(k)
		if !ok {
			out[k] = k
		} else if m.Forms != nil {
			out[k] = m.Forms
		} else {
			out[k] = m.Text
		}
	}
	return out
}

// message returns message key in the locale's language: the site's, or
// the built-in one.
func (l *Locale) message(key string) (Message, bool) {
	if m, ok := l.site[key]; ok {
		return m, true
	}
	for _, m := range table {
		if m.key == key {
			return m.in(l.base), true
		}
	}
	return Message{}, false
}

// Keys are the keys of the built-in messages, in their order in the table.
func Keys() []string {
	keys := make([]string, len(table))
	for i, m := range table {
		keys[i] = m.key
	}
	return keys
}

// Dir is "rtl" for a language tag whose script is written right to left
// (Arabic, Hebrew, Persian, Urdu …: the tag's script, explicit or the
// likely one), else "ltr".
func Dir(tag string) string {
	if s, _ := language.Make(tag).Script(); rtlScripts[s.String()] {
		return "rtl"
	}
	return "ltr"
}

// rtlScripts are the scripts written right to left, by ISO 15924 code.
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true, "Adlm": true, "Rohg": true, "Mand": true, "Samr": true, "Yezi": true}

// Part is a piece of a message split at its arguments (see Locale.Parts):
// a text, or Arg, the number (from 1) of the argument that goes there.
type Part struct {
	Text string
	Arg  int
	verb byte // the verb's letter, while split checks a translation
}

// sameArgs checks that a site's text m for the built-in message key
// prints the key's arguments, each at least once and no other: a text
// that drops one or names one too many would print "%!(EXTRA …)" or
// "%!s(MISSING)" on the pages. A form of a message that counts may leave
// out the count (Arabic's "لا ادعاءات" for none).
func sameArgs(key string, m Message, counts bool) error {
	want := args(key)
	check := func(text, form string) error {
		got := args(text)
		for _, p := range split(text) {
			if p.Arg > 0 && p.verb != 's' && p.verb != 'd' && p.verb != 'v' {
				return fmt.Errorf("translation of %q: %%%c is not a verb of messages (%%s, %%d or %%v)", key, p.verb)
			}
		}
		for a := range got {
			if !want[a] {
				return fmt.Errorf("translation of %q%s: %q prints argument %d, the message has %d", key, form, text, a, len(want))
			}
		}
		for a := range want {
			if !got[a] && !(counts && a == 1 && form != " (other)") {
				return fmt.Errorf("translation of %q%s: %q leaves out argument %d", key, form, text, a)
			}
		}
		return nil
	}
	if m.Forms == nil {
		return check(m.Text, "")
	}
	for _, c := range categories {
		if text, ok := m.Forms[c]; ok {
			if err := check(text, " ("+c+")"); err != nil {
				return err
			}
		}
	}
	return nil
}

// args are the numbers of the arguments text prints.
func args(text string) map[int]bool {
	a := map[int]bool{}
	for _, p := range split(text) {
		if p.Arg > 0 {
			a[p.Arg] = true
		}
	}
	return a
}

// Parts splits message key, in the locale's language, at its arguments,
// so that a template can put markup where each goes ("Claimed by %s on
// %s": a link, then a date) in the order the language puts them
// ("%[2]s: said by %[1]s"). "%%" is a "%" of the text. A message that
// counts is split in its "other" form. The texts are plain text.
func (l *Locale) Parts(key string) []Part {
	text := key
	if m, ok := l.message(key); ok {
		text = m.Text
		if m.Forms != nil {
			text = m.Forms["other"]
		}
	}
	parts := split(text)
	for i := range parts {
		parts[i].verb = 0
	}
	return parts
}

// split splits a format string at its verbs, as Parts describes, each
// argument's part with its verb's letter.
func split(text string) []Part {
	var parts []Part
	var b strings.Builder
	next := 1
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 == len(text) {
			b.WriteByte(text[i])
			continue
		}
		if text[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// A verb: an optional argument index, flags and width, a letter.
		j := i + 1
		arg := next
		if text[j] == '[' {
			if k := strings.IndexByte(text[j:], ']'); k > 0 {
				if n, err := strconv.Atoi(text[j+1 : j+k]); err == nil && n > 0 {
					arg = n
				}
				j += k + 1
			}
		}
		for j < len(text) && strings.IndexByte("+-# 0123456789.", text[j]) >= 0 {
			j++
		}
		if j == len(text) {
			b.WriteString(text[i:])
			break
		}
		if b.Len() > 0 {
			parts = append(parts, Part{Text: b.String()})
			b.Reset()
		}
		parts = append(parts, Part{Arg: arg, verb: text[j]})
		next = arg + 1
		i = j
	}
	if b.Len() > 0 {
		parts = append(parts, Part{Text: b.String()})
	}
	return parts
}

// ScriptData is what a script in the page needs to speak the locale's
// language, ready to be written as JSON: the language tag ("lang"), the
// texts of messages keys ("texts", as Script returns them), how a date is
// written ("date": "pattern" with D, M, N and Y as in Date, "first" for
// the first day of a month when the language writes it otherwise,
// "months") and the language's digits 0–9 ("digits", "" for ASCII).
func (l *Locale) ScriptData(keys ...string) map[string]any {
	f := dates[l.base]
	months := f.months[:]
	if f.months[0] == "" {
		months = nil
	}
	return map[string]any{
		"lang":   l.tag.String(),
		"texts":  l.Script(keys...),
		"date":   map[string]any{"pattern": f.pattern, "first": f.first, "months": months},
		"digits": string(l.digits),
	}
}
