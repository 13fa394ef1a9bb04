package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Shape is how a site's files are written: the same claims and sources,
// in different front matter and folders.
type Shape int

const (
	// Plain writes every value in double quotes, lists as "- item"
	// lines, keys in one order, and claims 100 to a sub-folder of
	// content/claims.
	Plain Shape = iota
	// Varied writes front matter the other common ways, each file its
	// own mix: plain, double and single quoted text, folded and literal
	// block scalars, flow lists ([a, b]) and block lists, a list of one
	// written as its one value, dates plain or quoted, comments on their
	// own lines and after values, blank lines, keys in any order; and
	// every claim in one flat folder, content/claims/*.md.
	Varied
)

// Shapes are all shapes, in order.
var Shapes = []Shape{Plain, Varied}

func (s Shape) String() string {
	switch s {
	case Plain:
		return "plain"
	case Varied:
		return "varied"
	}
	return "shape(" + strconv.Itoa(int(s)) + ")"
}

// ParseShape returns the shape named s ("plain" or "varied").
func ParseShape(s string) (Shape, error) {
	for _, sh := range Shapes {
		if sh.String() == s {
			return sh, nil
		}
	}
	return 0, fmt.Errorf("unknown site shape %q (want plain or varied)", s)
}

// ClaimFrontMatter returns the front matter of the i-th claim (from 0) in
// the given shape, without the --- lines. For Varied, the choices depend
// on the site's seed and i only.
func (s *Site) ClaimFrontMatter(i int, shape Shape) string {
	c := s.Claims[i]
	if shape != Varied {
		return c.FrontMatter()
	}
	return c.variedFrontMatter(s.vary(i))
}

// vary returns the chooser for file i (claims from 0, sources below 0).
func (s *Site) vary(i int) *varier {
	return &varier{r: rand.New(rand.NewPCG(uint64(s.Seed)^0x5eed_fa11, uint64(int64(i))))}
}

// varier picks how each value is written.
type varier struct{ r *rand.Rand }

func (v *varier) one(n int) bool { return v.r.IntN(n) == 0 }

// text writes s as a scalar: plain where YAML reads it as the same text,
// else or by choice in double or single quotes.
func (v *varier) text(s string) string {
	switch v.r.IntN(5) {
	case 0, 1:
		if plainOK(s, false) {
			return s
		}
		fallthrough
	case 2, 3:
		return strconv.Quote(s)
	default:
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
}

// long writes s, a sentence, as text or now and then as a block scalar.
func (v *varier) long(s string) string {
	switch v.r.IntN(6) {
	case 0: // folded, its lines joined by spaces, the last line break kept
		return ">\n" + wrapped(s, 40+v.r.IntN(30), "  ")
	case 1: // folded, without the last line break
		return ">-\n" + wrapped(s, 40+v.r.IntN(30), "  ")
	case 2: // literal, on one line
		return "|-\n  " + s + "\n"
	}
	return v.text(s) + v.comment() + "\n"
}

// date writes a YYYY-MM-DD date plain or quoted.
func (v *varier) date(d string) string {
	switch v.r.IntN(4) {
	case 0:
		return `"` + d + `"`
	case 1:
		return "'" + d + "'"
	}
	return d
}

// list writes values as a flow list ([a, "b"]), a block list, or, for one
// value, now and then as that value.
func (v *varier) list(values []string) string {
	switch {
	case len(values) == 1 && v.one(4):
		return v.text(values[0]) + v.comment() + "\n"
	case v.r.IntN(3) < 2:
		items := make([]string, len(values))
		for i, s := range values {
			items[i] = strconv.Quote(s)
			if plainOK(s, true) && !v.one(3) {
				items[i] = s
			}
		}
		return "[" + strings.Join(items, ", ") + "]" + v.comment() + "\n"
	}
	var b strings.Builder
	b.WriteString(v.comment() + "\n")
	indent := []string{"", "  ", "    "}[v.r.IntN(3)]
	for _, s := range values {
		b.WriteString(indent + "- " + v.text(s) + "\n")
	}
	return b.String()
}

// comment returns a comment after a value, now and then, or "".
func (v *varier) comment() string {
	if !v.one(6) {
		return ""
	}
	return []string{" # checked", "  # see the style guide", " # TODO: review", " #"}[v.r.IntN(4)]
}

// between returns what goes between two keys: now and then a blank line or
// a comment line.
func (v *varier) between() string {
	switch v.r.IntN(10) {
	case 0:
		return "\n"
	case 1:
		return "# ---- " + []string{"verdict", "dates", "people", "notes"}[v.r.IntN(4)] + "\n"
	}
	return ""
}

// keys writes the pairs in a random order, with what goes between them.
func (v *varier) keys(b *strings.Builder, pairs [][2]string) {
	v.r.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	for _, p := range pairs {
		b.WriteString(v.between())
		b.WriteString(p[0] + ":")
		if p[1][0] != '\n' {
			b.WriteByte(' ')
		}
		b.WriteString(p[1])
	}
}

func (c *Claim) variedFrontMatter(v *varier) string {
	var b strings.Builder
	if v.one(3) {
		b.WriteString("# " + c.ID + ": " + c.Rating + "\n")
	}
	pairs := [][2]string{
		{"claim", v.long(c.Claim)},
		{"claimant", v.text(c.Claimant) + v.comment() + "\n"},
		{"claim_date", v.date(c.ClaimDate) + v.comment() + "\n"},
		{"rating", v.text(c.Rating) + v.comment() + "\n"},
		{"summary", v.long(c.Summary)},
		{"published", v.date(c.Published) + v.comment() + "\n"},
		{"authors", v.list(c.Authors)},
		{"topics", v.list(c.Topics)},
	}
	if c.Updated != "" {
		pairs = append(pairs, [2]string{"updated", v.date(c.Updated) + v.comment() + "\n"})
	}
	if len(c.Corrections) > 0 {
		var k strings.Builder
		k.WriteString("\n")
		for _, x := range c.Corrections {
			note := v.text(x.Note) + "\n"
			if v.one(3) { // folded, as longer notes are
				note = ">-\n" + wrapped(x.Note, 50, "      ")
			}
			if v.one(2) {
				k.WriteString("  - note: " + note + "    date: " + v.date(x.Date) + "\n")
			} else {
				k.WriteString("  - date: " + v.date(x.Date) + v.comment() + "\n    note: " + note)
			}
		}
		pairs = append(pairs, [2]string{"corrections", k.String()})
	}
	v.keys(&b, pairs)
	if v.one(8) {
		b.WriteString("# end\n")
	}
	return b.String()
}

func (src *Source) variedFrontMatter(v *varier) string {
	var b strings.Builder
	if v.one(4) {
		b.WriteString("# " + src.Kind + " source\n")
	}
	v.keys(&b, [][2]string{
		{"title", v.text(src.Title) + v.comment() + "\n"},
		{"publisher", v.text(src.Publisher) + v.comment() + "\n"},
		{"url", v.text(src.URL) + v.comment() + "\n"},
		{"published", v.date(src.Published) + v.comment() + "\n"},
		{"kind", v.text(src.Kind) + v.comment() + "\n"},
	})
	return b.String()
}

// plainOK reports whether YAML reads s, written plain, as the text s (in a
// flow list, with flow).
func plainOK(s string, flow bool) bool {
	if s == "" || !isLetter(s[0]) || s[len(s)-1] == ' ' || s[len(s)-1] == ':' ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.ContainsAny(s, "\"\\\n\t") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}:#") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return false
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// wrapped returns s as lines of about width characters, each starting with
// indent.
func wrapped(s string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		switch {
		case i == 0:
			b.WriteString(indent)
		case n+1+len(w) > width:
			b.WriteString("\n" + indent)
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String() + "\n"
}
