package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Rules are the words of a language that the rules for gaps and brackets
// look for. Make them with RulesFor; a Rules is not changed after, so any
// number of goroutines may use it.
type Rules struct {
	// negation words; with notSuffix, a word ending in "n't" is one too,
	// with notPrefix one starting with "n'" (French). weak are those that
	// negate only the words right after them ("without"), which a gap at
	// either end of a quote may leave out.
	negation, weak       map[string]bool
	notSuffix, notPrefix bool
	// notPhrases are phrases that begin with a negation word but do not
	// negate ("not only", "sin embargo"), by their first word.
	notPhrases map[string][]string
	// refer: determiners, pronouns and possessives, the words that begin
	// a phrase a bracket may replace by what it refers to; pronouns, the
	// ones that stand alone, which a bracket may replace by any name.
	refer, pronouns map[string]bool
	// clause: words that begin a clause (conjunctions, relative pronouns);
	// coord: the coordinating conjunctions among them.
	clause, coord map[string]bool
	// hedges: words that qualify a claim, which a gap leaving out a
	// short phrase should not drop silently.
	hedges map[string]bool
	// titles: nouns written with a capital that name a role, not a name
	// ("the President").
	titles map[string]bool
	// times: words of phrases that say when relative to the text ("last
	// year"), which a bracket may replace by the date.
	times map[string]bool
	// examples: words that begin a list of examples ("such as").
	examples map[string]bool
	// preps: prepositions, which begin a phrase that is not a subject.
	preps map[string]bool
	// unspaced is set for a language written without spaces between
	// words (Chinese): its words are looked for inside the text.
	unspaced bool
}

// lang holds the built-in words of a language, each list separated by
// spaces; notPhrases by commas.
type lang struct {
	negation, weak, notPhrases, refer, pronouns, clause, coord, hedges, titles, times, examples, preps string
}

// langs are the built-in languages.
var langs = map[string]lang{
	"en": {
		negation:   "not no never none nobody nothing neither nor nowhere cannot false untrue deny denies denied denying",
		weak:       "without",
		notPhrases: "not only,no doubt,not just",
		refer:      "the a an this that these those he she it they we i you him her them us me his its their our my your who which such",
		pronouns:   "he she it they we i you him her them us me his its their our my your hers theirs ours",
		clause:     "that and or but yet which who whom whose because as if when while whether than since although though so",
		coord:      "and or but yet",
		hedges:     "allegedly reportedly likely unlikely probably possibly apparently perhaps partly mostly largely sometimes often rarely most some many few almost nearly falsely wrongly mistakenly incorrectly",
		titles:     "president vice prime minister secretary director chancellor governor senator mayor king queen general chairman chair chief justice judge ambassador spokesman spokeswoman spokesperson agency department ministry government administration court committee council office",
		times:      "last this next year month week yesterday today tomorrow then now recently earlier later ago previous following",
		examples:   "such including like",
		preps:      "in on at by for with from after before during according under over since",
	},
	"es": {
		negation:   "no nunca jamás nada nadie ninguno ninguna ningún ningunos ningunas ni tampoco falso falsa falsos falsas negó niega",
		weak:       "sin",
		notPhrases: "sin embargo,no sólo,no solo",
		refer:      "el la los las un una unos unas este esta estos estas ese esa esos esas aquel aquella él ella ellos ellas nosotros nosotras su sus nuestro nuestra nuestros nuestras lo le les del al",
		pronouns:   "él ella ellos ellas nosotros nosotras su sus nuestro nuestra nuestros nuestras lo le les",
		clause:     "que y e o u pero sino porque cuando si mientras aunque",
		coord:      "y e o u pero sino",
		hedges:     "presuntamente supuestamente probablemente posiblemente quizá quizás aparentemente",
		titles:     "presidente presidenta ministro ministra gobierno",
		times:      "ayer hoy mañana año pasado próximo este mes semana entonces ahora",
		examples:   "como incluidos incluidas",
		preps:      "en de a con por para según sobre tras desde hasta durante",
	},
	"fr": {
		negation:   "ne pas jamais rien aucun aucune ni nullement guère faux fausse fausses nie nié",
		weak:       "sans",
		notPhrases: "sans doute,non seulement,ne serait",
		refer:      "le la les l' un une des du au aux ce cet cette ces il elle ils elles nous on son sa ses leur leurs notre nos",
		pronouns:   "il elle ils elles nous on son sa ses leur leurs notre nos",
		clause:     "que qui et ou mais car quand si lorsque",
		coord:      "et ou mais",
		hedges:     "prétendument probablement peut-être apparemment",
		titles:     "président présidente ministre gouvernement",
		times:      "hier aujourd'hui demain année dernière dernier prochain semaine mois alors maintenant",
		examples:   "comme notamment dont",
		preps:      "en dans à de avec par pour selon sur après avant depuis pendant",
	},
	"de": {
		negation:   "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder nirgends falsch falsche falschen bestritt bestreitet",
		weak:       "ohne",
		notPhrases: "nicht nur",
		refer:      "der die das den dem des ein eine einen einem einer eines dieser diese dieses er sie es wir ihr sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere",
		pronouns:   "er sie es wir ihr sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere",
		clause:     "dass und oder aber weil wenn als ob sondern",
		coord:      "und oder aber sondern",
		hedges:     "angeblich mutmaßlich wahrscheinlich möglicherweise vielleicht offenbar",
		titles:     "präsident präsidentin minister ministerin kanzler kanzlerin regierung",
		times:      "gestern heute morgen jahr vorjahr letzten letztes nächsten woche monat damals jetzt im",
		examples:   "wie darunter",
		preps:      "in im am an auf bei mit nach von vor seit während laut für",
	},
	"pt": {
		negation:   "não nunca jamais nada ninguém nenhum nenhuma nenhuns nenhumas nem falso falsa falsos falsas negou nega",
		weak:       "sem",
		notPhrases: "sem dúvida,não só,não apenas",
		refer:      "o a os as um uma uns umas este esta esse essa aquele aquela ele ela eles elas nós seu sua seus suas nosso nossa do da dos das no na ao",
		pronouns:   "ele ela eles elas nós seu sua seus suas nosso nossa",
		clause:     "que e ou mas porque quando se embora",
		coord:      "e ou mas",
		hedges:     "supostamente alegadamente provavelmente possivelmente talvez aparentemente",
		titles:     "presidente presidenta ministro ministra governo",
		times:      "ontem hoje amanhã ano passado próximo este mês semana então agora",
		examples:   "como incluindo",
		preps:      "em no na de com por para segundo sobre após antes desde durante",
	},
	"ar": {
		negation: "لا لم لن ليس ليست ليسوا لست لسنا غير عدم ولا ولم ولن وليس",
		weak:     "بدون دون",
		refer:    "نحن هم هو هي هذا هذه ذلك تلك",
		pronouns: "نحن هم هو هي",
		clause:   "و أن إن لكن لأن إذا",
		coord:    "و لكن أو",
	},
	"zh": {
		negation: "不 没 未 无 非 别 勿",
		refer:    "我们 他们 她们 它们 他 她 它 这 那 该 其",
		pronouns: "我们 他们 她们 它们 他 她 它",
		clause:   "但 而 并 和 因为 如果",
		coord:    "但 而 和 或",
	},
}

// RulesFor returns the rules for the language with BCP 47 tag lang, with
// extra negation words (a site's own). Languages without built-in words
// use English's.
func RulesFor(lang string, extra []string) *Rules {
	base := "en"
	if tag, err := language.Parse(lang); err == nil {
		if b, _ := tag.Base(); b.String() != "und" {
			base = b.String()
		}
	}
	w, ok := langs[base]
	if !ok {
		base, w = "en", langs["en"]
	}
	r := &Rules{
		negation:   set(w.negation + " " + w.weak),
		weak:       set(w.weak),
		notPhrases: map[string][]string{},
		refer:      set(w.refer),
		pronouns:   set(w.pronouns),
		clause:     set(w.clause),
		coord:      set(w.coord),
		hedges:     set(w.hedges),
		titles:     set(w.titles),
		times:      set(w.times),
		examples:   set(w.examples),
		preps:      set(w.preps),
		notSuffix:  base == "en",
		notPrefix:  base == "fr",
		unspaced:   base == "zh",
	}
	for p := range strings.SplitSeq(w.notPhrases, ",") {
		if f := strings.Fields(p); len(f) > 1 {
			r.notPhrases[f[0]] = append(r.notPhrases[f[0]], strings.Join(f[1:], " "))
		}
	}
	for _, e := range extra {
		for f := range strings.FieldsSeq(strings.ToLower(Normalize(e))) {
			r.negation[f] = true
		}
	}
	return r
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(s) {
		m[w] = true
	}
	return m
}

// tokens returns the words of s, lowercased, without punctuation around
// them; an apostrophe inside or at the end of a word stays.
func tokens(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !isWordRune(r) && r != '\''
	})
	out := f[:0]
	for _, w := range f {
		if w = strings.TrimLeft(w, "'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// negations returns the first negation word of s, or "".
func (r *Rules) negations(s string) string {
	return r.negationIn(tokens(s), s, false)
}

// negationIn returns the first word of words (the words of s) that
// negates, "" if none: a negation word, unless it begins a phrase that
// does not negate ("not only"). With strong set, words that negate only
// what follows them ("without") do not count.
func (r *Rules) negationIn(words []string, s string, strong bool) string {
	if r.unspaced {
		return r.within(s, r.negation, strings.Contains)
	}
	for i, w := range words {
		if !r.negation[w] && !(r.notSuffix && strings.HasSuffix(w, "n't")) && !(r.notPrefix && strings.HasPrefix(w, "n'")) {
			continue
		}
		if strong && r.weak[w] {
			continue
		}
		fixed := false
		for _, rest := range r.notPhrases[w] {
			n := len(strings.Fields(rest))
			if i+n < len(words) && strings.Join(words[i+1:i+1+n], " ") == rest {
				fixed = true
			}
		}
		if !fixed {
			return w
		}
	}
	return ""
}

// refers reports whether phrase begins with a determiner, pronoun or
// possessive: a phrase that a bracket may replace by what it refers to.
func (r *Rules) refers(phrase string) bool {
	if r.unspaced {
		return r.within(strings.TrimSpace(phrase), r.refer, strings.HasPrefix) != ""
	}
	t := tokens(phrase)
	if len(t) == 0 {
		return false
	}
	w := t[0]
	if i := strings.IndexByte(w, '\''); i > 0 && r.refer[w[:i+1]] {
		return true // l'homme
	}
	return r.refer[strings.TrimSuffix(w, "'")]
}

// within returns the longest word of words that found reports in s, for
// a language written without spaces; "" if none.
func (r *Rules) within(s string, words map[string]bool, found func(s, w string) bool) string {
	best := ""
	for w := range words {
		if len(w) > len(best) && found(s, w) {
			best = w
		}
	}
	return best
}

// referPhrase returns the phrase of source that a bracket may replace by
// what it refers to: from the last determiner, pronoun or possessive of
// source ("he" in "Then he"), or source with the determiner before the
// bracket ("the agency" for "the [FBI]"); for a sentence's subject, source
// if it begins with one. "" if none.
func (r *Rules) referPhrase(source, before string, subject bool) string {
	if before != "" && r.refer[before] {
		return before + " " + source
	}
	f := strings.Fields(source)
	if subject {
		if len(f) > 0 && r.refer[strings.ToLower(f[0])] {
			return source
		}
		return ""
	}
	for i := len(f) - 1; i >= 0; i-- {
		w := strings.ToLower(strings.Trim(f[i], ",.;:"))
		if k := strings.IndexByte(w, '\''); k > 0 && k < len(w)-1 {
			w = w[:k+1] // "l'" of "l'agence"
		}
		if r.refer[w] {
			return strings.Join(f[i:], " ")
		}
	}
	if r.unspaced && r.refers(source) {
		return source
	}
	return ""
}

// clauseWord reports whether w begins a clause.
func (r *Rules) clauseWord(w string) bool {
	if r.unspaced {
		return r.clause[strings.TrimSpace(w)]
	}
	t := tokens(w)
	return len(t) == 1 && r.clause[t[0]]
}

// missingNumber returns the first number (a run of digits, with the
// separators inside it) of source that quoted lacks, or "".
func missingNumber(source, quoted string) string {
	have := numbers(quoted)
	for _, n := range numbers(source) {
		if !strings.Contains(" "+strings.Join(have, " ")+" ", " "+n+" ") {
			return n
		}
	}
	return ""
}

func numbers(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if !isASCIIDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isASCIIDigit(s[j]) || (s[j] == ',' || s[j] == '.') && j+1 < len(s) && isASCIIDigit(s[j+1])) {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// forms are the irregular forms of common verbs that brackets change
// ("[is]" for "was").
var forms = [][]string{
	{"be", "is", "are", "was", "were", "been", "being", "am"},
	{"have", "has", "had", "having"},
	{"do", "does", "did", "done", "doing"},
	{"say", "says", "said", "saying"},
	{"go", "goes", "went", "gone", "going"},
	{"will", "would"}, {"can", "could"}, {"shall", "should"}, {"may", "might"},
	{"see", "sees", "saw", "seen", "seeing"},
	{"find", "finds", "found", "finding"},
	{"make", "makes", "made", "making"},
	{"take", "takes", "took", "taken", "taking"},
	{"give", "gives", "gave", "given", "giving"},
	{"know", "knows", "knew", "known", "knowing"},
	{"think", "thinks", "thought", "thinking"},
	{"tell", "tells", "told", "telling"},
	{"get", "gets", "got", "gotten", "getting"},
	{"come", "comes", "came", "coming"},
	{"es", "era", "fue", "será", "son", "eran", "fueron", "ser"},
	{"ha", "había", "han", "habían", "hubo"},
	{"est", "était", "fut", "sera", "sont", "étaient"},
	{"ist", "war", "sind", "waren", "wird"},
	{"é", "era", "foi", "será", "são", "eram", "foram"},
}

// endings are the endings by which two forms of one word may differ.
var endings = set("s es ed d ing e er n 's ' ies ied y ly")

// sameForm reports whether a and b are forms of one word: single words
// that are forms of one irregular verb, or that differ only in an ending
// ("assess" and "assessed", "Russia's" and "Russian"), but not numbers.
func sameForm(a, b string) bool {
	ta, tb := tokens(a), tokens(b)
	if len(ta) != 1 || len(tb) != 1 {
		return false
	}
	for _, f := range forms {
		if slices.Contains(f, ta[0]) && slices.Contains(f, tb[0]) {
			return true
		}
	}
	x, y := []rune(ta[0]), []rune(tb[0])
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	if n < 3 || unicode.IsDigit(x[0]) {
		return false
	}
	// The words share all but their endings: the shared start, or one
	// letter less ("denigrat|e" and "denigrat|ing").
	for _, k := range []int{n, n - 1} {
		if k >= 3 && (k == len(x) || endings[string(x[k:])]) && (k == len(y) || endings[string(y[k:])]) {
			return true
		}
	}
	return false
}

// orderedSubset reports whether the words of a are words of b in the same
// order, a possessive "'s" aside: "[Biden's]" for "President Biden's".
func orderedSubset(a, b string) bool {
	ta, tb := tokens(a), tokens(b)
	if len(ta) == 0 {
		return false
	}
	j := 0
	for _, w := range ta {
		for j < len(tb) && stem(tb[j]) != stem(w) {
			j++
		}
		if j == len(tb) {
			return false
		}
		j++
	}
	return true
}

// adds reports whether a bracket that reads quoted where the source reads
// source only adds words to the source's, in order, and none that join
// another name to it ("[Russia and China]" for "Russia").
func (r *Rules) adds(quoted, source string) bool {
	if !orderedSubset(source, quoted) {
		return false
	}
	have := map[string]bool{}
	for _, w := range tokens(source) {
		have[stem(w)] = true
	}
	for _, w := range tokens(quoted) {
		if !have[stem(w)] && r.coord[w] {
			return false
		}
	}
	return true
}

// referent judges a bracket that reads quoted where the source reads a
// phrase that begins with a determiner, pronoun or possessive (phrase): it
// may name what the phrase refers to, not say something else. A pronoun
// alone may become any name; otherwise the source's names (capitalized
// words other than titles such as "President") must stay, and a bracket
// that is itself a phrase of common words must keep the source's words.
func (r *Rules) referent(quoted, phrase string) bool {
	pt := strings.Fields(phrase)
	if len(pt) == 1 && r.pronouns[strings.ToLower(strings.Trim(pt[0], ",.;:'"))] {
		return true
	}
	rest := r.dropRefer(phrase)
	qrest := r.dropRefer(quoted)
	for _, w := range strings.Fields(rest) {
		if r.isName(w) && !orderedSubset(w, quoted) {
			return false
		}
	}
	named := false
	for _, w := range strings.Fields(qrest) {
		named = named || r.isName(w)
	}
	return named || orderedSubset(qrest, rest) || orderedSubset(rest, qrest)
}

// dropRefer returns phrase without the determiners, pronouns and
// possessives it begins with, an elided one ("l'" of "l'agence")
// included.
func (r *Rules) dropRefer(phrase string) string {
	f := strings.Fields(phrase)
	for len(f) > 0 && r.refer[strings.ToLower(f[0])] {
		f = f[1:]
	}
	if len(f) > 0 {
		if i := strings.IndexByte(f[0], '\''); i > 0 && r.refer[strings.ToLower(f[0][:i+1])] {
			f[0] = f[0][i+1:]
		}
	}
	return strings.Join(f, " ")
}

// isName reports a capitalized word that is not a title, or an acronym.
func (r *Rules) isName(w string) bool {
	w = strings.Trim(w, ",.;:!?\"'()")
	first, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(first) && !r.titles[stem(strings.ToLower(w))]
}

// acronym reports whether one of a and b is an acronym of the other's
// capitalized words: "FBI" and "Federal Bureau of Investigation".
func acronym(a, b string) bool {
	initials := func(s string) string {
		var out []rune
		for w := range strings.FieldsSeq(s) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				out = append(out, r)
			}
		}
		return string(out)
	}
	a, b = strings.Trim(a, " ."), strings.Trim(b, " .")
	upper := func(s string) bool { return len(s) > 1 && s == strings.ToUpper(s) && !strings.Contains(s, " ") }
	return upper(a) && initials(b) == a || upper(b) && initials(a) == b
}

// relativeTime reports whether phrase says when relative to the text
// ("last year", "yesterday"): a bracket may give the date instead.
func (r *Rules) relativeTime(phrase string) bool {
	t := tokens(phrase)
	if len(t) == 0 || len(t) > 3 {
		return false
	}
	for _, w := range t {
		if !r.times[w] && !r.refer[w] {
			return false
		}
	}
	return true
}

func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	return strings.TrimFunc(strings.ToLower(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
