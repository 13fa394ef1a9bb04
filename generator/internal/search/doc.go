// Package search builds the search index: what /search/
// (static/assets/search.js) reads to search the claims in the browser,
// split so that one search loads only a small part of it, whatever the
// size of the site.
//
// Every file is compact JSON under search/:
//
//	index.json        the manifest, read first:
//	                  {"v": version, "n": number of claims, "per": claims per
//	                   metadata chunk, "a": claims per analysis chunk,
//	                   "t": [first term of term chunk 1, 2, …],
//	                   "r": [[rating id, label, value], …] (the scale),
//	                   "u": {"c": claims URL, "r": ratings URL, "p": claimants URL}}
//	t/N.json          term chunk N: ["term", postings, "term", postings, …]
//	                  sorted; chunk 0 holds the terms before t[0], chunk N
//	                  those from t[N-1] up to t[N]. A word loads the one chunk
//	                  its term falls in; a prefix, the chunks its range spans.
//	m/N.json          metadata of claims N*per … N*per+per-1:
//	                  [[id, claim, rating index, claimant name, claimant id,
//	                    [topic names], published, claim date, summary,
//	                    short form or ""], …]; per is the largest power of
//	                  two up to 32 that keeps the average chunk within 3 kB
//	a/N.json          analyses, for snippets: ["plain text on one line",
//	                  …], each at most 12 kB (cut at a space), "" for an
//	                  empty analysis, of the claims N*a … N*a+a-1; a is
//	                  the largest power of two up to 16 that keeps the
//	                  average chunk within 4 kB
//	rating/ID.json,   the postings of one filter value
//	topic/ID.json,
//	claimant/ID.json
//
// Claims are numbered from 0, the oldest, to n-1, the newest: the site's
// order reversed, so that sorting numbers sorts by date, and a new claim
// takes the next number and leaves the others' as they were (a rebuild
// rewrites the last metadata and analysis chunks and the term chunks and
// filters that have the new claim, not every file). A term's postings
// are a string when the term is only in analyses, ["all"] when it is in
// the claim, short form, claimant, topics or summary of every claim that
// has it, or ["all", "strong"] where strong is the claims that have it
// there; the browser ranks claims by how many of the query's words are
// strong hits, then newest first (highest number first). A postings
// string is either the claim numbers in ascending order as base64url
// VLQ (the first number, then each gap minus one; five bits per
// character, 32 = more follows) or "~" and a base64url bitmap (bit k of
// byte k/8 set for claim k, least significant first), whichever is
// shorter.
//
// Terms are the words of the text (Scan), found after NFKD normalization
// with combining marks and Arabic tatweel removed (diacritics folded: "é"
// is "e", "ئ" is "ي"), lowercased, with final sigma as sigma:
//
//   - the runs of letters and digits, except the CJK characters below:
//     "L’Élysée, 2020!" is "l", "elysee", "2020";
//   - in a run of Han, Hiragana or Katakana characters (and the
//     prolonged sound mark "ー"), which do not separate words with
//     spaces, each pair of adjacent characters, as Lucene's
//     CJKBigramFilter does: "地方选举" is "地方", "方选", "选举", so that a
//     query finds its characters side by side, not scattered over the
//     claim; a run of one character is that character ("年" in "2020年").
//
// One tokenizer splits the index and the queries: search.js's scan does
// what Scan does, character by character (TestTokenizerGoJS runs both on
// texts in many scripts). The last word of a query being typed is a
// prefix when it has two characters or more, or is a lone CJK character
// (which then finds the pairs it begins, though not those it ends).
//
// The index holds, as strong, the words of each claim's claim, short form,
// claimant, topics and summary (the texts of its metadata record), and as
// weak those of its analysis (site.Claim.Text).
//
// A result shows its short form (else its claim), claimant, dates and
// summary, its matched words in <mark>. The query's words that those do
// not show are shown where the claim has them: the whole claim under a
// short form, a topic in the meta line, or else a snippet of about two
// hundred characters of the analysis around the first of them. Only the
// results with a word in their analysis alone (fewer strong hits than
// words) load their analysis chunk: a search loads no analysis when its
// words are in the results' metadata.
//
// Index makes the term index in blocks of 512 claims by number, then
// joins them. A Cache (the build's cache folder, search/terms.bin) keeps
// the blocks from one build to the next, each under a key naming what it
// is made from: a rebuild after an edit reads the words of the edited
// claim's block alone.
package search
