package site

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"factcheck/generator/internal/card"
	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/locale"

	"go.yaml.in/yaml/v3"
)

// DefaultRatings is the rating scale of a site that sets none, best first.
var DefaultRatings = []Rating{
	{ID: "accurate", Label: "Accurate", Description: "The claim is correct and nothing significant is missing: the sources say what the claim says they say."},
	{ID: "mostly-accurate", Label: "Mostly accurate", Description: "The claim is correct in substance but needs clarification or additional information, or gets a detail wrong that does not change its meaning."},
	{ID: "misleading", Label: "Misleading", Description: "The claim contains an element of truth but leaves out or distorts context, so that it gives a wrong impression."},
	{ID: "unsupported", Label: "Unsupported", Description: "The evidence available does not show the claim to be true or false: the sources we could check do not settle it."},
	{ID: "false", Label: "False", Description: "The claim is not correct: the sources say something different, or the opposite."},
}

var configKeys = []string{"title", "description", "base_url", "language", "organization", "ratings", "page_size", "cname", "contact", "unsafe_html", "negation_words", "translations", "languages", "card_fonts", "authors"}

// ConfigKeys returns the keys site.yaml may hold.
func ConfigKeys() []string { return slices.Clone(configKeys) }

// loadConfig reads content/site.yaml; every key has a default, and the file
// itself is optional.
func loadConfig(fsys fs.FS, diags *diag.List) Config {
	cfg := Config{Title: "Fact checks", BaseURL: "/", Language: "en", PageSize: 50}
	b, err := fs.ReadFile(fsys, configFile)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(configFile, 1, 1, "cannot read: %v", err)
			cfg.unread = true
		}
		return finishConfig(cfg)
	}
	b = cleanText(configFile, b, diags)
	f := parseYAML(configFile, b, 1, diags)
	if f == nil {
		cfg.unread = true
		return finishConfig(cfg)
	}
	if s := f.str("title", false); s != "" {
		cfg.Title = s
	}
	cfg.Description = f.str("description", false)
	if s, p := f.strPos("base_url", false); s != "" {
		cfg.BaseURL = normalizeBaseURL(s, configFile, p, diags)
	}
	langPos, langSet := f.pos, false
	if s, p := f.strPos("language", false); s != "" {
		cfg.Language, langPos, langSet = s, p, true
	}
	if v := f.get("organization", false); v != nil {
		cfg.Organization = readOrganization(f, v)
	}
	if v := f.get("ratings", false); v != nil {
		cfg.Ratings = readRatings(f, v)
	}
	if v := f.get("page_size", false); v != nil {
		n := 0
		if err := v.Decode(&n); err != nil || n < 1 {
			f.errorf(f.at(v), "page_size must be a whole number above 0")
		} else {
			cfg.PageSize = n
		}
	}
	cfg.CNAME = f.str("cname", false)
	if strings.ContainsAny(cfg.CNAME, "/: \t") {
		f.errorf(f.pos, "cname must be a bare domain name such as facts.example.org")
		cfg.CNAME = ""
	}
	contact, contactPos := f.strPos("contact", false)
	if contact != "" && ContactURL(contact) == "" {
		f.diags.Warnf(f.path, contactPos.Line, contactPos.Col, "contact %q is left out: it must be an e-mail address or an http(s) or mailto: URL, such as desk@example.org or https://example.org/contact/", contact)
		contact = ""
	}
	cfg.Contact = contact
	cfg.UnsafeHTML = f.boolean("unsafe_html")
	cfg.NegationWords = f.strs("negation_words")
	var langs []string
	langsPos := f.pos
	if v := f.get("languages", false); v != nil {
		langsPos = f.at(v)
		langs = f.strs("languages")
	}
	transPos := map[string]Pos{}
	// langTrans are the texts of the site's other languages, under their
	// tags in translations.
	langTrans := map[string]map[string]locale.Message{}
	if v := f.get("translations", false); v != nil {
		cfg.Translations, transPos = readTranslations(f, v, langs, langTrans)
	}
	if v := f.get("card_fonts", false); v != nil {
		cfg.CardFonts = readCardFonts(fsys, f, v)
	}
	if v := f.get("authors", false); v != nil {
		cfg.Authors = readAuthors(fsys, f, v)
	}
	f.unknown(configKeys)
	if len(langs) > 0 {
		if langSet && cfg.Language != langs[0] {
			f.errorf(langPos, "language %q is not the first of languages (%s): the first is the site's own language", cfg.Language, strings.Join(langs, ", "))
		}
		cfg.Language = langs[0]
		seen := map[string]bool{}
		for _, l := range langs {
			switch {
			case seen[l]:
				f.errorf(langsPos, "languages lists %q twice", l)
			case strings.Contains(l, "."):
				f.errorf(langsPos, "language %q cannot hold a dot (it names files: ID.%s.md)", l, l)
			default:
				seen[l] = true
				cfg.Languages = append(cfg.Languages, l)
				if l == cfg.Language {
					continue
				}
				if loc, err := locale.New(l, langTrans[l]); err != nil {
					p := langsPos
					if kp, ok := transPos[l]; ok {
						p = kp // the language's key in translations
					}
					f.errorf(p, "%v", err)
				} else {
					if cfg.Locales == nil {
						cfg.Locales = map[string]*locale.Locale{}
					}
					cfg.Locales[l] = loc
				}
			}
		}
	}
	cfg = finishConfig(cfg)
	if l, err := locale.New(cfg.Language, cfg.Translations); err != nil {
		p := langPos
		for k, kp := range transPos {
			if strings.Contains(err.Error(), strconv.Quote(k)) {
				p = kp
			}
		}
		f.errorf(p, "%v", err)
	} else {
		cfg.Locale = l
		cfg.Locales[cfg.Language] = l
	}
	return cfg
}

// readTranslations reads the translations key: message → text, or
// message → {one: …, other: …} for a message that counts. It returns the
// position of each message's key too. Under a key that is one of the
// site's other languages (langs but the first), a mapping holds that
// language's texts, read the same way into byLang.
func readTranslations(f *fields, v *yaml.Node, langs []string, byLang map[string]map[string]locale.Message) (map[string]locale.Message, map[string]Pos) {
	if v.Kind != yaml.MappingNode {
		f.errorf(f.at(v), "translations must map the English text of a message to its text on this site")
		return nil, nil
	}
	out := map[string]locale.Message{}
	pos := map[string]Pos{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if len(langs) > 1 && slices.Contains(langs[1:], k.Value) && val.Kind == yaml.MappingNode {
			byLang[k.Value], _ = readTranslations(f, val, nil, nil)
			pos[k.Value] = f.at(k)
			continue
		}
		pos[k.Value] = f.at(k)
		switch val.Kind {
		case yaml.ScalarNode:
			out[k.Value] = locale.Message{Text: val.Value}
		case yaml.MappingNode:
			forms := map[string]string{}
			for j := 0; j+1 < len(val.Content); j += 2 {
				forms[val.Content[j].Value] = val.Content[j+1].Value
			}
			if other := nonPluralKey(val); other != nil {
				// Texts of a language the site does not publish in: say
				// so, rather than that a plural form is missing.
				f.errorf(f.at(k), "translations: %q maps %q, which is no plural form (zero, one, two, few, many, other); a language's texts go under its tag, and the tag must be one of languages after the first", k.Value, other.Value)
				continue
			}
			out[k.Value] = locale.Message{Forms: forms}
		default:
			f.errorf(f.at(val), "the translation of %q must be a text, or its forms by plural category (one: …, other: …)", k.Value)
		}
	}
	return out, pos
}

// nonPluralKey is the first key of mapping v that is not a plural
// category, nil when all are.
func nonPluralKey(v *yaml.Node) *yaml.Node {
	for j := 0; j+1 < len(v.Content); j += 2 {
		switch v.Content[j].Value {
		case "zero", "one", "two", "few", "many", "other":
		default:
			return v.Content[j]
		}
	}
	return nil
}

func finishConfig(cfg Config) Config {
	if len(cfg.Languages) == 0 {
		cfg.Languages = []string{cfg.Language}
	}
	if cfg.Locales == nil {
		cfg.Locales = map[string]*locale.Locale{}
	}
	if cfg.Locale == nil {
		cfg.Locale, _ = locale.New(cfg.Language, nil)
		if cfg.Locale == nil {
			cfg.Locale, _ = locale.New("en", nil)
		}
		cfg.Locales[cfg.Language] = cfg.Locale
	}
	if cfg.Organization.Name == "" {
		cfg.Organization.Name = cfg.Title
	}
	if len(cfg.Ratings) == 0 {
		cfg.Ratings = append([]Rating(nil), DefaultRatings...)
	}
	for i := range cfg.Ratings {
		cfg.Ratings[i].Value = len(cfg.Ratings) - i
	}
	return cfg
}

func readOrganization(f *fields, v *yaml.Node) Organization {
	if v.Kind == yaml.ScalarNode {
		return Organization{Name: strings.TrimSpace(v.Value)}
	}
	if v.Kind != yaml.MappingNode {
		f.errorf(f.at(v), "organization must be {name, url, logo}")
		return Organization{}
	}
	o := f.sub(v)
	org := Organization{Name: o.str("name", false), URL: o.url("url", false), Logo: o.url("logo", false)}
	o.unknown([]string{"name", "url", "logo"})
	return org
}

func readRatings(f *fields, v *yaml.Node) []Rating {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		f.errorf(f.at(v), "ratings must be a list of {id, label, description}, best first")
		return nil
	}
	var out []Rating
	seen := map[string]bool{}
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			f.errorf(f.at(e), "each rating must be {id, label, description}")
			continue
		}
		r := f.sub(e)
		id, p := r.strPos("id", true)
		rt := Rating{ID: id, Label: r.str("label", true), Description: r.str("description", false)}
		if c, cp := r.strPos("color", false); c != "" {
			if validColor(c) {
				rt.Color = strings.ToLower(c)
			} else {
				f.errorf(cp, "rating color %q must be a colour written #rrggbb, such as #1d7a46", c)
			}
		}
		r.unknown([]string{"id", "label", "description", "color"})
		switch {
		case id == "":
		case !ValidID(id):
			f.errorf(p, "rating id %q must be lowercase letters, digits and single hyphens", id)
		case seen[id]:
			f.errorf(p, "rating %q is listed twice", id)
		default:
			seen[id] = true
			out = append(out, rt)
		}
	}
	return out
}

// validColor reports whether s is a colour written #rrggbb.
func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// normalizeBaseURL checks a base URL and makes its path end in "/". path
// is where it was written: site.yaml, at p, or the flag --base-url.
func normalizeBaseURL(s, path string, p Pos, diags *diag.List) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "") != (u.Host != "") || u.RawQuery != "" || u.Fragment != "" {
		name := "base_url"
		if path == baseURLFlag {
			name = path
		}
		diags.Errorf(path, p.Line, p.Col, "%s %q must be an http(s) URL such as https://org.github.io/repo/, or a path", name, s)
		return "/"
	}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String()
}

// baseURLFlag is where Options.BaseURL comes from, for its errors.
const baseURLFlag = "--base-url"

// maxFontSize is the largest font file a site may add to its share cards.
const maxFontSize = 64 << 20

// readCardFonts reads the card_fonts key: font files inside the site, for
// the characters of share cards that the built-in fonts lack.
func readCardFonts(fsys fs.FS, f *fields, v *yaml.Node) *card.Fonts {
	var files [][]byte
	for _, p := range f.strs("card_fonts") {
		b, err := readSiteFile(fsys, p, maxFontSize)
		if err == nil {
			_, err = card.NewFonts(b)
			if err != nil {
				err = fmt.Errorf("%s is not a TrueType or OpenType font", p)
			}
		}
		if err != nil {
			f.errorf(f.at(v), "card_fonts: %v", err)
			continue
		}
		files = append(files, b)
	}
	fonts, err := card.NewFonts(files...)
	if err != nil || len(files) == 0 {
		return nil
	}
	return fonts
}

// readSiteFile reads the file at p, a slash-separated path from the site's
// folder, refusing a path that leaves the site, a symbolic link on the
// way, a file that is not a regular file and one larger than max bytes.
func readSiteFile(fsys fs.FS, p string, max int64) ([]byte, error) {
	if !fs.ValidPath(p) || p == "." {
		return nil, fmt.Errorf("%q is not a path inside the site (a relative path with / between folders, such as fonts/NotoSansSC.otf)", p)
	}
	parts := strings.Split(p, "/")
	for i := range parts {
		fi, err := fs.Lstat(fsys, strings.Join(parts[:i+1], "/"))
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %v", p, errors.Unwrap(err))
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return nil, fmt.Errorf("%s: %s", p, symlinkMessage)
		}
		if i == len(parts)-1 {
			if !fi.Mode().IsRegular() {
				return nil, fmt.Errorf("%s is not a regular file", p)
			}
			if fi.Size() > max {
				return nil, fmt.Errorf("%s is larger than %d MB", p, max>>20)
			}
		}
	}
	return fs.ReadFile(fsys, p)
}

// ContactURL is the link to a site's contact (site.yaml's contact): the
// contact itself when it is an http(s) URL or a mailto: one, mailto: and
// the contact when it is an e-mail address, else "".
func ContactURL(contact string) string {
	switch {
	case httpURL(contact):
		return contact
	case len(contact) > len("mailto:") && strings.EqualFold(contact[:len("mailto:")], "mailto:") && emailAddress(contact[len("mailto:"):]):
		return contact
	case emailAddress(contact):
		return "mailto:" + contact
	}
	return ""
}

// emailAddress reports whether s reads as an e-mail address, with what
// may follow it in a mailto: URL (?subject=…): something on either side
// of an @, and no blanks, quotes, angle brackets, colons or slashes (no
// URL scheme, then).
func emailAddress(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t\r\n<>\"/:\\")
}
