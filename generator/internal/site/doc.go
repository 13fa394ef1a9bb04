// Package site loads a fact-check site's content from an fs.FS into an
// immutable Site, checking everything it can and reporting every problem
// with its file, line and column.
//
// # Sites
//
// A site is a folder holding content/, and optionally templates/ and
// static/:
//
//	content/site.yaml         site settings (optional: every key has a default)
//	content/claims/**/*.md    one fact-check per file
//	content/sources/**/*.md   one source per file: metadata and its stored text
//	content/pages/**/*.md     free pages: about, methodology, corrections policy
//
// Sub-folders only organize files. The id of a claim, source or page is
// its file name without ".md", in Unicode NFC: lowercase letters (any
// script, with their combining marks), digits and single hyphens. Ids are
// unique across claims, sources and pages; claims, sources, ratings,
// topics, claimants, authors, corrections, search, page, assets and feed are
// reserved. Files and folders whose names start with "." or "_" are
// skipped; symbolic links and special files (named pipes, devices) are
// refused. Lines may end in "\n", "\r\n" or "\r".
//
// Every .md file starts with YAML front matter between "---" lines. Dates
// are YYYY-MM-DD. A scalar is read as text where text is wanted, so
// "rating: false" is the rating "false". Unknown keys are warnings that
// name the nearest known key. YAML errors are reported at their line in
// plain words: a tab used for indentation, a value holding ": " that needs
// quotes, a quote not closed. YAML anchors and aliases (&name, *name) are
// not supported.
//
// # site.yaml
//
//	title, description  the site's name and one-line description ("Fact checks")
//	base_url            where it is published, e.g. https://org.github.io/repo/ ("/")
//	language            BCP 47 tag ("en"): the language of every word of the pages, their
//	                    dates and numbers (built in: en, es, pt, fr, de, ar, zh; pages are
//	                    right to left for Arabic and other right-to-left scripts), of the
//	                    feed, and of the rules of quotes
//	organization        {name, url, logo}: the publisher (name: the title)
//	ratings             the scale, best first: list of {id, label, description, color};
//	                    color (#rrggbb) is optional: the badge, rating graphic and share
//	                    card take it instead of the built-in colour for the rating's place
//	page_size           claims per listing page (50)
//	cname               a custom domain: writes CNAME
//	contact             e-mail address, or http(s) or mailto: URL, for
//	                    corrections and tips (anything else is left out,
//	                    with a warning)
//	unsafe_html         true lets raw HTML in Markdown through (false)
//	negation_words      words that negate, besides the built-in ones (see package quote)
//	languages           the site's languages, its own first ([language]); see below
//	translations        the site's own texts for the words of the pages, by their English
//	                    text (see package locale; templates print them with T); under the
//	                    tag of another of its languages, that language's (see below)
//	card_fonts          font files inside the site for share-card characters the Go fonts lack
//	authors             profiles of the authors named in claims' authors, for their pages
//	                    (authors/ID/, ID the slug of the name): a list of {name, bio,
//	                    photo, url}; bio is plain text, photo a path under static/
//	                    (img/jane-doe.jpg for static/img/jane-doe.jpg; jpg, png, webp,
//	                    avif or gif), url an http(s) link. Every author named in a claim
//	                    has a page listing their fact-checks, with or without a profile.
//
// With n ratings the best is worth n and the worst 1.
//
// # Languages
//
// A site in several languages lists them, its own first:
//
//	languages: [en, es]
//
// and translates a claim ID into another of them with claims/ID.LANG.md:
// the translation must have the claim's rating, and its quotes are
// checked against the same sources (they stay in the source's language,
// word for word). Its claim, short form, claimant, topics, summary and
// analysis are its own, in its language.
//
// The pages of the first language are at the usual paths; those of each
// other language LANG are under /LANG/: the claims translated into it
// (and only those: a claim without a translation into LANG has no page
// there, as in Hugo), and the home page, listings, rating, topic and
// claimant pages, corrections, search page and index, feed.xml and
// claims.json of those claims, in LANG's words. Topics and claimants are
// those the translations name, so a Spanish page lists the topic
// "Seguridad electoral" where the English one lists "Election security".
// Sources, assets and the publishing files (sitemap.xml, robots.txt,
// 404.html) are the first language's only, at the usual paths, and every
// language links to them there; a cross-link [[ID]] in a translation
// leads to ID's translation into its language, or else to ID in the first
// language. Site.InLanguage is the site as a language's pages show it.
//
// A free page ID is translated the same way, with pages/ID.LANG.md (in
// any folder under pages/): its title, description and body are its own,
// its quotes are checked like any page's, and it is at /LANG/ID/, linked
// to the page in the other languages (hreflang alternates, the language
// switch, sitemap.xml). It takes the original's place in LANG's menu
// unless it gives its own menu. A page without a translation into LANG
// has no page under /LANG/: LANG's menu and cross-links lead to it in the
// first language, as they lead to sources. A translation of a page that
// does not exist, a second translation of a page into the same language,
// and a LANG that is not one of the site's other languages are errors. A
// free page may not take a language's tag as its id (/es/ is the Spanish
// home page).
//
// The words of the pages are each language's built-in ones. The site's
// own words in site.yaml (title, description, the organization's name,
// the ratings' labels and descriptions) are written in its first
// language; translations gives them, and any message, in another
// language under its tag, keyed by the text as written above:
//
//	translations:
//	  es:
//	    Misleading: Engañosa
//	    "The claim is wrong.": "La afirmación es errónea."
//
// # Claims
//
//	claim        required  the claim as it was made
//	short                  a short form of the claim, under 75 characters
//	                       advised: the headline of its page (the claim below it),
//	                       its title in listings, related lists and cross-links,
//	                       and ClaimReview claimReviewed (else the claim)
//	claimant     required  who made it: a name, or {name, url, type}; type is
//	                       person or organization (the default), for ClaimReview
//	claim_date   required  when it was made
//	appearances            URLs where it appeared; the first is its first appearance
//	rating       required  a rating id
//	summary      required  the verdict in one or two plain sentences
//	published    required  when the fact-check was published
//	updated                when it was last changed
//	authors                who wrote it
//	topics                 topic names, a list ([a, b]); a topic's id is the slug of its name
//	corrections            list of {date, note}
//	draft                  true keeps it out of build and check without --drafts
//	aliases                old ids, which redirect to the claim
//
// A claim may have at most 100 topics and 100 aliases: each makes pages.
// "topics: a, b" or "claimant: a, b" is one topic or name, with a warning
// (quote it if the comma belongs in it).
//
// The body is the analysis in Markdown, with quotes, citations and
// cross-links (see package markdown); block quotes and lists may be
// nested 500 deep (markdown.MaxDepth; its other limits stop text made to
// be slow to parse). Every quote is looked for in the
// source it cites (see package quote); a misquote is an error at its line
// that shows the closest passage of the source. Each gap and bracket of a
// quote is resolved to the source's words it stands for, and one that
// removes or adds a negation, replaces a number or replaces words with
// others is an error at its place in the quote; a gap that cuts mid-phrase
// is a warning.
//
// # Sources
//
//	title, publisher  required
//	url, archive_url  http(s) links to the original and to a snapshot
//	published         when it was published; a year in its text after this is a warning
//	accessed          when it was read
//	kind              primary, report, news, statement, dataset, social or other
//	format            markdown (default), or text: paragraphs split at blank lines, nothing interpreted
//	note              an editor's note about this copy, shown, never quoted against
//	language          BCP 47 tag of the stored text, when it is not the site's language
//	original          what import took the text from: from, media_type, size, pages,
//	                  duration (of captions, "1:02:05"), sha256, taken, text_sha256;
//	                  a text changed since is a warning; the source page shows it
//
// The body is the stored text that quotes are checked against. A source
// without text can be cited; quotes from it are reported as unverified.
// In a source of format text, a form feed (U+000C, which PDF-to-text tools
// write between pages) starts a new page: a quote whose locator names
// pages ("p. 4", "pp. 4-5") must be on them, else it is an error that
// names the page where it is; and the claim page links a quote from a PDF
// to its page (…pdf#page=4).
//
// # Times
//
// A transcript of format text may be timed, as import writes captions: a
// paragraph that starts with a line holding only when it is said, in
// square brackets, starts a timed passage. Import writes its start and
// end, "[1:23–1:41]" (h:mm:ss from an hour on, "[1:02:03–1:02:30]"); an
// editor may write the start alone, "[1:23]", and the passage then runs
// to the next one's start (the last one to the recording's end, or on).
// Paragraphs without a time belong to the passage before them.
//
// A quote from a timed transcript whose locator names a time, "at 1:23"
// or "at 1:02:03" (m:ss, or h:mm:ss), must be in the passage playing at
// that time, give or take 3 seconds at either end: a time read off the
// video a moment early or late still counts. Its occurrence in that
// passage is the one highlighted on the source page, and the claim page's
// link to the original starts the recording at that time: t=83 in the
// query of a YouTube address (replacing any t there), the media fragment
// #t=83 on any other.
//
//   - A quote found in another passage is an error that names that
//     passage's time: quote from source "talk" is at 1:23, not at 0:15 as
//     its locator says.
//   - A time after the end of the captions (original's duration, which
//     import records: the end of the last cue), by more than those 3
//     seconds, is an error that says where they end.
//   - A locator "at" followed by a digit that is not a time ("at 2:75") is
//     an error.
//   - A time locator on a source without timed passages is a warning: the
//     time is not checked and the link gets no time.
//
// The times are those of passages, which import breaks at pauses of two
// seconds and after a minute at most, not of single cues: any time within
// the passage holding the quote is accepted.
//
// # Pages
//
// title (required), menu, the page's place in the site menu, and
// description, its meta description (else the start of its first
// paragraph). A page is published at /ID/ and may use citations and
// cross-links.
//
// # Caches
//
// A Cache keeps what Load parsed, so that the next Load parses only the
// files that changed and checks only the quotes that may have: in memory
// for the dev server, and on disk between builds (OpenCache, Cache.Save;
// the build keeps it in its cache folder's parsed/). On disk, each
// content file's entry holds the SHA-256 of the bytes it was parsed
// from, what parsing found, and what checking its quotes found with a
// fingerprint of the files of the ids it cites; the shard files it is
// kept in name the program and the settings of site.yaml that parsing
// depends on (unsafe_html, language, negation_words, languages). An
// entry is used only when all of these match, and a shard file that is
// damaged, truncated or another program's is ignored: a Load with the
// cache finds the site a Load without one does, only sooner.
package site
