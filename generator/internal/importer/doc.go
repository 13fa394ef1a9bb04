// Package importer turns an original document into a source's stored
// text: a saved web page, a PDF, captions or plain text, read from a file
// or fetched from an http(s) URL. The import command writes what it finds
// to content/sources/ID.md (see package site for the format).
//
// # Web pages
//
// The article is found by readability (codeberg.org/readeck/go-readability,
// a maintained port of Mozilla's Readability, the reader view of Firefox):
// navigation, cookie and consent banners, newsletter boxes, related links,
// asides and footers are left out by its scoring, which has been tuned on
// thousands of real pages, rather than by rules of our own. The article's
// HTML is then written as text, one paragraph per block (paragraph,
// heading, list item, table row, block quote, figure caption, pre); a
// <br> is a line break. Images and their alt text are left out (alt text
// describes a picture, it is not the article's words); a figure's caption,
// printed on the page, is kept as a paragraph. From the page's metadata:
// the title (og:title or the document's), the publisher (og:site_name,
// JSON-LD publisher), the published date (article:published_time, JSON-LD
// datePublished), the canonical URL (<link rel=canonical>, og:url) and the
// authors (JSON-LD author, the byline).
//
// # PDFs
//
// The text is read by PDFium (see PDF) as runs of one font on one line,
// in PDFium's reading order. Runs are joined into lines, lines into
// paragraphs where the space between lines is clearly more than the
// page's usual line spacing, where the font size changes, or after a line
// that ends a sentence well short of the right margin. A word broken with
// a hyphen at a line's end is joined when the next line starts in
// lowercase. Running headers and footers are dropped: among each page's
// first and last two lines, those that recur (numbers aside) at the top or
// bottom of half the pages, or of two pages when they hold a number
// ("Chapter 2: Methods 14"), and lone page numbers. Pages are separated by
// a line holding only a form feed, so that a quote's page locator ("p. 4")
// can be checked. A PDF with no text on any page (a scan) is an error
// that says to OCR it first; one that needs a password is an error.
//
// # Captions and plain text
//
// WebVTT and SRT captions become paragraphs of cue text, each starting
// with when it is said in square brackets, "[1:23–1:41]" (see Captions).
// Plain text is stored as it is (UTF-8 only); a form feed in it starts a
// page, as in the output of pdftotext.
//
// # Provenance
//
// Every Document carries an Original: the SHA-256, media type and size of
// the bytes imported, the page count of a PDF, the duration of captions
// (the end of their last cue, so that check can tell a time locator past
// it), when it was taken, and the SHA-256 of the stored text (TextHash), so that check can warn when the
// text was edited by hand after its import.
//
// # Limits
//
// Fetch takes only http(s) URLs, follows at most five redirects, stops
// after a minute and refuses a body over 50 MB (DefaultLimits); the type
// is sniffed from the bytes, not trusted from the name or the server.
package importer
