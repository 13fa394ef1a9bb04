package search_test

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// tokenizerInputs are texts in several scripts, each with what makes
// splitting it hard.
var tokenizerInputs = []string{
	"L’Élysée a signé le TRAITÉ, naïve café",
	"Tomás Quiroga Ærø Straße İstanbul e\u0301te\u0301 ﬁnance",
	"Ο ΟΔΥΣΣΕΥΣ έφυγε· σοφός ΣΟΦΟΣ",
	"Путин заявил: «нет».",
	"الانتخـــابات الرئاسيّة ٢٠٢٠",
	"2020年的选举被推迟了。地方选举",
	"东京 選挙、延期",
	"東京都のCOVID-19対策とコーヒー、ｺｰﾋｰ",
	"がっこう カタカナ ひらがな 々",
	"한국어 뉴스 2024",
	"digits 1,000.5 ２０２０ ½ Ⅻ ١٢٣ ४५",
	"  --  “quoted” — x",
	"",
}

// TestTokenizerGoJS runs search.js's tokenizer in Chromium on texts in
// several scripts, and on random texts made of hard pieces, and compares
// its words with the Go tokenizer's: the index and the queries must be
// split the same way. It also checks that the place scan gives each word
// in the text holds that word.
func TestTokenizerGoJS(t *testing.T) {
	ctx := headlessBrowser(t)
	s, files := buildSearch(t, tinySite())
	srv := serveSearch(t, s, files)

	inputs := slices.Clone(tokenizerInputs)
	pieces := []string{" ", "a", "Z", "9", "-", "’", "“", "—", "é", "e\u0301", "\u0301", "\u0327\u0323",
		"ﬁ", "½", "Ⅻ", "ǅ", "ς", "Σ", "й", "한", "\u1100\u1161", "東", "京", "都", "カ", "ｶ", "ー", "ｰ", "が", "\u3099",
		"、", "ـ", "ب", "ّ", "٣", "İ", "ß", "𝐀", "\u00a0", "\ufdfa"}
	r := rand.New(rand.NewPCG(20, 5))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		inputs = append(inputs, b.String())
	}
	arg, err := json.Marshal(inputs)
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		Words [][]string
		Bad   []string // words whose place in the text does not hold them
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv+"/search/")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Poll[result](`window.factcheckSearch && (() => {
		const {scan, words} = window.factcheckSearch;
		const texts = `+string(arg)+`;
		const bad = [];
		for (const s of texts) for (const [w, from, to] of scan(s)) {
			if (!words(s.slice(from, to)).includes(w)) bad.push(JSON.stringify([s, w, from, to]));
		}
		return {Words: texts.map(words), Bad: bad};
	})()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Words) != len(inputs) {
		t.Fatalf("search.js split %d texts, want %d", len(got.Words), len(inputs))
	}
	fails := 0
	for i, in := range inputs {
		want := tokens(in)
		if !slices.Equal(got.Words[i], want) && !(len(got.Words[i]) == 0 && len(want) == 0) {
			t.Errorf("%q: search.js %q, Go %q", in, got.Words[i], want)
			if fails++; fails > 10 {
				t.Fatal("too many differences")
			}
		}
	}
	for _, b := range got.Bad {
		t.Errorf("scan places a word where the text does not hold it: %s", b)
	}
	// The table is what the test is about: make sure it splits as meant.
	for in, want := range map[string][]string{
		tokenizerInputs[5]: {"2020", "年的", "的选", "选举", "举被", "被推", "推迟", "迟了", "地方", "方选", "选举"},
		tokenizerInputs[4]: {"الانتخابات", "الرياسية", "٢٠٢٠"}, // tatweel dropped, hamza folded as an accent
		tokenizerInputs[2]: {"ο", "οδυσσευσ", "εφυγε", "σοφοσ", "σοφοσ"},
	} {
		if got := tokens(in); !slices.Equal(got, want) {
			t.Errorf("Go splits %q as %q, want %q", in, got, want)
		}
	}
}

// TestChineseSearchInBrowser types a Chinese query on the search page of
// a Chinese site: the claim holding its characters side by side is
// found, with them marked; the claim holding the same characters apart is
// not, nor is a claim without them.
func TestChineseSearchInBrowser(t *testing.T) {
	ctx := headlessBrowser(t)
	claim := func(claim, summary, published string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nclaim: " + claim + "\nclaimant: 社交媒体帖子\nclaim_date: 2024-01-01\nrating: false\nsummary: " +
			summary + "\npublished: " + published + "\n---\n分析。\n")}
	}
	s, files := buildSearch(t, fstest.MapFS{
		"content/site.yaml": {Data: []byte("title: 事实核查\nlanguage: zh\n")},
		// 地方选举 side by side.
		"content/claims/adjacent.md": claim("地方选举被推迟到明年。", "没有推迟。", "2024-03-01"),
		// 地, 方, 选 and 举, but 选举 nowhere.
		"content/claims/apart.md": claim("地方选民举报了投票站的问题。", "投诉已处理。", "2024-02-01"),
		"content/claims/other.md": claim("疫苗是安全的。", "是的。", "2024-01-15"),
	})
	srv := serveSearch(t, s, files)
	const q = "地方选举"
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv+"/search/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.Click(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), q),
	); err != nil {
		t.Fatal(err)
	}
	type shown struct {
		Status string
		Hrefs  []string
		Marks  []string
	}
	// The status names the whole query once its search has ended.
	got, err := chromedp.Run(ctx, chromedp.Poll[shown](`(() => {
		const status = document.getElementById("search-status").textContent;
		return new URLSearchParams(location.search).get("q") === `+"`"+q+"`"+` && status.includes(`+"`"+q+"`"+`) && {
			Status: status,
			Hrefs: [...document.querySelectorAll("#search-results .card-claim a")].map(a => a.getAttribute("href")),
			Marks: [...document.querySelectorAll("#search-results .card-claim mark")].map(m => m.textContent),
		};
	})()`, chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil {
		t.Fatalf("searching %s: %v", q, err)
	}
	t.Logf("status %q", got.Status)
	if !slices.Equal(got.Hrefs, []string{"/claims/adjacent/"}) {
		t.Errorf("%s finds %q, want only /claims/adjacent/", q, got.Hrefs)
	}
	if !slices.Equal(got.Marks, []string{q}) {
		t.Errorf("marked in the claim: %q, want %q as one mark", got.Marks, q)
	}
	if lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); err != nil || lang != "zh" {
		t.Errorf("page language %q (%v), want zh", lang, err)
	}
}
