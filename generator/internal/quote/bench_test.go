package quote

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// benchText returns about 9 KB of text, like a 1,500-word source, with
// paragraphs, curly quotes and dashes.
func benchText() string {
	vocab := strings.Fields("the of and to in a that is was for on with as by it at from this be have are not but " +
		"election voting process foreign actor technical aspect registration ballots tabulation results " +
		"officials report committee evidence system votes security agency assessment influence operations " +
		"government president campaign public statement during before after including however")
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 9000 {
		for s := 0; s < 5; s++ {
			n := 8 + r.IntN(15)
			for w := 0; w < n; w++ {
				if w > 0 {
					b.WriteByte(' ')
				}
				word := vocab[r.IntN(len(vocab))]
				switch r.IntN(40) {
				case 0:
					word = "“" + word + "”"
				case 1:
					word += " —"
				case 2:
					word += "’s"
				}
				b.WriteString(word)
			}
			b.WriteString(". ")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// benchQuotes returns quotes of 5 to 30 words taken from text, some with a
// gap or with straight quotes, and a few that are not in it.
func benchQuotes(text string) []string {
	words := strings.Fields(text)
	r := rand.New(rand.NewPCG(3, 4))
	var quotes []string
	for len(quotes) < 20 {
		n := 5 + r.IntN(25)
		i := r.IntN(len(words) - n)
		q := strings.Join(words[i:i+n], " ")
		switch len(quotes) % 5 {
		case 1:
			q = strings.NewReplacer("“", `"`, "”", `"`, "’", "'").Replace(q)
		case 2:
			q = strings.Join(words[i:i+2], " ") + " … " + strings.Join(words[i+n-2:i+n], " ")
		case 3:
			q = "the report " + q // not in the text
		}
		quotes = append(quotes, q)
	}
	return quotes
}

func BenchmarkNewSource(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NewSource(text)
	}
}

func BenchmarkFind(b *testing.B) {
	text := benchText()
	s := NewSource(text)
	quotes := benchQuotes(text)
	i := 0
	for b.Loop() {
		s.Find(quotes[i%len(quotes)])
		i++
	}
}

func BenchmarkClosest(b *testing.B) {
	text := benchText()
	s := NewSource(text)
	quotes := benchQuotes(text)
	for b.Loop() {
		s.Closest(quotes[3])
	}
}
