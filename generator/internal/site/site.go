package site

import (
	"factcheck/generator/internal/card"
	"factcheck/generator/internal/locale"
	"sync"
	"time"

	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/quote"
)

// Site is a loaded, checked site. It is not changed after Load returns, so
// renderers may read it from many goroutines.
type Site struct {
	Config  Config
	Claims  []*Claim  // newest first
	Sources []*Source // by title
	Pages   []*Page   // menu order, then title

	Claim  map[string]*Claim
	Source map[string]*Source
	Page   map[string]*Page

	Topics    []*Group // by name
	Claimants []*Group // by name
	Authors   []*Group // the authors of claims, by name
	// ByRating lists the claims of each rating id, newest first.
	ByRating map[string][]*Claim
	// Aliases maps an old claim id to the claim that replaced it.
	Aliases map[string]*Claim
	// Translated lists the translated claims in each of the site's other
	// languages, newest first (see Claim.Lang).
	Translated map[string][]*Claim
	// TranslatedPages lists the translated free pages in each of the
	// site's other languages, in menu order (see Page.Lang).
	TranslatedPages map[string][]*Page
	// Stats say what loading did and how long it took.
	Stats Stats

	backlinksOnce sync.Once
	backlinks     map[string][]*Claim
	related       related
}

// Backlinks maps the id of each claim that others cross-link to to those
// claims, newest first (each claim's LinkedFrom), for templates that read
// .Site.Backlinks. It is made on first use.
func (s *Site) Backlinks() map[string][]*Claim {
	s.backlinksOnce.Do(func() {
		s.backlinks = map[string][]*Claim{}
		for _, c := range s.Claims {
			if len(c.LinkedFrom) > 0 {
				s.backlinks[c.ID] = c.LinkedFrom
			}
		}
	})
	return s.backlinks
}

// Stats say what a Load did and how long it took.
type Stats struct {
	// Files counts the content files; Parsed those this Load parsed (all
	// but those a Cache kept); Quotes the quotes it verified.
	Files, Parsed, Quotes int
	// Read is the time taken to list, read and parse files; Link to
	// resolve ids and references, group claims and verify quotes, of
	// which Verify to verify quotes.
	Read, Link, Verify time.Duration
}

// Config is content/site.yaml.
type Config struct {
	Title        string
	Description  string
	BaseURL      string
	Language     string
	Organization Organization
	Ratings      []Rating
	PageSize     int
	CNAME        string
	Contact      string
	UnsafeHTML   bool
	// NegationWords are words that negate, besides the built-in ones of
	// the site's and sources' languages, for the rules of gaps and
	// brackets in quotes.
	NegationWords []string
	// Translations are the site's own texts for messages of the pages,
	// keyed by their English text (see package locale).
	Translations map[string]locale.Message
	// Locale speaks the site's language, with its translations.
	Locale *locale.Locale
	// Languages are the site's languages, its own first: [Language]
	// unless site.yaml lists more. Locales speak each of them.
	Languages []string
	Locales   map[string]*locale.Locale
	// CardFonts draw the share cards (card_fonts: the Go fonts, then the
	// site's); nil for the Go fonts alone.
	CardFonts *card.Fonts
	// Authors are the profiles of authors (authors), by the slug of
	// their name: what their page shows above their fact-checks.
	Authors map[string]*Author
	// unread is set when site.yaml could not be read or parsed: the
	// defaults stand in, and what depends on the settings (the ratings,
	// the languages) gets no errors of its own.
	unread bool
}

// Organization publishes the site.
type Organization struct{ Name, URL, Logo string }

// Rating is one step of the rating scale.
type Rating struct {
	ID, Label, Description string
	// Value is n for the best of n ratings and 1 for the worst.
	Value int
	// Color is the rating's colour, "#rrggbb" in lowercase, from its
	// color key; "" when it has none, and its badge, rating graphic and
	// share card take the built-in style's colour for its Value.
	Color string
}

// Dir is the direction in which the site's language is written: "rtl"
// for a script written right to left (Arabic, Hebrew, Persian, Urdu …),
// else "ltr".
func (c *Config) Dir() string { return locale.Dir(c.Language) }

// Rating returns the rating with this id.
func (c *Config) Rating(id string) (Rating, bool) {
	for _, r := range c.Ratings {
		if r.ID == id {
			return r, true
		}
	}
	return Rating{}, false
}

// Claim is one fact-check: content/claims/**/ID.md.
type Claim struct {
	ID   string
	Path string // the file, relative to the site root
	// Digest is a fingerprint of the file's bytes: the first 16 bytes of
	// their SHA-256, in hex. What the claim holds after Load is made from
	// them and the site's configuration, and from the claims and sources
	// it is linked with.
	Digest string

	Claim string
	// Short is the claim's short form (the "short" key), "" when not
	// given: ClaimReview's claimReviewed, which Google advises to keep
	// under 75 characters.
	Short       string
	Claimant    Name
	ClaimDate   time.Time
	Appearances []string
	Rating      Rating
	Summary     string
	Published   time.Time
	Updated     time.Time
	Authors     []string
	Topics      []Name
	Corrections []Correction
	Draft       bool
	Aliases     []string

	Doc *markdown.Doc
	// Text is the plain text of its analysis, for the search index (Doc
	// keeps its HTML, not its text); empty when checking only.
	Text string
	// bodyLine is the file line where the body starts.
	bodyLine     int
	ratingPos    Pos
	publishedPos Pos
	// Links lists the claims this one cross-links to, in order, once each.
	Links []*Claim
	// Sources lists the sources this one cites, in order, once each.
	Sources []*Source
	// LinkedFrom lists the claims that cross-link to this one, newest
	// first.
	LinkedFrom []*Claim
	// Lang is "" for a claim in the site's language, else the language
	// of this translation (claims/ID.LANG.md) of the claim Original.
	Lang     string
	Original *Claim
	// Translations are the claim's translations, by language.
	Translations map[string]*Claim
	refs         refs
	// cached is the cache entry of its file, which keeps its quotes'
	// checks.
	cached *entry
}

// Name is a topic or claimant: its name as written and the slug that is its
// id. A claimant may have a URL that identifies them, and says whether it is
// a person.
type Name struct {
	Name, ID, URL string
	// Person is set for a claimant written {name, type: person}; a
	// claimant is otherwise taken as an organization (ClaimReview's
	// itemReviewed.author is then an Organization).
	Person bool
}

// Correction is one entry of a claim's corrections list.
type Correction struct {
	Date time.Time
	Note string
}

// Group is the claims of one topic or claimant, newest first.
type Group struct {
	Name
	Claims []*Claim
}

// Source is a document quotes are checked against:
// content/sources/**/ID.md.
type Source struct {
	ID   string
	Path string
	// Digest is a fingerprint of the file's bytes, as Claim's.
	Digest string

	Title      string
	Publisher  string
	URL        string
	Published  time.Time
	Accessed   time.Time
	ArchiveURL string
	Kind       string
	Format     string // "markdown" or "text"
	Note       string
	// Language is the BCP 47 tag of the stored text's language, when it
	// is not the site's.
	Language string
	// Original is what the stored text was imported from, or nil.
	Original *Original

	// Text is the stored text; Text.Plain is empty when none is stored.
	Text Text
	// Index prepares Text.Plain for matching quotes.
	Index *quote.Source
	// Times are the timed passages of a transcript of format text, as
	// import writes captions, in order; nil for other sources. A quote's
	// time locator ("at 1:23") is checked against them.
	Times []Passage
	// Highlights are the verified quotes' spans in Text.Plain, by start.
	Highlights []Highlight
	// CitedBy lists the claims that cite this source, newest first.
	CitedBy []*Claim

	publishedPos Pos
	latestYear   int // the latest year its text mentions
}

// Text is a source's stored text, rendered: the HTML in pieces, so that
// highlights can be put around spans of its plain text.
type Text struct {
	Pieces []Piece
	// Plain is the text without markup, blocks separated by a blank line.
	Plain string
}

// Piece is a tag, written as it is, or text, escaped when written. For
// text, Offset is where it starts in Plain.
type Piece struct {
	Tag    string
	Text   string
	Offset int
}

// Highlight is one span of a source's text that a claim quotes.
type Highlight struct {
	Start, End int // in Text.Plain
	Claim      *Claim
	Quote      *markdown.Quote
	// First is true on the first span of a quote, which carries its
	// anchor.
	First bool
	// Gap is true on the words a gap of the quote left out, between two
	// of its spans.
	Gap bool
}

// Page is a free page: content/pages/**/ID.md, at /ID/.
type Page struct {
	ID    string
	Path  string
	Title string
	Menu  int // 0: not in the menu
	Doc   *markdown.Doc
	// Description is its description key, or else the start of its
	// first paragraph: the page's meta description.
	Description string
	// Lang is "" for a page in the site's language, else the language of
	// this translation (pages/ID.LANG.md, at /LANG/ID/) of the page
	// Original. Translations are a page's translations, by language.
	Lang         string
	Original     *Page
	Translations map[string]*Page
	// menuSet says that the file gives menu: a translation without it
	// takes the menu place of the page it translates.
	menuSet bool

	bodyLine int
	// Links lists the claims this page cross-links to.
	Links  []*Claim
	refs   refs
	cached *entry // as Claim's
}
