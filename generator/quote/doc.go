// Package quote proves that quoted words really are in their source.
//
// A fact-check quotes a source's words; the generator looks each quote up
// in the stored text of that source and refuses a quote it cannot find.
// These are the rules an editor can rely on.
//
// Both the quote and the source are compared after normalization, so
// typography does not matter:
//
//   - Curly quotes and apostrophes count as straight ones (‘ ’ ‚ ‛ ′ ‹ › ʼ
//     are ', and “ ” „ ‟ ″ « » are ").
//   - Every single dash character (‐ ‑ ‒ – — ― and the minus sign −) counts
//     as a hyphen "-". Two hyphens "--" stay two hyphens, so they do not
//     stand for an em dash.
//   - Any run of white space (spaces, tabs, line breaks, no-break spaces)
//     counts as one space; invisible characters (zero-width space, soft
//     hyphen, byte order mark) are ignored.
//   - Unicode text is compared in its composed form (NFC), so "é" typed as
//     one or as two code points is the same.
//   - Quotation marks around the whole quote are ignored: "no indications"
//     and “no indications” are both the words no indications. (Double
//     quotation marks stay when there are more inside, as in "yes" and "no".)
//
// Everything else must be exact. Case is significant: a word whose case
// changed is a misquote, as is a changed, added or missing word. The quote
// is looked for as a piece of text, not as whole words, so it may start or
// end inside a word of the source.
//
// Editors may shorten and adapt a quote with two marks:
//
//   - An ellipsis ("..." or "…", also "[...]") is a gap: the words before and
//     after it must appear in this order in the source, within one
//     paragraph. A quote may start or end with an ellipsis.
//   - Text in square brackets, like "[Russia] did not see", is an editorial
//     insertion. It stands for up to 40 characters of the source, or for
//     nothing: "the [2020] election" matches both "the election" and
//     "the 2020 US election". Spaces around the brackets must be spaces in
//     the source, so "the [2020] election" does not match "theXelection".
//
// A quote that occurs word for word in the source always matches, even when
// it contains dots or brackets of its own.
//
// Paragraphs of a source are separated by a blank line. A quote without a
// gap may run across a paragraph break, which counts as a space.
//
// When a quote occurs several times in its source, the first occurrence is
// the one that is shown; the generator does not guess.
//
// When a quote is not found, the error shows the most similar passage of the
// source and a word-by-word difference: the quote's words the source lacks
// as [-...-] and the source's words the quote lacks as {+...+}.
package quote
