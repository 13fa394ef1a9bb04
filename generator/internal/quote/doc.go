// Package quote proves that quoted words really are in their source, and
// that the brackets and gaps an editor put in them do not change what the
// source says.
//
// A fact-check quotes a source's words; the generator looks each quote up
// in the stored text of that source and refuses a quote it cannot find.
// These are the rules an editor can rely on.
//
// # Typography does not matter
//
// Both the quote and the source are compared after normalization:
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
// # Gaps and brackets
//
// Editors may shorten and adapt a quote with two marks:
//
//   - An ellipsis ("..." or "…", also "[...]") is a gap: the words before and
//     after it must appear in this order in the source, within one
//     paragraph. A quote may start or end with an ellipsis.
//   - Text in square brackets, like "[US intelligence] did not see", is an
//     editorial insertion. It stands for up to 40 characters of the source,
//     or for nothing: "the [2020] election" matches both "the election" and
//     "the 2020 US election". Spaces around the brackets must be spaces in
//     the source, so "the [2020] election" does not match "theXelection".
//     Brackets against a word change that word: "[W]e" is the source's
//     "we" (or "We").
//
// A quote that occurs word for word in the source always matches, even when
// it contains dots or brackets of its own; it then has no gaps or brackets.
//
// Paragraphs of a source are separated by a blank line. A quote without a
// gap may run across a paragraph break, which counts as a space.
//
// # What a gap or bracket stands for
//
// Each gap and bracket is resolved to the exact source text it stands for
// (Match.Edits, with its offsets in the source):
//
//   - a gap between two pieces of a quote: the source's words between them;
//   - a gap at the start or end of a quote: the rest of the sentence there;
//   - a bracket between words of the quote: the source's words between
//     them, perhaps none (an insertion);
//   - a bracket that starts a quote, followed by a space: the source's words
//     just before the quote's, back to the start of their clause (a comma,
//     a colon, a word such as "that" or "and") and at most 40 characters,
//     so "[US intelligence] did not see" stands for "we" in "Unlike in
//     2016, we did not see";
//   - a bracket that ends a quote after a space: nothing (it adds words);
//   - a bracket written against a word: the rest of the source's word.
//
// The claim page shows these words after each gap and bracket that leaves
// out or replaces any, and the source page marks the words a gap left out
// apart from the quoted ones.
//
// # The rules
//
// Brackets and gaps are how quotes are twisted, so each is judged. These
// are errors, which fail the build:
//
//   - A gap or bracket that removes, adds or replaces a negation of the
//     words the quote keeps. "We have ... indications" for "We have no
//     indications"; "we [did] see" for "we did not see"; "[did not] spread"
//     where the source has "spread". Negations are words such as "not",
//     "no", "never", "n't", "false" and "denied"; phrases such as "not
//     only" and "no doubt" are not. A negation in the words a gap leaves
//     out counts unless a conjunction or the end of a clause comes after
//     it there ("China ... considered" for "China did not deploy X and
//     considered" drops a whole negative conjunct, which is no error).
//   - A gap at the start or end of a quote that leaves out a negation of
//     the quoted words in their clause: "... Russia changed votes" for
//     "There is no evidence that Russia changed votes"; "Russia hacked the
//     vote ..." for "Russia hacked the vote are false"; "at scale ..." for
//     "at scale without detection" ("without" counts right after a quote).
//   - A gap that leaves out the end of one sentence and the start of the
//     next: "According to the ministry, ... it causes infertility" for
//     "According to the ministry, the vaccine is safe. According to
//     critics, it causes infertility."
//   - A gap that leaves out a negative prefix inside a word ("Iran is
//     ... likely" for "Iran is unlikely"), and a quote that starts after
//     one ("likely to have interfered" quoted from "unlikely").
//   - A bracket that replaces a number: "in the [2016] US elections" for
//     "in the 2020 US elections".
//   - A bracket that replaces words of the source with other words: "it
//     would be [easy]" for "it would be difficult"; "[Chinese] cyber
//     efforts" for "Russian cyber efforts"; "[Biden] authorized" for
//     "Russian President Putin authorized"; "[The CIA] said" for "The FBI
//     said"; "[a sharp fall]" for "a sharp rise"; "[Russia accused Iran]"
//     for "Iran accused Russia"; "[Russia and China]" for "Russia".
//   - A bracket that starts a quote right after a comma in mid-sentence
//     stands for the sentence's subject: "[China] spread false claims" for
//     "Some foreign actors, such as Iran and Russia, spread false claims"
//     replaces it.
//
// These are warnings, which fail only "check --strict":
//
//   - A gap that cuts mid-phrase: the words it leaves out do not both start
//     and end at a clause or sentence boundary (a comma, semicolon, colon,
//     dash, parenthesis or sentence end on either side of the gap, a
//     conjunction such as "and" or "that", or a list of examples that
//     begins "such as"). "spread ... claims" for "spread false or inflated
//     claims" leaves out "false or inflated"; "We assess that ... Putin"
//     for "We assess that Russian President Putin" leaves out "Russian
//     President".
//   - A gap that leaves out a short phrase between commas that qualifies
//     the words kept: "The minister ... took bribes" for "The minister,
//     allegedly, took bribes".
//   - A quote that starts or ends inside a word of the source, without
//     brackets there that say so ("Russia" quoted from "Russian").
//
// These pass without a word, however the source reads:
//
//   - A gap that leaves out whole clauses or sentences, whatever they say:
//     "Putin authorized ... influence operations" for "Putin authorized, and
//     a range of Russian government organizations conducted, influence
//     operations"; "including voter registration, ... or reporting
//     results"; "China ... and Iran" for "China, Russia and Iran"; "other
//     foreign actors ... also attempted" for "other foreign actors such as
//     Lebanese Hezbollah, Cuba, and Venezuela also attempted".
//   - A bracket that inserts words: "[federal]", "[sic]", "[in 2020]" at the
//     end of a quote, or a subject for a sentence that begins with an
//     adverbial phrase ("En una entrevista, dijo" → "[Sánchez] dijo").
//   - A bracket that replaces a pronoun by what it refers to ("we" → "[US
//     intelligence]", "Then he said" → "[Putin] said"), or a phrase that
//     begins with a determiner or possessive by a name, keeping the names
//     it holds ("the President" → "[Biden]", "the agency" → "the [FBI]",
//     "its use" → "[Moscow's] use", "l'agence" → "[l'Insee]").
//   - A bracket that changes case ("[W]e" for "we") or the form of the same
//     word ("[is]" for "was", "[assessed]" for "assess", "[Russia's]" for
//     "Russian"; not "[Austria]" for "Australia" or "[fifty]" for
//     "fifteen").
//   - A bracket that shortens what it stands for ("[Biden's]" for
//     "President Biden's"), adds words to it in order, spells out an
//     acronym ("[Federal Bureau of Investigation]" for "FBI"), or dates a
//     relative time ("[in 2019]" for "last year").
//
// Of several occurrences of a quote, the first that breaks no rule is
// taken; else the first with only warnings; else the first, with its
// errors. Every message names the words the gap or bracket stands for.
//
// # Languages
//
// Negations, determiners, pronouns and the words that begin a clause are
// built in for English, Spanish, French, German and Portuguese, and
// negations and pronouns for Arabic and Chinese; the rules
// use those of the source's language (its "language" key), or else the
// site's, and English for any other. A site adds negation words of its own
// with "negation_words" in site.yaml. English also counts any word ending
// in "n't", and French any word starting with "n'".
//
// # Pages
//
// A form feed in the text starts a new page (Source.Pages). MatchPages
// finds a quote only on the pages it is given, for a locator such as "p.
// 4"; Match.Page is the page where a quote starts.
//
// # Limits
//
// A quote may hold at most 100 gaps and brackets; one with more is an error.
// The work of finding a quote and its closest passage is bounded, so a
// quote made to be slow still takes a fraction of a second in a large
// source.
//
// # Misquotes
//
// When a quote is not found, the error shows the most similar passage of
// the source in full (the sentences it is in) and says, for each
// difference, what the quote has and what the source has: `you wrote
// "Rusian", the source has "Russian"`, with the source's words around it.
//
// When a quote occurs several times in its source and all its occurrences
// are equally good, the first is the one that is shown; the generator does
// not guess.
package quote
