package quote

import (
	"os"
	"strings"
	"testing"
)

// readTestdata returns the text of a file in testdata.
func readTestdata(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type rcase struct {
	name, lang, src, quote, want, note string
}

// TestEditorsCases runs cases an editor would write, on passages of the
// report and the article of the example site and on short passages in
// the built-in languages: faithful edits pass (or only warn where a gap
// cuts mid-phrase), twisted ones are errors. "accepted" notes say where
// the rules knowingly fall short of an editor's judgement.
func TestEditorsCases(t *testing.T) {
	odni := readTestdata(t, "testdata/report.txt")
	dw := readTestdata(t, "testdata/article.txt")
	cases := []rcase{
		// ---------- real texts: ODNI ----------
		{"odni subject after comma swapped", "en", odni, "[China] spread false or inflated claims about alleged compromises", "error", "source subject is 'Iran and Russia,'"},
		{"odni subject after comma kept", "en", odni, "[Some foreign actors] spread false or inflated claims", "none", ""},
		{"odni possessive swapped", "en", odni, "A key element of [Beijing's] strategy this election cycle", "error", ""},
		{"odni gap drops coordinated negative clause", "en", odni, "We assess that China ... considered but did not deploy influence efforts", "warning", "accepted: a gap that starts mid-clause warns, though the conjunct it drops is whole"},
		{"odni hedge at least some", "en", odni, "China took ... steps to undermine former President Trump's reelection chances", "warning", ""},
		{"odni dash parenthetical", "en", odni, "We assess that a range of additional foreign actors ... took some steps to attempt to influence the election.", "none", ""},
		{"odni pronoun they", "en", odni, "[I]n general, we assess that [the efforts of Hizballah, Cuba and Venezuela] were smaller in scale than those conducted by Russia and Iran.", "none", ""},
		{"odni they swapped country", "en", odni, "[They] were smaller in scale than those conducted by [China] and Iran", "error", ""},
		{"odni trailing gap without detection", "en", odni, "it would be difficult for a foreign actor to manipulate election processes at scale ...", "error", "drops 'without detection' - meaningful"},
		{"odni whole list dropped", "en", odni, "including voter registration ... or reporting results", "none", ""},
		{"odni list middle", "en", odni, "voter registration, casting ballots ... or reporting results", "none", ""},
		{"odni some->all", "en", odni, "[All] foreign actors, such as Iran and Russia, spread false", "error", ""},
		{"odni gap across em dash list", "en", odni, "to push influence narratives ... to US media organizations", "none", ""},
		{"odni four dots", "en", odni, "Some foreign actors, such as Iran and Russia, spread false or inflated claims about alleged compromises of voting systems.... Putin authorized", "error-or-notfound", "different paragraphs"},
		// ---------- real texts: DW ----------
		{"dw likely dropped", "en", dw, "Putin ... approved an effort by Moscow", "warning", ""},
		{"dw no dropped before quoted", "en", dw, `unlike in 2016, there were ... "persistent cyber efforts`, "error", ""},
		{"dw considered but", "en", dw, `Beijing "considered ..." influence operations`, "error", ""},
		{"dw gap drops coordinated neg clause", "en", dw, "It also found that Beijing ... ultimately did not seek to interfere with the elections", "warning", "accepted: as above"},
		{"dw so-called", "en", dw, "the ... Russian troll factory called Internet Research Agency", "warning", ""},
		{"dw such-as examples dropped", "en", dw, "other foreign actors ... also attempted to influence the elections", "none", "omits 'such as Lebanese Hezbollah, Cuba, and Venezuela'"},
		{"dw such-as examples dropped 2", "en", dw, "Russia-backed figures ... enlisted unnamed US political figures", "none", "omits 'such as Ukrainian parliamentarian Andriy Derkach'"},
		{"dw trailing although dropped", "en", dw, "other foreign actors such as Lebanese Hezbollah, Cuba, and Venezuela also attempted to influence the elections ...", "none", "debatable: drops 'although on a much smaller scale'"},
		{"dw no indications dropped", "en", dw, `US intelligence found "... that any foreign actor attempted to interfere in the 2020 US elections`, "error", ""},
		{"dw appositive dropped", "en", dw, "Konstantin Kilimnik ... was found to have met Derkach", "none", ""},
		{"dw subject after comma swapped", "en", dw, "[Hunter Biden] was found to have met Derkach", "error", "source subject 'Konstantin Kilimnik, linked with Russian intelligence,'"},
		{"dw it -> IRA", "en", dw, "[The Internet Research Agency] also sought to intensify racial issues", "none", ""},
		{"dw Russia-backed glued swap", "en", dw, "[Ukraine]-backed figures such as", "error", ""},
		{"dw so-called 'no' in 'unlike'", "en", dw, "It also said that ... there were no \"persistent cyber efforts", "none", "drops 'unlike in 2016,'"},
		// ---------- framing dropped by edge gaps ----------
		{"edge no evidence that", "en", "There is no evidence that Russia changed any votes, the report said.", "... Russia changed any votes", "error", ""},
		{"edge not true that", "en", "It is not true that the vaccine causes infertility.", "... the vaccine causes infertility.", "error", ""},
		{"edge neither nor", "en", "Neither Russia nor Iran altered any votes.", "... Iran altered any votes.", "error", ""},
		{"edge no longer (inner)", "en", "Russia no longer spreads disinformation on Facebook.", "Russia ... spreads disinformation on Facebook.", "error", ""},
		{"edge does not say", "en", "The report does not say whether Russia hacked the vote.", "... whether Russia hacked the vote.", "error", ""},
		{"edge trailing without comment", "en", "The ministry published the figures without comment.", "The ministry published the figures ...", "error", "accepted: \"without\" right after a quote counts, so that \"at scale ... without detection\" is caught"},
		{"edge trailing but contrast", "en", "The test is accurate, but not for children under five.", "The test is accurate ...", "none", "accepted: a gap at the end of a quote is judged only for negations"},
		// ---------- mid-word start ----------
		{"midword unlikely", "en", "Iran is unlikely to have interfered in the vote.", "likely to have interfered in the vote", "error", "quote starts inside 'unlikely'"},
		{"midword gap un", "en", "Iran is unlikely to have interfered in the vote.", "Iran is ... likely to have interfered", "error", "gap leaves out 'un'"},
		{"glued [un]", "en", "Iran is likely to have interfered in the vote.", "Iran is [un]likely to have interfered", "error", ""},
		// ---------- determiner-phrase replacements ----------
		{"det a rise -> a fall", "en", "There was a sharp rise in infections last week, officials said.", "There was [a sharp fall] in infections last week", "error", ""},
		{"det a difficult -> an easy", "en", "It would be a difficult task for any government, the minister said.", "It would be [an easy] task for any government", "error", ""},
		{"det the FBI -> the CIA", "en", "The FBI said on Monday that it had opened an inquiry.", "[The CIA] said on Monday that it had opened an inquiry.", "error", ""},
		{"det the Russian -> the Ukrainian", "en", "Officials said the Russian president had approved the plan.", "Officials said [the Ukrainian president] had approved the plan.", "error", ""},
		{"det his victory -> his defeat", "en", "Supporters celebrated his victory in the capital.", "Supporters celebrated [his defeat] in the capital.", "error", ""},
		{"det the agency -> the [FBI]", "en", "The agency said it had opened an inquiry into the leak.", "The [FBI] said it had opened an inquiry into the leak.", "none", "determiner kept outside bracket"},
		{"det the agency -> [the FBI]", "en", "The agency said it had opened an inquiry into the leak.", "[The FBI] said it had opened an inquiry into the leak.", "none", ""},
		{"abbr expanded inside", "en", "Officials at the FBI said the inquiry was closed.", "Officials at the [Federal Bureau of Investigation] said the inquiry was closed.", "none", ""},
		{"abbr clarified insertion", "en", "Officials at the FBI said the inquiry was closed.", "Officials at the FBI [Federal Bureau of Investigation] said the inquiry was closed.", "none", ""},
		{"honorific Mr. -> full name", "en", "Mr. Trump said the election had been stolen.", "[Donald Trump] said the election had been stolen.", "none", ""},
		{"name shortened", "en", "Former President Donald Trump said the election had been stolen.", "[Trump] said the election had been stolen.", "none", ""},
		{"subset reordered", "en", "Iran accused Russia of meddling in the vote.", "[Russia accused Iran] of meddling in the vote.", "error", "order-blind subset"},
		{"subset adds actor", "en", "Russia spread false claims about the vote.", "[Russia and China] spread false claims about the vote.", "error", ""},
		{"pronoun they->referent", "en", "Russia and Iran denied the report. They said it was fabricated.", "[Russia and Iran] said it was fabricated.", "none", ""},
		{"pronoun he->name mid", "en", "Asked about the vote, he said it was fair.", "Asked about the vote, [Putin] said it was fair.", "none", ""},
		// ---------- word forms ----------
		{"modal would->will", "en", "It would be difficult to change the outcome, he said.", "It [will] be difficult to change the outcome", "none", "tense change"},
		{"tense saw->see", "en", "We saw no sign of tampering, the official said.", "We [see] no sign of tampering", "none", "tense change"},
		{"tense found->find", "en", "The auditors found no errors in the count.", "The auditors [find] no errors in the count.", "none", "tense change"},
		{"tense was->is", "en", "The vote was secure, officials said.", "The vote [is] secure", "none", ""},
		{"Australia->Austria", "en", "Australia sent troops to the region last year.", "[Austria] sent troops to the region", "error", "sameForm prefix"},
		{"Nigeria->Niger", "en", "Nigeria closed its border on Friday.", "[Niger] closed its border on Friday.", "error", "sameForm prefix"},
		{"seventeen->seventy", "en", "Seventeen people were killed in the attack.", "[Seventy] people were killed in the attack.", "error", "number word"},
		{"fifteen->fifty", "en", "Police arrested fifteen protesters.", "Police arrested [fifty] protesters.", "error", "number word"},
		{"Russia->Russia's", "en", "Russian efforts were limited.", "[Russia's] efforts were limited.", "none", ""},
		// ---------- time references ----------
		{"last year -> 2019", "en", "The economy grew 2% last year, the minister said.", "The economy grew 2% [in 2019], the minister said.", "none", "clarifying time reference"},
		{"yesterday -> on Monday", "en", "The president said yesterday that he would resign.", "The president said [on Monday] that he would resign.", "none", "clarifying time reference"},
		{"number 2020->2016 det", "en", "Russia did not target the 2020 election directly.", "Russia did not target [the 2016 election] directly.", "error", ""},
		{"percent written", "en", "Turnout rose by 20% in the capital.", "Turnout rose by [20 percent] in the capital.", "none", ""},
		// ---------- negation-containing phrases that are not negations of kept words ----------
		{"not only dropped", "en", "Russia not only spread disinformation but also hacked email accounts.", "Russia ... spread disinformation", "warning", "accepted: a mid-phrase gap warns"},
		{"no doubt dropped", "en", "Russia no doubt tried to interfere in the vote.", "Russia ... tried to interfere in the vote.", "warning", "booster, not negation"},
		{"insert [not]", "en", "Russia interfered in the vote.", "Russia [never] interfered in the vote.", "error", ""},
		// ---------- whole-clause gaps that misattribute ----------
		{"misattrib according to", "en", "According to the ministry, the vaccine is safe. According to critics, it causes infertility.", "According to the ministry, ... it causes infertility.", "error", ""},
		{"misattrib asked about", "en", "Asked about the vaccine, the minister said it was safe. Asked about the protests, he said they were violent.", "Asked about the vaccine, ... he said they were violent.", "error", ""},
		{"misattrib no commas", "en", "The study found that the vaccine is safe and critics claimed that it causes cancer.", "The study found that ... it causes cancer.", "warning", "accepted: a mid-phrase gap warns"},
		{"hedge in most cases", "en", "The drug is, in most cases, safe for children.", "The drug is ... safe for children.", "warning", "drops a hedge between commas"},
		{"hedge allegedly commas", "en", "The minister, allegedly, took bribes from the company.", "The minister ... took bribes from the company.", "warning", ""},
		{"relative clause dropped", "en", "The report, which was released on Tuesday, found no evidence of fraud.", "The report ... found no evidence of fraud.", "none", ""},
		{"dash falsely", "en", "Trump claimed—falsely—that the election was stolen.", "Trump claimed ... that the election was stolen.", "warning", "debatable: drops author's 'falsely'"},
		{"scare-quoted qualifier dropped", "en", "Iran spread \"fabricated\" videos about the vote.", "Iran spread ... videos about the vote.", "warning", "same as unquoted qualifier"},
		{"unquoted qualifier dropped", "en", "Iran spread fabricated videos about the vote.", "Iran spread ... videos about the vote.", "warning", ""},
		{"list no oxford", "en", "China, Russia and Iran targeted the elections.", "China ... and Iran targeted the elections.", "none", "list item dropped"},
		{"list oxford", "en", "China, Russia, and Iran targeted the elections.", "China ... and Iran targeted the elections.", "none", ""},
		{"whole sentence with negation", "en", "Russia interfered. It did not change votes. Iran also interfered.", "Russia interfered. ... Iran also interfered.", "none", ""},
		{"spaced ellipsis", "en", "Putin authorized, and Russian agencies conducted, influence operations.", "Putin authorized . . . influence operations.", "none", "Chicago style"},
		{"unicode ellipsis", "en", "Putin authorized, and Russian agencies conducted, influence operations.", "Putin authorized … influence operations.", "none", ""},
		{"sic", "en", "The goverment said the vote was fair.", "The goverment [sic] said the vote was fair.", "none", ""},
		{"occurrence: first taken though later is clean", "en", "Officials said turnout was low. Officials said, in a statement, that the results were final.", "Officials said ... that the results were final.", "none", "second occurrence drops only ', in a statement,'"},
		{"occurrence: the ... nearest", "en", "In the end, the vote was close. The count, the agency said, was accurate.", "The count ... was accurate.", "none", ""},
		{"insertion adds country to list", "en", odni, "than those conducted by [China,] Russia and Iran", "none", "accepted: insertions are judged for negations only"},
		{"bracket [not] alone", "en", "Russia interfered in the vote.", "Russia [not] interfered in the vote.", "error", ""},
		{"that boundary ODNI", "en", odni, "We assess that ... Iran carried out a multi-pronged covert influence campaign", "none", "nothing omitted? check"},
		{"en he->name, sentence start", "en", "He said the vote was fair.", "[Putin] said the vote was fair.", "none", ""},
		{"pt disse sentence start", "pt", "A economia vai crescer. Disse que não haverá cortes.", "[Lula] disse que não haverá cortes.", "notfound", "case is significant: write [d]isse"},
		{"hardly not a negation", "en", "Officials hardly mentioned Russia in the briefing.", "Officials ... mentioned Russia in the briefing.", "warning", "\"hardly\" is not built in; a site adds it with negation_words"},
		{"denied framing edge", "en", "Officials denied that the army had fired on protesters.", "... the army had fired on protesters.", "error", "debatable: 'denied' not a negation word"},
		{"claims are false trailing", "en", "Claims that Russia hacked the vote are false, the agency said.", "Russia hacked the vote ...", "error", "trailing gap drops 'are false'"},
		{"lead: Then he", "en", "The minister paused. Then he said the vote was fair.", "[Putin] said the vote was fair.", "none", "phrase 'Then he'"},
		{"lead: Yet they", "en", "Russia and Iran were named. Yet they said the report was fabricated.", "[Russia and Iran] said the report was fabricated.", "none", ""},
		{"lead: In its report the agency", "en", "In its report the agency said Russia had interfered.", "[The FBI] said Russia had interfered.", "none", ""},
		{"lead: he also", "en", "He also said the vote was fair.", "[Putin] also said the vote was fair.", "none", ""},
		{"lead: Now we", "en", "Now we know the vote was fair.", "[The auditors] know the vote was fair.", "none", ""},
		{"lead: subject after adverb swap", "en", "Russia, the report said, spread false claims.", "[Iran] spread false claims.", "error", ""},
		// ---------- Spanish ----------
		{"es sin embargo dropped", "es", "Rusia intentó sin embargo influir en las elecciones.", "Rusia intentó ... influir en las elecciones.", "warning", "accepted: a mid-phrase gap warns"},
		{"es sin éxito trailing", "es", "Rusia intentó influir en las elecciones sin éxito.", "Rusia intentó influir en las elecciones ...", "error", "accepted: \"sin\" right after a quote counts, as \"without\" does"},
		{"es del -> de", "es", "La decisión del presidente fue criticada por la oposición.", "La decisión [de Sánchez] fue criticada", "none", "contracted determiner"},
		{"es al -> a", "es", "El ministro acusó al presidente de mentir.", "El ministro acusó [a Sánchez] de mentir.", "none", "contracted determiner"},
		{"es pro-drop insert", "es", "En una entrevista, dijo que la economía crecerá.", "[Sánchez] dijo que la economía crecerá.", "none", ""},
		{"es pro-drop sentence start", "es", "La economía crecerá. Dijo que no habrá recortes.", "[Sánchez] dijo que no habrá recortes.", "notfound", "case is significant: write [d]ijo"},
		{"es no dropped", "es", "El Gobierno no aprobó la reforma.", "El Gobierno ... aprobó la reforma.", "error", ""},
		{"es era->es", "es", "La situación era grave, dijo el ministro.", "La situación [es] grave", "none", "debatable tense change"},
		{"es ellos -> names", "es", "Ellos negaron cualquier injerencia.", "[Rusia e Irán] negaron cualquier injerencia.", "none", ""},
		{"es número cambiado", "es", "Murieron 17 personas en el ataque.", "Murieron [70] personas", "error", ""},
		// ---------- French ----------
		{"fr sans doute dropped", "fr", "La Russie a sans doute tenté d'influencer le scrutin.", "La Russie a ... tenté d'influencer le scrutin.", "warning", "sans doute = probably (hedge), not negation"},
		{"fr n'a jamais dropped", "fr", "Elle n'a jamais nié les faits.", "Elle ... nié les faits.", "error", ""},
		{"fr au -> à", "fr", "Le ministre a répondu au président mardi.", "Le ministre a répondu [à Macron] mardi.", "none", ""},
		{"fr ils -> names", "fr", "Ils ont nié toute ingérence.", "[La Russie et l'Iran] ont nié toute ingérence.", "none", ""},
		{"fr l'agence", "fr", "Selon l'agence, les chiffres sont exacts.", "Selon [l'Insee], les chiffres sont exacts.", "none", ""},
		{"fr ne...plus dropped", "fr", "La Russie ne mène plus d'opérations en France.", "La Russie ... mène plus d'opérations en France.", "error", ""},
		// ---------- German ----------
		{"de nicht nur dropped", "de", "Russland hat nicht nur Desinformation verbreitet, sondern auch Wahlsysteme angegriffen.", "Russland hat ... Desinformation verbreitet", "warning", "accepted: a mid-phrase gap warns"},
		{"de keine dropped", "de", "Die Behörde fand keine Hinweise auf Manipulation.", "Die Behörde fand ... Hinweise auf Manipulation.", "error", ""},
		{"de kein glued", "de", "Es gab einen Hinweis auf Manipulation.", "Es gab [k]einen Hinweis", "error", ""},
		{"de er -> name", "de", "Er sagte, die Wahl sei fair gewesen.", "[Scholz] sagte, die Wahl sei fair gewesen.", "none", ""},
		{"de seinen -> name's", "de", "Der Kanzler verteidigte seinen Plan im Bundestag.", "Der Kanzler verteidigte [Scholz' Plan] im Bundestag.", "none", "possessive seinen"},
		{"de im Vorjahr -> 2022", "de", "Die Zahl stieg im Vorjahr um 5 Prozent.", "Die Zahl stieg [2022] um 5 Prozent.", "none", "debatable time clarification"},
		// ---------- Portuguese ----------
		{"pt não dropped", "pt", "O presidente não disse que a eleição foi fraudada.", "O presidente ... disse que a eleição foi fraudada.", "error", ""},
		{"pt do -> de", "pt", "A decisão do ministro foi criticada.", "A decisão [de Haddad] foi criticada.", "none", "contracted determiner"},
		{"pt ele -> name", "pt", "Ele negou as acusações.", "[Lula] negou as acusações.", "none", ""},
		{"pt sem dúvida", "pt", "A Rússia tentou sem dúvida influenciar a eleição.", "A Rússia tentou ... influenciar a eleição.", "warning", "sem dúvida = undoubtedly"},
		{"pt não leading edge framing", "pt", "Não há provas de que a Rússia alterou votos.", "... a Rússia alterou votos.", "error", ""},
	}
	for _, c := range cases {
		m, ok := NewSource(c.src).Match(c.quote, RulesFor(c.lang, nil))
		got := "none"
		var msgs []string
		for _, f := range m.Findings {
			if f.Warning {
				if got == "none" {
					got = "warning"
				}
			} else {
				got = "error"
			}
			msgs = append(msgs, f.Message)
		}
		if !ok {
			got = "notfound"
		}
		if got != c.want && !(c.want == "error-or-notfound" && (got == "error" || got == "notfound")) {
			t.Errorf("%s [%s]: %q: %s, want %s (%s)\n%s", c.name, c.lang, c.quote, got, c.want, c.note, strings.Join(msgs, "\n"))
		}
	}
}
