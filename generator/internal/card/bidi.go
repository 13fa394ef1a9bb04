package card

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// A card draws its text one character after another, from left to right.
// Two steps make Arabic and Hebrew text come out as readers expect:
//
//   - shape gives each Arabic letter the form it takes beside its
//     neighbours (isolated, final, initial or medial; lam and alef as one
//     letter), from Unicode's presentation forms, which Arabic fonts map
//     to their joined glyphs;
//   - visual puts a line in the order it is drawn in: the runs of
//     right-to-left text reversed, brackets and guillemets in them
//     mirrored, marks kept after their letter, and the runs themselves
//     reversed in a right-to-left line.
//
// Scripts that need more than this (the scripts of India, Thai's stacked
// marks) still draw their characters one by one.

// joining is how an Arabic letter joins its neighbours, and its first
// presentation form: isolated, then final, initial and medial for a
// letter that joins on both sides, isolated and final for one that joins
// only the letter before it.
type joining struct {
	dual bool
	form rune // the isolated form
}

// hamzaForm is the one form of hamza, which joins neither side.
const hamzaForm = 0xFE80

var arabicForms = map[rune]joining{
	'\u0621': {false, hamzaForm},
	'\u0622': {false, 0xFE81},
	'\u0623': {false, 0xFE83},
	'\u0624': {false, 0xFE85},
	'\u0625': {false, 0xFE87},
	'\u0626': {true, 0xFE89},
	'\u0627': {false, 0xFE8D},
	'\u0628': {true, 0xFE8F},
	'\u0629': {false, 0xFE93},
	'\u062A': {true, 0xFE95},
	'\u062B': {true, 0xFE99},
	'\u062C': {true, 0xFE9D},
	'\u062D': {true, 0xFEA1},
	'\u062E': {true, 0xFEA5},
	'\u062F': {false, 0xFEA9},
	'\u0630': {false, 0xFEAB},
	'\u0631': {false, 0xFEAD},
	'\u0632': {false, 0xFEAF},
	'\u0633': {true, 0xFEB1},
	'\u0634': {true, 0xFEB5},
	'\u0635': {true, 0xFEB9},
	'\u0636': {true, 0xFEBD},
	'\u0637': {true, 0xFEC1},
	'\u0638': {true, 0xFEC5},
	'\u0639': {true, 0xFEC9},
	'\u063A': {true, 0xFECD},
	'\u0641': {true, 0xFED1},
	'\u0642': {true, 0xFED5},
	'\u0643': {true, 0xFED9},
	'\u0644': {true, 0xFEDD},
	'\u0645': {true, 0xFEE1},
	'\u0646': {true, 0xFEE5},
	'\u0647': {true, 0xFEE9},
	'\u0648': {false, 0xFEED},
	'\u0649': {false, 0xFEEF},
	'\u064A': {true, 0xFEF1},
	// Persian and Urdu letters, from Presentation Forms-A.
	'\u067E': {true, 0xFB56},
	'\u0686': {true, 0xFB7A},
	'\u0698': {false, 0xFB8A},
	'\u06A9': {true, 0xFB8E},
	'\u06AF': {true, 0xFB92},
	'\u06CC': {true, 0xFBFC},
}

// lamAlef are the ligatures of lam with each alef, isolated (the final
// form follows).
var lamAlef = map[rune]rune{'\u0622': 0xFEF5, '\u0623': 0xFEF7, '\u0625': 0xFEF9, '\u0627': 0xFEFB}

const (
	lam     = '\u0644'
	tatweel = '\u0640'
)

// transparent reports whether r is skipped when letters join: the marks
// written above and below letters.
func transparent(r rune) bool { return unicode.Is(unicode.Mn, r) }

// joinsNext reports whether r connects to the letter after it.
func joinsNext(r rune) bool {
	if r == tatweel {
		return true
	}
	j, ok := arabicForms[r]
	return ok && j.dual
}

// joinsPrev reports whether r connects to the letter before it.
func joinsPrev(r rune) bool {
	if r == tatweel {
		return true
	}
	j, ok := arabicForms[r]
	return ok && j.form != hamzaForm
}

// shape replaces the Arabic letters of s by their joined forms.
func shape(s string) string {
	if !hasArabic(s) {
		return s
	}
	rs := []rune(s)
	// neighbour is the letter before or after i (step -1 or 1), marks
	// skipped; 0 at either end.
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		j, ok := arabicForms[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		prev := neighbour(i, -1)
		joined := prev != 0 && joinsNext(prev) && joinsPrev(r)
		if r == lam {
			// Lam and the alef right after it are one letter.
			k := i + 1
			for k < len(rs) && transparent(rs[k]) {
				k++
			}
			if k < len(rs) {
				if lig, ok := lamAlef[rs[k]]; ok {
					if joined {
						lig++
					}
					b.WriteRune(lig)
					// The marks between them follow the ligature.
					for _, m := range rs[i+1 : k] {
						b.WriteRune(m)
					}
					i = k
					continue
				}
			}
		}
		next := neighbour(i, 1)
		joinsAfter := j.dual && next != 0 && joinsPrev(next)
		form := j.form
		switch {
		case joined && joinsAfter:
			form += 3
		case joinsAfter:
			form += 2
		case joined:
			form++
		}
		b.WriteRune(form)
	}
	return b.String()
}

func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}

// rtl reports whether s reads from right to left: whether its first
// letter of a definite direction is of a right-to-left script, or when
// it has none, def.
func rtl(s string, def bool) bool {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return def
}

// visual is line s in the order its characters are drawn from left to
// right, when the text it is part of reads right to left (rtl) or not.
func visual(s string, rtl bool) string {
	if !rtl && !hasRTL(s) {
		return s
	}
	dir := bidi.LeftToRight
	if rtl {
		dir = bidi.RightToLeft
	}
	var p bidi.Paragraph
	if _, err := p.SetString(s, bidi.DefaultDirection(dir)); err != nil {
		return s
	}
	o, err := p.Order()
	if err != nil {
		return s
	}
	type run struct {
		text string
		rtl  bool
	}
	runs := make([]run, o.NumRuns())
	for i := range runs {
		r := o.Run(i)
		runs[i] = run{r.String(), r.Direction() == bidi.RightToLeft}
	}
	// Digits between two right-to-left runs of a left-to-right line are
	// read with them: the group is reversed as one.
	if !rtl {
		for i := 0; i < len(runs); i++ {
			if !runs[i].rtl {
				continue
			}
			end := i
			for k := i + 1; k < len(runs); k++ {
				if runs[k].rtl {
					end = k
				} else if !numeric(runs[k].text) {
					break
				}
			}
			for a, b := i, end; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
			}
			i = end
		}
	} else {
		for a, b := 0, len(runs)-1; a < b; a, b = a+1, b-1 {
			runs[a], runs[b] = runs[b], runs[a]
		}
	}
	var b strings.Builder
	for _, r := range runs {
		if r.rtl {
			b.WriteString(reverseRun(r.text))
		} else {
			b.WriteString(r.text)
		}
	}
	return b.String()
}

func hasRTL(s string) bool {
	for _, r := range s {
		if p, _ := bidi.LookupRune(r); p.Class() == bidi.R || p.Class() == bidi.AL {
			return true
		}
	}
	return false
}

// numeric reports whether s holds digits and the characters between
// numbers only.
func numeric(s string) bool {
	has := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			has = true
		case strings.ContainsRune(" .,:/%-+", r):
		default:
			return false
		}
	}
	return has
}

// mirrored are the characters drawn as their mirror image in right-to-left
// text.
var mirrored = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹',
}

// reverseRun is s backwards, each letter followed by its marks as before,
// mirrored characters mirrored.
func reverseRun(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for end := len(rs); end > 0; {
		start := end - 1
		for start > 0 && transparent(rs[start]) {
			start--
		}
		for _, r := range rs[start:end] {
			if m, ok := mirrored[r]; ok {
				r = m
			}
			out = append(out, r)
		}
		end = start
	}
	return string(out)
}
