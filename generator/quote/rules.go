package quote

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// Rules are the words of a language that the rules for gaps and brackets
// look for. Make them with RulesFor; a Rules is not changed after, so any
// number of goroutines may use it.
type Rules struct {
	// negation words; with notSuffix, a word ending in "n't" is one too,
	// with notPrefix one starting with "n'" (French).
	negation             map[string]bool
	notSuffix, notPrefix bool
	// refer: determiners, pronouns and possessives, the words that begin
	// a phrase a bracket may replace by what it refers to.
	refer map[string]bool
	// clause: words that begin a clause (conjunctions, relative pronouns).
	clause map[string]bool
	// unspaced is set for a language written without spaces between
	// words (Chinese): its words are looked for inside the text.
	unspaced bool
}

// words lists the built-in words of each language: negations, words that
// begin a referring phrase, words that begin a clause.
var words = map[string][3]string{
	"en": {
		"not no never none nobody nothing neither nor nowhere cannot without",
		"the a an this that these those he she it they we i you him her them us me his its their our my your who which such",
		"that and or but which who whom whose because as if when while whether than since although though so",
	},
	"es": {
		"no nunca jamás nada nadie ninguno ninguna ningún ningunos ningunas ni tampoco sin",
		"el la los las un una unos unas este esta estos estas ese esa esos esas aquel aquella él ella ellos ellas nosotros nosotras su sus nuestro nuestra nuestros nuestras lo le les",
		"que y o pero porque cuando si mientras aunque",
	},
	"fr": {
		"ne pas jamais rien aucun aucune ni sans nullement guère",
		"le la les l' un une des du ce cet cette ces il elle ils elles nous on son sa ses leur leurs notre nos",
		"que qui et ou mais car quand si lorsque",
	},
	"de": {
		"nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder ohne nirgends",
		"der die das den dem des ein eine einen einem einer eines dieser diese dieses er sie es wir ihr sein seine ihre unser unsere",
		"dass und oder aber weil wenn als ob",
	},
	"ar": {
		"لا لم لن ليس ليست ليسوا لست لسنا غير بدون دون عدم ولا ولم ولن وليس",
		"نحن هم هو هي هذا هذه ذلك تلك",
		"و أن إن لكن لأن إذا",
	},
	"zh": {
		"不 没 未 无 非 别 勿",
		"我们 他们 她们 它们 他 她 它 这 那 该 其",
		"但 而 并 和 因为 如果",
	},
	"pt": {
		"não nunca jamais nada ninguém nenhum nenhuma nenhuns nenhumas nem sem",
		"o a os as um uma uns umas este esta esse essa aquele aquela ele ela eles elas nós seu sua seus suas nosso nossa",
		"que e ou mas porque quando se embora",
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
	w, ok := words[base]
	if !ok {
		base, w = "en", words["en"]
	}
	r := &Rules{
		negation:  set(w[0]),
		refer:     set(w[1]),
		clause:    set(w[2]),
		notSuffix: base == "en",
		notPrefix: base == "fr",
		unspaced:  base == "zh",
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
	if r.unspaced {
		return r.within(s, r.negation, strings.Contains)
	}
	for _, w := range tokens(s) {
		if r.negation[w] || r.notSuffix && strings.HasSuffix(w, "n't") ||
			r.notPrefix && strings.HasPrefix(w, "n'") {
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
}

// sameForm reports whether a and b are forms of one word: single words
// that are forms of one irregular verb, or that share all but their last
// few letters ("assess" and "assessed", "Russia's" and "Russian").
func sameForm(a, b string) bool {
	ta, tb := tokens(a), tokens(b)
	if len(ta) != 1 || len(tb) != 1 {
		return false
	}
	x, y := []rune(ta[0]), []rune(tb[0])
	for _, f := range forms {
		if contains(f, ta[0]) && contains(f, tb[0]) {
			return true
		}
	}
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	return n >= 4 && n >= min(len(x), len(y))-3
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// subset reports whether every word of a is a word of b, a possessive
// "'s" aside: "[Biden's]" for "President Biden's".
func subset(a, b string) bool {
	ta := tokens(a)
	if len(ta) == 0 {
		return false
	}
	tb := map[string]bool{}
	for _, w := range tokens(b) {
		tb[stem(w)] = true
	}
	for _, w := range ta {
		if !tb[stem(w)] {
			return false
		}
	}
	return true
}

func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
