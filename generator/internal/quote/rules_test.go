package quote

import (
	"strings"
	"testing"
)

// report holds passages of the report the example site checks, as its
// source stores them, and the article's wording of the voting finding.
const report = `We have no indications that any foreign actor attempted to alter any technical aspect of the voting process in the 2020 US elections, including voter registration, casting ballots, vote tabulation, or reporting results.

We assess that it would be difficult for a foreign actor to manipulate election processes at scale without detection by intelligence collection on the actors themselves, through physical and cyber security monitoring around voting systems across the country, or in post-election audits.

Some foreign actors, such as Iran and Russia, spread false or inflated claims about alleged compromises of voting systems to undermine public confidence in election processes and results.

We assess that Russian President Putin authorized, and a range of Russian government organizations conducted, influence operations aimed at denigrating President Biden's candidacy and the Democratic Party, supporting former President Trump, undermining public confidence in the electoral process, and exacerbating sociopolitical divisions in the US.

Unlike in 2016, we did not see persistent Russian cyber efforts to gain access to election infrastructure.

A key element of Moscow's strategy this election cycle was its use of proxies linked to Russian intelligence to push influence narratives—including misleading or unsubstantiated allegations against President Biden—to US media organizations, US officials, and prominent US individuals, including some close to former President Trump and his administration.

China sought stability in its relationship with the United States and did not view either election outcome as being advantageous enough for China to risk blowback if caught.

There was no "official" evidence, it said. The report was released on Tuesday.`

// TestRules checks the rules for gaps and brackets on real passages:
// quotes bent by a bracket or a gap are errors (or, cut mid-phrase,
// warnings), and the conventional ways editors shorten and adapt a quote
// pass without a word.
func TestRules(t *testing.T) {
	tests := []struct {
		name, quote string
		// want is "" for a quote that passes without a finding, else
		// "error: " or "warning: " and words the message must hold.
		want []string
	}{
		// Negations removed, added or replaced.
		{"bracket drops not", "Unlike in 2016, we [did] see persistent Russian cyber efforts", []string{"error: ", `"[did]"`, `"did not"`, `negation "not"`}},
		{"gap drops no", "We have ... indications that any foreign actor attempted to alter any technical aspect", []string{"error: ", `leaves out "no"`, `"have no indications"`}},
		{"gap drops did not", "we ... see persistent Russian cyber efforts", []string{"error: ", `"not"`}},
		{"gap as written", "We have … indications that any foreign actor attempted to alter any technical aspect", []string{"error: ", `the gap "…" leaves out "no"`}},
		{"bracket adds not", "Some foreign actors, such as Iran and Russia, [did not] spread false or inflated claims", []string{"error: ", `adds the negation "not"`}},
		{"insertion adds never", "we did not see [never] persistent Russian", []string{"error: ", `adds the negation "never"`}},
		{"leading gap drops did not", "... see persistent Russian cyber efforts to gain access", []string{"error: ", `"not"`}},
		{"trailing gap drops no", "We have ...", []string{"error: ", `"no"`}},
		{"contraction", "Unlike in 2016, we [did] see persistent", []string{"error: "}},
		// Words replaced.
		{"antonym", "it would be [easy] for a foreign actor to manipulate election processes", []string{"error: ", `"[easy]"`, `"difficult"`}},
		{"other country", "Unlike in 2016, we did not see persistent [Chinese] cyber efforts", []string{"error: ", `"Russian"`}},
		{"other person", "[Biden] authorized, and a range of Russian government organizations conducted, influence operations", []string{"error: ", `"Russian President Putin"`}},
		{"other word glued", "[W]e have no indications", nil},
		{"number replaced", "any technical aspect of the voting process in the [2016] US elections", []string{"error: ", `number "2020"`}},
		// Qualifiers and hedges cut mid-phrase.
		{"qualifier cut", "spread ... claims about alleged compromises of voting systems", []string{"warning: ", `"false or inflated"`}},
		{"hedge cut", "We assess that ... Putin authorized", []string{"warning: ", `"Russian President"`}},
		{"scope cut", "influence operations aimed at ... the Democratic Party", []string{"warning: ", `"denigrating President Biden's candidacy and"`}},

		// Conventional and faithful.
		{"case change", "[W]e did not see persistent Russian cyber efforts", nil},
		{"case change inside", "we did not see persistent [r]ussian cyber efforts", nil},
		{"pronoun replaced", "Unlike in 2016, [US intelligence] did not see persistent Russian cyber efforts", nil},
		{"pronoun replaced at start", "[US intelligence] did not see persistent Russian cyber efforts", nil},
		{"determiner phrase replaced", "denigrating [Biden's] candidacy and the Democratic Party", nil},
		{"the President replaced", "supporting [Trump], undermining public confidence", nil},
		{"shortened", "aimed at denigrating [Biden's] candidacy", nil},
		{"subject named", "[Putin] authorized, and a range of Russian government organizations conducted, influence operations", nil},
		{"clause between commas", "Putin authorized ... influence operations aimed at denigrating President Biden's candidacy", nil},
		{"bracketed gap", "Putin authorized [...] influence operations", nil},
		{"whole sentence", `There was no "official" evidence, it said. ... The report was released on Tuesday.`, nil},
		{"insertion", "the 2020 [federal] US elections", nil},
		{"sic", "China sought stability [sic] in its relationship", nil},
		{"possessive replaced", "strategy this election cycle was [Moscow's] use of proxies", nil},
		{"word form", "A key element of Moscow's strategy this election cycle [is] its use of proxies", nil},
		{"leading gap", "... influence operations aimed at denigrating", nil},
		{"trailing gap", "China sought stability in its relationship with the United States ...", nil},
		{"list items dropped", "including voter registration, ... or reporting results", nil},
		{"gap keeps negation", "we did not see ... cyber efforts to gain access", []string{"warning: ", `"persistent Russian"`}},
		{"trailing insertion", "we did not see persistent Russian cyber efforts [in 2020]", nil},
	}
	s := NewSource(report)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := s.Match(tt.quote, nil)
			if !ok {
				t.Fatalf("Match(%q): not found", tt.quote)
			}
			var got []string
			for _, f := range m.Findings {
				sev := "error: "
				if f.Warning {
					sev = "warning: "
				}
				got = append(got, sev+f.Message)
			}
			if tt.want == nil {
				if len(got) > 0 {
					t.Fatalf("Match(%q): findings %q, want none", tt.quote, got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("Match(%q): findings %q, want one with %q", tt.quote, got, tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(got[0], w) {
					t.Errorf("Match(%q): %q lacks %q", tt.quote, got[0], w)
				}
			}
		})
	}
}

// TestResolve checks what each gap and bracket stands for.
func TestResolve(t *testing.T) {
	tests := []struct {
		quote string
		want  []string // each edit's source words
	}{
		{"spread ... claims about", []string{"false or inflated"}},
		{"Putin authorized ... influence operations", []string{", and a range of Russian government organizations conducted,"}},
		{"[W]e did not see", []string{"w"}},
		{"Unlike in 2016, [US intelligence] did not see", []string{"we"}},
		{"[US intelligence] did not see", []string{"we"}},
		{"denigrating [Biden's] candidacy", []string{"President Biden's"}},
		{"the 2020 [federal] US elections", []string{""}},
		{"Putin [...] influence [a] [b] aimed", []string{"authorized, and a range of Russian government organizations conducted,", "operations", "operations"}},
		{"... see persistent", []string{"Unlike in 2016, we did not"}},
		{"cyber efforts ...", []string{"to gain access to election infrastructure."}},
	}
	s := NewSource(report)
	for _, tt := range tests {
		m, ok := s.Match(tt.quote, nil)
		if !ok {
			t.Errorf("Match(%q): not found", tt.quote)
			continue
		}
		var got []string
		for _, e := range m.Edits {
			got = append(got, e.Words)
			if w := Normalize(report[e.Source.Start:e.Source.End]); w != e.Words {
				t.Errorf("Match(%q): edit %q has Source %q but Words %q", tt.quote, e.Text, w, e.Words)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Match(%q): edits stand for %q, want %q", tt.quote, got, tt.want)
		}
	}
}

// TestRulesLanguages checks the built-in negation words of other
// languages and a site's own.
func TestRulesLanguages(t *testing.T) {
	tests := []struct {
		lang, source, quote string
		extra               []string
		bad                 bool
	}{
		{"es", "No vimos esfuerzos persistentes de Rusia.", "[Vimos] esfuerzos persistentes", nil, true},
		{"es", "Nosotros no vimos esfuerzos persistentes.", "Nosotros ... vimos esfuerzos", nil, true},
		{"fr", "Nous n'avons vu aucun effort persistant.", "Nous ... avons vu", nil, true},
		{"de", "Wir haben keine Hinweise gesehen.", "Wir haben ... Hinweise gesehen", nil, true},
		{"pt", "Nós não vimos esforços persistentes.", "Nós ... vimos esforços", nil, true},
		{"pt", "Nós não vimos esforços persistentes.", "[N]ós não vimos", nil, false},
		{"en", "We hardly saw any efforts.", "We ... saw any efforts", []string{"hardly"}, true},
		{"en", "We hardly saw any efforts.", "We ... saw any efforts", nil, false},
		{"es-MX", "No vimos nada.", "[Vimos] nada", nil, true},
		{"ar", "لم نر جهودا روسية مستمرة.", "[نر] جهودا روسية", nil, true},
		{"ar", "لم نر جهودا روسية مستمرة.", "لم نر [...] روسية", nil, false},
		{"zh", "我们没有看到俄罗斯的持续努力。", "我们[看到]俄罗斯的持续努力", nil, true},
		{"zh", "我们没有看到俄罗斯的持续努力。", "[美国情报机构]没有看到俄罗斯", nil, false},
	}
	for _, tt := range tests {
		m, ok := NewSource(tt.source).Match(tt.quote, RulesFor(tt.lang, tt.extra))
		if !ok {
			t.Errorf("%s: Match(%q): not found", tt.lang, tt.quote)
			continue
		}
		if got := m.hasErrors(); got != tt.bad {
			t.Errorf("%s: Match(%q) in %q: errors %v (%v), want %v", tt.lang, tt.quote, tt.source, got, m.Findings, tt.bad)
		}
	}
}

// TestWrittenGaps: messages name a gap as written, and only when each gap
// of the normalized quote is the same gap as written.
func TestWrittenGaps(t *testing.T) {
	edits := []Edit{{Gap: true, Text: "..."}, {Text: "x"}, {Gap: true, Text: "[...]"}}
	writtenGaps(edits, "a … b [x] c […] d")
	if edits[0].Text != "…" || edits[1].Text != "x" || edits[2].Text != "[…]" {
		t.Errorf("got %+v", edits)
	}
	// Normalizing joined two gaps and split one: the texts stay.
	edits = []Edit{{Gap: true, Text: "... ..."}, {Gap: true, Text: ". . ."}}
	writtenGaps(edits, "We have ... … indications .\n. . the end")
	if edits[0].Text != "... ..." || edits[1].Text != ". . ." {
		t.Errorf("got %+v", edits)
	}
}
