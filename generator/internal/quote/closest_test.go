package quote

import (
	"strings"
	"testing"
	"time"
)

const odni = "Key judgments.\n\n" +
	"We have no indications that any foreign actor attempted to alter any technical aspect of the voting process in the 2020 US elections, including voter registration, casting ballots, vote tabulation, or reporting results.\n\n" +
	"We assess that Russian President Putin authorized, and a range of Russian government organizations conducted, influence operations."

func TestClosest(t *testing.T) {
	tests := []struct {
		name, source, quote string
		passage, diff       string
	}{
		{
			name:    "reworded sentence",
			source:  odni,
			quote:   "no indications that any foreign actor attempted to interfere in the 2020 US elections by altering any technical aspect of the voting process, including voter registration, ballot casting, vote tabulation, or reporting results.",
			passage: "We have no indications that any foreign actor attempted to alter any technical aspect of the voting process in the 2020 US elections, including voter registration, casting ballots, vote tabulation, or reporting results.",
			diff: `you wrote "interfere in the 2020 US elections by altering", the source has "alter": "actor attempted to alter any technical aspect"; ` +
				`you wrote "process,", the source has "process in the 2020 US elections,": "of the voting process in the 2020 US elections, including voter registration,"; ` +
				`you wrote "ballot casting,", the source has "casting ballots,": "including voter registration, casting ballots, vote tabulation, or"`,
		},
		{
			name:    "changed case",
			source:  odni,
			quote:   "“we have no indications that any foreign actor”",
			passage: "We have no indications that any foreign actor attempted to alter any technical aspect of the voting process in the 2020 US elections, including voter registration, casting ballots, vote tabulation, or reporting results.",
			diff:    `you wrote "we", the source has "We": "We have no indications"`,
		},
		{
			// Too many words are left out to take in the last two.
			name:    "words left out without an ellipsis",
			source:  odni,
			quote:   "We assess that Russian President Putin authorized influence operations",
			passage: "We assess that Russian President Putin authorized, and a range of Russian government organizations conducted, influence operations.",
			diff:    `you wrote "authorized influence operations", the source has "authorized,": "Russian President Putin authorized,"`,
		},
		{
			name:    "case and punctuation at the end",
			source:  odni,
			quote:   "or reporting Results",
			passage: "We have no indications that any foreign actor attempted to alter any technical aspect of the voting process in the 2020 US elections, including voter registration, casting ballots, vote tabulation, or reporting results.",
			diff:    `you wrote "Results", the source has "results.": "or reporting results."`,
		},
		{
			name:    "gap over a long stretch",
			source:  "The start. " + strings.Repeat("filler words go here ", 30) + "and the end.",
			quote:   "The start … and an end.",
			passage: "The start. " + strings.Repeat("filler words go here ", 30) + "and the end.",
			diff:    `you wrote "an", the source has "the": "and the end."`,
		},
		{
			// Chinese has no spaces: each character is a word, and the
			// words of a change are shown without spaces.
			name:    "a word changed in Chinese",
			source:  "联合国大会于1948年12月10日通过。\n\n人人有权享有主张和发表意见的自由;此项权利包括持有主张而不受干涉的自由。",
			quote:   "包括持有观点而不受干涉",
			passage: "人人有权享有主张和发表意见的自由;此项权利包括持有主张而不受干涉的自由。",
			diff:    `you wrote "观点", the source has "主张": "括持有主张而不受"`,
		},
		{
			name:    "a number changed in Chinese",
			source:  "联合国大会于1948年12月10日通过。\n\n人人有权享有主张和发表意见的自由。",
			quote:   "大会于1949年12月10日通过",
			passage: "联合国大会于1948年12月10日通过。",
			diff:    `you wrote "1949", the source has "1948": "大会于1948年12月"`,
		},
		{
			name:    "long unchanged stretch is cut",
			source:  "one two three four five six seven eight nine ten eleven twelve",
			quote:   "one 2 three four five six seven eight nine ten 11 twelve",
			passage: "one two three four five six seven eight nine ten eleven twelve",
			diff:    `you wrote "2", the source has "two": "one two three four five"; you wrote "11", the source has "eleven": "eight nine ten eleven twelve"`,
		},
		{
			name:    "gap and insertion",
			source:  odni,
			quote:   "[The agency has] no indications that any foreign actor attempted to change … any technical aspect",
			passage: "We have no indications that any foreign actor attempted to alter any technical aspect of the voting process in the 2020 US elections, including voter registration, casting ballots, vote tabulation, or reporting results.",
			diff:    `you wrote "change", which the source does not have: "actor attempted to"`,
		},
		{
			name:    "parts in different paragraphs",
			source:  odni,
			quote:   "Key judgments. … We have",
			passage: "Key judgments.\n\nWe have no indications that any foreign actor attempted to alter any technical aspect of the voting process in the 2020 US elections, including voter registration, casting ballots, vote tabulation, or reporting results.",
			diff:    "",
		},
		{
			name:    "nothing in common",
			source:  odni,
			quote:   "completely unrelated sentence",
			passage: "",
			diff:    "",
		},
		{
			name:    "empty quote",
			source:  odni,
			quote:   "",
			passage: "",
			diff:    "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, changes := NewSource(tt.source).Closest(tt.quote)
			passage := tt.source[at.Start:at.End]
			diff := joinChanges(changes)
			if passage != tt.passage {
				t.Errorf("passage = %q\nwant      %q", passage, tt.passage)
			}
			if diff != tt.diff {
				t.Errorf("diff = %q\nwant   %q", diff, tt.diff)
			}
		})
	}
}

// TestClosestLargeSource checks that the passage is found among many
// similar ones in a large source.
func TestClosestLargeSource(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 5<<20; i++ {
		b.WriteString("The report of the committee said that the voting process was secure and that the results were reported on time.\n\n")
	}
	b.WriteString("Officials found no evidence that any voting system deleted or lost votes.\n\n")
	b.WriteString("The report of the committee said that the voting process was secure.")
	s := NewSource(b.String())
	at, changes := s.Closest("no evidence that any voting system deleted, lost or changed votes")
	passage := b.String()[at.Start:at.End]
	diff := joinChanges(changes)
	if want := "Officials found no evidence that any voting system deleted or lost votes."; passage != want {
		t.Errorf("passage = %q, want %q", passage, want)
	}
	if want := `you wrote "deleted,", the source has "deleted or": "any voting system deleted or lost"; you wrote "or changed", which the source does not have: "lost votes"`; diff != want {
		t.Errorf("diff = %q, want %q", diff, want)
	}
}

func joinChanges(cs []Change) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.String())
	}
	return strings.Join(out, "; ")
}

// TestClosestLargeChinese checks that a misquote in a large source
// without spaces is found, and quickly: the window around the passage
// must not grow to the whole source for want of a space.
func TestClosestLargeChinese(t *testing.T) {
	var b strings.Builder
	for b.Len() < 2<<20 {
		b.WriteString("委员会的报告说投票过程是安全的，结果按时公布。")
	}
	b.WriteString("官员没有发现任何投票系统删除或丢失选票的证据。")
	b.WriteString(strings.Repeat("委员会的报告说投票过程是安全的。", 1000))
	s := NewSource(b.String())
	start := time.Now()
	at, changes := s.Closest("官员发现任何投票系统删除或丢失选票的证据")
	passage := b.String()[at.Start:at.End]
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Closest took %v", d)
	}
	if want := "官员没有发现任何投票系统删除或丢失选票的证据。"; passage != want {
		t.Errorf("passage = %.200q…, want %q", passage, want)
	}
	if want := `the source has "没有", which the quote leaves out: "官员没有发现任"`; joinChanges(changes) != want {
		t.Errorf("diff = %q, want %q", joinChanges(changes), want)
	}
}
