// Package render turns a loaded site into the files of its output: HTML
// pages from templates, the annotated source pages, the feeds, the search
// index and the publishing files.
//
// Pages are produced as Jobs, one per output file, so that a build can
// render them on all cores and the dev server can render only the ones a
// change affects.
//
// Every HTML page is executed from the templates in the repository's
// templates/ folder (embedded in the program), or from a site's own
// templates/ files that replace them, with [html/template]: what follows
// is the contract between this package and a template author.
//
// # Template files
//
// There is one file per kind of page, and two files that every page uses:
//
//	base.html         the layout of every page: the document, its <head>,
//	                  the site header and footer; it calls the blocks
//	                  "head", "main" and "scripts"
//	partials.html     the shared pieces (below)
//	home.html         the home page
//	claims.html       the list of all fact-checks, page_size a page
//	claim.html        a fact-check
//	sources.html      the list of sources
//	source.html       a source: its stored text with the quoted passages
//	ratings.html      the rating scale
//	rating.html       the fact-checks with one rating
//	groups.html       the index of topics, of claimants and of authors
//	group.html        the fact-checks of one topic, claimant or author
//	page.html         a free page (content/pages/)
//	corrections.html  every correction
//	search.html       the search page
//	404.html          the page for addresses that lead nowhere
//	alias.html        the redirect from a claim's old id: a whole document,
//	                  executed on its own, without base.html
//
// A page file defines the blocks of its pages: "main" (the content),
// and optionally "head" (more in <head>) and "scripts" (before
// </body>). A page is executed as the template "base.html" of its page
// file's template set.
//
// # Overriding templates
//
// A site's templates/NAME.html replaces the built-in file NAME.html: the
// built-in one is then not read at all. A name that is none of the above
// is an error. The definitions in a site's files follow html/template's
// rule that a later definition replaces an earlier one, read in this
// order for each kind of page:
//
//  1. base.html, then partials.html;
//  2. the definitions that the other page files share: every definition
//     but their own "main", "head" and "scripts", file after file in
//     the order of their names (404.html, alias.html, claim.html,
//     claims.html …);
//  3. the page file itself, all of its definitions.
//
// So a site's definition of any template, in whichever of its files, is
// what its pages use: a "claim-card" defined in a site's group.html is
// the card of the home page, the listings and the topic, claimant and
// rating pages; a "site-header" defined in its claim.html is the header
// of every page. A page file's own definition wins for its own pages, and
// one in a page file wins over one in partials.html. An empty definition
// ({{define "x"}}{{end}}) does not replace a non-empty one, as in
// html/template. The built-in page files share nothing: every shared
// piece is in base.html and partials.html, but for "source-provenance"
// at the end of source.html, the source page's rows of the original's
// provenance (run with .Source.Provenance), which a site may define anew
// like any shared piece.
//
// # Shared pieces
//
// These are defined in the built-in partials.html and base.html; a site
// may define any of them anew:
//
//	{{template "rating" RATING}}     a rating's badge (a site.Rating)
//	{{template "rating-graphic" .}}  a claim page's rating: its badge and
//	                                 an SVG meter of the scale (run with
//	                                 the claim's page)
//	{{template "claim-list" .}}      the page's .Claims as cards, or a
//	                                 note that there are none
//	{{template "pager" .}}           links to the other pages of a
//	                                 listing (.Pager)
//	{{template "language-switch" .}} the page in the site's other
//	                                 languages (.Switch), at the top
//	                                 of <main> in base.html
//	"claim-card"                     one claim in a listing, run by .Card
//	"site-header", "site-footer",    the top and bottom of every page,
//	"site-assets"                    and the links in its <head>, run by
//	                                 .Chrome
//
// Card and Chrome run their template once per build for all the pages
// that show the same thing, not once per page: a 10,000-claim site shows
// its claims in some 60,000 cards. So "claim-card" must print only what
// its own data holds (a [CardData]: .Claim and the link methods), and
// the site header, footer and assets only what a page holds that has
// nothing but a Path, the page's own when the site menu links to it (so
// that {{if .Current "claims/"}} marks the current page) and "" on other
// pages.
//
// # Page data
//
// Every page template receives a [*Page]. All pages have
//
//	.Site         the loaded site: .Site.Config (title, language …),
//	              .Site.Claims (newest first), .Site.Sources, .Site.Topics,
//	              .Site.Claimants, .Site.Pages; on the pages of a
//	              site's other language, the site in that language (its
//	              .Config.Language, its translated claims; see Languages)
//	.Title        the page's title ("" on the home page)
//	.Description  its summary for search engines and link previews
//	.Path         its output path within its language's folder: "" for
//	              the home page, "claims/x/" (es/claims/x/ in Spanish on
//	              a site whose first language is another)
//	.Dev          true in the dev server's preview
//
// and, depending on the kind of page:
//
//	.Claims       home (the latest ten), claims, rating, group: the claims
//	              of this page of the listing
//	.Pager .Count claims, rating, group: the listing's pages (.N, .Total,
//	              .Prev, .Next) and its number of claims
//	.Claim        claim: a [ClaimView], the claim (.Claim.Claim is its
//	              text, .Rating, .Topics, .Sources, .Links, .Corrections …)
//	              with .Quotes (each a [QuoteView]), .Backlinks and
//	              .Related, the one list of related fact-checks (the
//	              claims it cross-links with, then the newest sharing a
//	              topic, the claimant or a source; at most five)
//	.Source       source: a [SourceView], the source with .QuotedIn, the
//	              claims that quote it and their quotes' anchors, and
//	              .Provenance, a [Provenance] of the original its text was
//	              imported from (nil for a text written by hand): .From
//	              (.FromURL when it is a URL), .MediaType, .Bytes and .Size
//	              ("1.40 MB", "" under 1000 bytes), .Pages, .Duration of
//	              captions ("1:02:05"), .SHA256, .Taken (a time; .TakenClock
//	              "08:40" in UTC; zero when unreadable, then .TakenText),
//	              and .TextChecked, .TextEdited: whether the build could
//	              tell, and found, that the stored text was edited since
//	.Rating       rating: the rating
//	.Ratings      home, ratings, search: each rating with its .Count
//	.Group        group: the topic, claimant or author (.Name.Name, .URL, .Claims),
//	.GroupKind    "Topic", "Claimant" or "Author", a message ({{T .GroupKind}})
//	.Author       group, for an author: their profile from site.yaml
//	              (.Name, .Bio, .Photo for .URL, .URL), nil without one
//	.Groups       groups: each topic, claimant or author with its .Path and .Count
//	.FreePage     page: the free page
//	.Body         claim and page: the rendered Markdown; source: the
//	              stored text with the quoted passages marked
//	.JSONLD       claim: the ClaimReview object, for a <script> element
//	.Corrections  corrections: each correction with its .Claim, newest
//	              first
//	.Redirect     alias: where the old address leads, and .RedirectURL
//	              its absolute URL ("" without a base URL)
//
// .Body and .JSONLD are markup and script made by this package from the
// site's content (Markdown, the stored text of a source, JSON); every
// other value is plain data that html/template escapes where it is
// printed. The markup of .Body is the content's own (paragraphs, lists,
// links, code as <pre class="chroma">) with these classes for a
// stylesheet:
//
//	figure.quote      a block quote of a source, with its attribution
//	span.citation     a citation: a link to the quote on its source's
//	                  page, <cite> for a block quote's source
//	span.qstatus      what the check found: .verified or .unverified
//	a.original        the quote in the original document ("original ↗")
//	span.qedit        an editor's bracket or gap in a quote ([…], …),
//	                  with span.qedit-src saying the source's words
//	span.xref         a link to another fact-check or source of the site
//	p.raw-html        a block of raw HTML written in the Markdown, shown
//	                  as text (raw HTML within a line is shown as text
//	                  without a class), unless site.yaml's unsafe_html
//	                  turns raw HTML on
//	a.footnote-ref    goldmark's footnotes: the reference (in a <sup>),
//	div.footnotes     and the notes at the end, with their
//	                  a.footnote-backref links
//
// and on a source page:
//
//	mark.quoted       a quoted passage (.overlap where quotes overlap),
//	                  its first mark carrying the quote's anchor id
//	span.anchor       the anchor of another quote starting at that place
//	a.qref            the link back to the quote on its claim's page,
//	                  numbered as the claim page numbers its quotes
//	span.omitted      words a quote's gap left out, inside its passage
//
// # Languages
//
// A site with several languages (site.yaml's languages; see package
// site) is rendered once per language, each time with the site as that
// language's pages show it (site.Site.InLanguage: its translated claims,
// their topics and claimants) and the functions speaking that language.
// The first language's pages are at the usual paths, each other's under
// LANG/: the home page, claims and their listings, ratings, topics,
// claimants, corrections, search (page and index), feed.xml and
// claims.json, and the free pages translated into LANG. Sources, free
// pages without a translation, assets, sitemap.xml, robots.txt and
// 404.html are the first language's only. The link methods know this:
// on a Spanish page .URL "claims/" is /es/claims/ and .URL "sources/" is
// /sources/, .ClaimURL links to a claim in its own language, and
// .PageURL to a free page in Spanish where it is translated (/es/about/),
// else in the first language (/about/). .Menu on a Spanish page lists
// the Spanish translations and the untranslated pages, in menu order.
//
// A page's alternates are the pages at its path in the other languages:
// a claim's or free page's translations, and the listings that both
// languages have (claims/page/3/ only where both have three pages, a
// topic only where both have a topic of that name's id). base.html links
// each in <head> with <link rel="alternate" hreflang>, and x-default to
// the first language's; sitemap.xml lists them with each URL.
// "language-switch" shows readers .Switch: every other language, linking
// to the page in it or, where it has none, to its home page. A
// ClaimReview's inLanguage is its page's language.
//
// # Pages a rebuild keeps
//
// A build into an existing output folder does not render the page of a
// claim, of a source or of a listing whose inputs did not change since
// the build that made it: they are named by the page's ID (see
// [Job].ID), made from what every page depends on (the program, the
// options, site.yaml, the free pages, templates/ and static/) and from
// the files of the claims and sources the page's data names:
//
//	claim    the claim, .Links, .Backlinks, .Related, the claim it
//	         translates and every translation (the page's alternates),
//	         .Sources
//	source   the source and every claim that cites it
//	listing  the claims on the page, the listing's size, its title
//
// and, for every page, its language and those of its alternates.
//
// A template must therefore reach other claims through these fields, not
// through what they hold in turn (a linked claim's own links). The pages
// of a template whose definitions use .Site for more than .Site.Config
// and .Site.Pages (say {{len .Site.Claims}}) get no ID: they are
// rendered by every build.
//
// # Methods
//
// Links are built only with these methods, so that they work under the
// base URL's path (https://org.github.io/repo/):
//
//	.URL "claims/"        the link to an output path; to a script or style
//	                      sheet (.js, .css: assets/style.css, a site's own
//	                      static/assets/app.js) with its version,
//	                      "assets/style.css?v=…", a hash of its bytes, so
//	                      that browsers do not keep an earlier copy
//	.AbsURL "feed.xml"    its absolute URL, "" when the site has no
//	                      absolute base URL
//	.ClaimURL CLAIM, .SourceURL SOURCE, .TopicURL NAME, .ClaimantURL NAME,
//	.AuthorURL "Jane Doe", .RatingURL RATING, .PageURL PAGE
//	                      the link to a claim's, source's … page
//	.Canonical            the page's absolute URL, "" without a base URL
//	.Alternates           the page in each of the site's languages that
//	                      has it, itself included (none when only its own
//	                      has it): each with .Lang, .Name (the language's
//	                      name in itself, "Español"), .URL, .AbsURL,
//	                      .Current and .Default (the site's first
//	                      language: hreflang x-default)
//	.Switch               every language of the site, as in .Alternates,
//	                      but a language without the page links to its
//	                      home page (.Home set); none for a site in one
//	                      language
//
// and these tell templates the rest:
//
//	.Current "claims/"    whether the page is at this path
//	.Menu                 the free pages in the site menu
//	.ContactURL           the site's contact as a link (http:, https: or mailto:)
//	.Card CLAIM           the "claim-card" template run for the claim
//	.Cards                .Card of each of .Claims, in one action
//	.Chrome "site-header" the template run as described above
//	.HasCode              whether .Body holds highlighted code: base.html
//	                      links assets/chroma.css only then
//	.CardImage, .CardAlt  claim: the share card's URL and description
//	.ShareLinks           claim: links that share the page (.Name, .URL),
//	                      none without an absolute base URL
//	.ShareText            claim: the text the share links go with
//
// # Functions
//
// Every word a page shows a reader is a message of the site's language
// (package locale: built-in texts in English, Spanish, Portuguese,
// French, German, Arabic and Chinese, and the site's own translations
// from site.yaml), known by its English text. The functions below speak
// the renderer's language: New binds them to the site's locale (renderers
// of one parse of the templates in several languages each get a clone of
// the template sets, made before any page is rendered), so a template
// never names a language.
//
//	T "Analysis"          the message in the site's language, as plain
//	                      text (html/template escapes it where it is
//	                      printed, attribute or text)
//	T "Page %d of %d" N M with arguments, as fmt has them; numbers are
//	                      written the language's way, and a message that
//	                      counts ("%d claims") picks the plural form of
//	                      its first argument by the language's rules
//	parts "Claimed by %s on %s"
//	                      the message split at its arguments, for markup
//	                      where they go: each part has .Text, or .Arg,
//	                      the argument's number (1, 2 …) in the order
//	                      the language puts them. The template prints
//	                      each argument's markup itself:
//	                        {{range parts "Rated %s"}}{{if .Arg}}{{template "rating" $.Rating}}{{else}}{{.Text}}{{end}}{{end}}
//	date TIME             the date in full the language's way: "16 March
//	                      2021", "16 de marzo de 2021", "2021年3月16日"
//	                      ("" for no date)
//	number N              N with the language's digits and grouping
//	l10n "KEY" …          a JSON object for a script in the page: "lang",
//	                      "texts" (each key's text, or its plural forms),
//	                      "date" and "digits" (locale.Locale.ScriptData);
//	                      put it in a data-l10n attribute
//	isodate TIME          "2021-03-16", for <time datetime>
//	dir TAG               "rtl" for a language tag written right to left,
//	                      else "ltr": the stored text of a source in its
//	                      own language is <div lang="{{.}}" dir="{{dir .}}">
//	add A B               A + B
//	plural N "one" "many" English only, kept for sites' own older
//	                      templates: use T with a message that counts
//
// A message that is neither built in nor in the site's translations is
// printed as its key, so a site's own template may use T for its own
// words and translate them in site.yaml. <html> carries the site's
// language and its direction (lang="{{.Site.Config.Language}}"
// dir="{{.Site.Config.Dir}}"); text of the content that may be written
// in another direction than the page (claims, names, titles) sits in an
// element with dir="auto" or in <bdi>.
package render
