// Package locale holds the words of the pages in each language the
// generator speaks: every label, heading, button and message that the
// templates, the scripts and the dev server show a reader, the way each
// language writes a date and a number, its plural rules and its writing
// direction.
//
// # Languages
//
// Built in are English (en), Spanish (es), Portuguese (pt), French (fr),
// German (de), Arabic (ar) and Chinese in simplified characters (zh). A
// site's `language` is a BCP 47 tag ("es", "pt-BR", "zh-Hans", "ar-EG");
// [New] picks the closest built-in language with golang.org/x/text's
// language matcher, so "pt-BR" speaks Portuguese and "gsw" German. A
// language with no close match speaks English, with the site's own tag
// still in <html lang> and with its own plural rules and digits.
//
// # Messages
//
// A message is known by its English text, as golang.org/x/text/message
// knows it: "Claimed by %s on %s", "%d fact-checks". Its verbs are those of
// fmt, with argument indexes where a language puts them in another order
// ("%[2]s … %[1]s"). Numbers (%d) are written the language's way: "12,345"
// in English, "12.345" in German, "١٢٬٣٤٥" in Arabic.
//
// A message that counts has one text per plural category of each
// language, chosen by its first argument with the language's plural rules
// (golang.org/x/text/feature/plural): English says "1 claim", "2 claims";
// Arabic has six forms (zero, one, two, few, many, other); Chinese one.
//
// [Keys] lists every built-in message; every built-in language has every
// one (the tests check it).
//
// # A site's own words
//
// A site changes any message, or adds its own for its templates, with
// `translations` in site.yaml, keyed by the English text:
//
//	translations:
//	  "Published %s": "First published %s"
//	  "%d fact-checks":
//	    one: "%d check"
//	    other: "%d checks"
//
// A site's text is plain text: it is escaped where it is written into a
// page, so it cannot add markup.
//
// # Dates
//
// [Locale.Date] writes a date in full, as the language's newspapers do:
// "16 March 2021", "16 de marzo de 2021", "16 mars 2021", "16. März 2021",
// "2021年3月16日".
package locale
