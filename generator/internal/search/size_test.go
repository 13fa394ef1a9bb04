package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"factcheck/generator/internal/race"
	"factcheck/generator/internal/render"
	"factcheck/generator/internal/search"
	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

// budgetBytes is what one search may load on a 10,000-claim site. SPEC.md
// asks for well under 300 kB; the index aims at half of that.
const budgetBytes = 150_000

// TestSearchBytes10000 builds the index of a generated 10,000-claim site
// (synthClaims: fewer under the race detector) and measures what one
// search loads: the manifest, the term chunks of its
// words, the filters it uses and the metadata of the first 20 results.
func TestSearchBytes10000(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-claim site")
	}
	s, files := synthSite(t)
	start := time.Now()
	search.Index(s, links, nil)
	t.Logf("index of %d claims built in %v", len(s.Claims), time.Since(start).Round(time.Millisecond))
	total, gz := 0, 0
	counts := map[string]int{}
	for p, b := range files {
		total += len(b)
		counts[strings.SplitN(strings.TrimPrefix(p, "search/"), "/", 2)[0]]++
	}
	t.Logf("index: %d files, %d bytes in all; %d term chunks, %d metadata chunks, %d analysis chunks; manifest %d bytes",
		len(files), total, counts["t"], counts["m"], counts["a"], len(files["search/index.json"]))

	// Realistic queries, from the site's own words: the most common word
	// of claims, a word in only a few claims, two words, a claimant's name
	// being typed, a filter alone and a word with filters.
	common, rare := frequentAndRare(t, files)
	topic := s.Claims[0].Topics[0].ID
	claimant := s.Claims[0].Claimant
	queries := []struct {
		name   string
		q      string
		picked map[string]string
	}{
		{"common word", common, nil},
		{"rare word", rare, nil},
		{"two words", common + " " + rare, nil},
		{"two words of a claim", twoWords(s.Claims[len(s.Claims)/2].Claim), nil},
		{"prefix as typed", "bu", nil},
		{"claimant being typed", strings.ToLower(claimant.Name[:len(claimant.Name)-2]), nil},
		{"filter only", "", map[string]string{"rating": "false"}},
		{"topic and rating", "", map[string]string{"topic": topic, "rating": "misleading"}},
		{"word and filters", common, map[string]string{"topic": topic, "claimant": claimant.ID}},
	}
	for _, q := range queries {
		res := files.query(t, q.q, q.picked, 20)
		gz = 0
		for _, p := range res.loaded {
			gz += gzipSize(files["search/"+p])
		}
		t.Logf("%-22s %-28q %5d results, %2d files, %7d bytes (%6d gzipped)", q.name, q.q, len(res.hits), len(res.loaded), res.bytes, gz)
		if len(res.hits) == 0 {
			t.Errorf("%s: %q %v finds nothing", q.name, q.q, q.picked)
		}
		if res.bytes > budgetBytes {
			t.Errorf("%s: %q %v loads %d bytes (%v), want under %d", q.name, q.q, q.picked, res.bytes, res.loaded, budgetBytes)
		}
	}
	// The worst case for metadata: 20 results in 20 different chunks,
	// each with its snippet from its analysis (another 20 chunks).
	var m searchManifest
	json.Unmarshal(files["search/index.json"], &m)
	// Analyses are in chunks of m.A claims: no file per claim.
	if want := (m.N + m.A - 1) / max(m.A, 1); counts["a"] != want || m.A < 2 {
		t.Errorf("%d analysis chunks of %d claims each, want %d, and more than one claim a chunk", counts["a"], m.A, want)
	}
	worst, worstA := 0, 0
	for p, b := range files {
		if strings.HasPrefix(p, "search/m/") {
			worst = max(worst, len(b))
		}
		if strings.HasPrefix(p, "search/a/") {
			worstA = max(worstA, len(b))
		}
	}
	t.Logf("claims per metadata chunk: %d; largest chunk %d bytes; claims per analysis chunk: %d; largest %d bytes; 20 scattered results: at most %d bytes",
		m.Per, worst, m.A, worstA, 20*(worst+worstA))
	if 20*(worst+worstA)+len(files["search/index.json"]) > budgetBytes {
		t.Errorf("20 results from 20 metadata chunks and 20 analysis chunks could load %d bytes", 20*(worst+worstA))
	}
}

// frequentAndRare picks the word (of four letters or more) in the most
// claims and the one in the fewest.
func frequentAndRare(t *testing.T, files searchFiles) (common, rare string) {
	most, least := 0, 0
	for p, b := range files {
		if !strings.HasPrefix(p, "search/t/") {
			continue
		}
		var chunk []json.RawMessage
		json.Unmarshal(b, &chunk)
		for i := 0; i < len(chunk); i += 2 {
			var term, all string
			json.Unmarshal(chunk[i], &term)
			if json.Unmarshal(chunk[i+1], &all) != nil {
				var arr []string
				json.Unmarshal(chunk[i+1], &arr)
				all = arr[0]
			}
			if len(term) < 4 || strings.IndexFunc(term, func(c rune) bool { return c < 'a' || c > 'z' }) >= 0 {
				continue
			}
			n := len(mustDecode(t, all))
			if n > most || n == most && term < common {
				most, common = n, term
			}
			if least == 0 || n < least || n == least && term < rare {
				least, rare = n, term
			}
		}
	}
	t.Logf("most common word: %q in %d claims; rarest: %q in %d", common, most, rare, least)
	return common, rare
}

// twoWords returns the first two words of four letters or more of text.
func twoWords(text string) string {
	var ws []string
	for _, w := range tokens(text) {
		if len(w) >= 4 && len(ws) < 2 {
			ws = append(ws, w)
		}
	}
	return strings.Join(ws, " ")
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestSearchBytes10000InBrowser runs the same searches in Chromium, with the
// real search.js, on the 10,000-claim site, and checks that the browser
// finds what the Go model of the search finds, loading the same files.
func TestSearchBytes10000InBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-claim site")
	}
	ctx := headlessBrowser(t)
	s, files := synthSite(t)
	srv := serveSearch(t, s, files)
	topic := s.Claims[0].Topics[0].ID
	claimant := s.Claims[0].Claimant
	for _, q := range []struct {
		q      string
		picked map[string]string
	}{
		{"check", nil},
		{"holm", nil},
		{"check holm", nil}, // 20 analyses, most in chunks of their own
		{twoWords(s.Claims[len(s.Claims)/2].Claim), nil},
		{"bu", nil},
		{strings.ToLower(claimant.Name[:len(claimant.Name)-2]), nil},
		{"", map[string]string{"rating": "false"}},
		{"check", map[string]string{"topic": topic, "claimant": claimant.ID}},
	} {
		want := files.query(t, q.q, q.picked, 20)
		params := url.Values{}
		if q.q != "" {
			params.Set("q", q.q)
		}
		for k, v := range q.picked {
			params.Set(k, v)
		}
		if _, err := chromedp.Run(ctx, chromedp.Navigate(srv+"/search/?"+params.Encode())); err != nil {
			t.Fatal(err)
		}
		type loaded struct {
			Status string
			Hrefs  []string
			// The results with a snippet: link, text of the last one.
			Snippets [][2]string
			Files    [][2]any
		}
		got, err := chromedp.Run(ctx, chromedp.Poll[loaded](`document.getElementById("search-status").textContent && {
			Status: document.getElementById("search-status").textContent,
			Hrefs: [...document.querySelectorAll("#search-results .card-claim a")].map(a => a.getAttribute("href")),
			Snippets: [...document.querySelectorAll("#search-results li")].filter(li => li.querySelector(".card-snippet"))
				.map(li => [li.querySelector(".card-claim a").getAttribute("href"), [...li.querySelectorAll(".card-snippet")].at(-1).textContent]),
			Files: performance.getEntriesByType("resource").filter(e => e.name.includes("/search/"))
				.map(e => [new URL(e.name).pathname.slice("/search/".length), e.encodedBodySize]),
		}`, chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil {
			t.Fatalf("%q %v: %v", q.q, q.picked, err)
		}
		var wantHrefs []string
		for _, n := range want.hits[:min(20, len(want.hits))] {
			wantHrefs = append(wantHrefs, "/claims/"+s.Claims[n].ID+"/")
		}
		if !slices.Equal(got.Hrefs, wantHrefs) {
			t.Errorf("%q %v: the browser shows %v, want %v", q.q, q.picked, got.Hrefs, wantHrefs)
		}
		// Each result with a word in its analysis alone shows a snippet
		// of its own analysis, from its analysis chunk.
		snippets := map[string]string{}
		for _, sn := range got.Snippets {
			snippets[sn[0]] = sn[1]
		}
		for _, n := range want.weak {
			href := "/claims/" + s.Claims[n].ID + "/"
			sn, ok := snippets[href]
			if !ok {
				t.Errorf("%q %v: %s shows no snippet", q.q, q.picked, href)
				continue
			}
			if text := files.analysis(t, n); !strings.Contains(text, strings.Trim(sn, "…")) {
				t.Errorf("%q %v: the snippet of %s, %q, is not from its analysis %.200q…", q.q, q.picked, href, sn, text)
			}
		}
		size := 0
		var names []string
		for _, f := range got.Files {
			names = append(names, f[0].(string))
			size += int(f[1].(float64))
		}
		slices.Sort(names)
		wantNames := slices.Sorted(slices.Values(want.loaded))
		if !slices.Equal(names, wantNames) {
			t.Errorf("%q %v: the browser loads %v, want %v", q.q, q.picked, names, wantNames)
		}
		t.Logf("%-28q %v: %s %d bytes in %d files", q.q, q.picked, got.Status, size, len(names))
		if size > budgetBytes {
			t.Errorf("%q %v: the browser loads %d bytes", q.q, q.picked, size)
		}
	}

	// "More results" loads the next twenty and moves the focus to the
	// first of them.
	want := files.query(t, "check", nil, 40)
	var wantHrefs []string
	for _, n := range want.hits[20:40] {
		wantHrefs = append(wantHrefs, "/claims/"+s.Claims[n].ID+"/")
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv+"/search/?q=check"),
		chromedp.WaitVisible(chromedp.ID("search-more")),
		chromedp.Click(chromedp.ID("search-more")),
	); err != nil {
		t.Fatal(err)
	}
	type page struct {
		Hrefs   []string
		Focused string
	}
	got, err := chromedp.Run(ctx, chromedp.Poll[page](`document.querySelectorAll("#search-results li").length > 20 && {
		Hrefs: [...document.querySelectorAll("#search-results .card-claim a")].slice(20).map(a => a.getAttribute("href")),
		Focused: document.activeElement.getAttribute("href"),
	}`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Hrefs, wantHrefs) || got.Focused != wantHrefs[0] {
		t.Errorf("after More: results 21-40 %v, focus on %q; want %v", got.Hrefs, got.Focused, wantHrefs)
	}
}

var synthOnce struct {
	sync.Once
	s     *site.Site
	files searchFiles
}

// synthClaims is the size of the generated site: 10,000 claims, 2,000
// under the race detector, which makes loading them ten times slower.
var synthClaims = func() int {
	if race.Enabled {
		return 2000
	}
	return 10000
}()

// synthSite loads the generated site of synthClaims claims and builds its
// index, once for all the tests that use it.
func synthSite(t *testing.T) (*site.Site, searchFiles) {
	synthOnce.Do(func() {
		fsys := fstest.MapFS{}
		for name, b := range synth.Files(synthClaims, 1) {
			fsys[name] = &fstest.MapFile{Data: b}
		}
		synthOnce.s, synthOnce.files = buildSearch(t, fsys)
	})
	if synthOnce.s == nil {
		t.Fatal("the generated site did not load")
	}
	return synthOnce.s, synthOnce.files
}

// serveSearch serves the search page of a site, with its index and
// assets, at the root of a test server whose URL it returns.
func serveSearch(t *testing.T, s *site.Site, files searchFiles) string {
	t.Helper()
	tmpl, err := render.LoadTemplates(os.DirFS("../../../templates"), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for p, b := range files {
		out[p] = b
	}
	for _, j := range render.New(s, tmpl).Jobs() {
		if j.Path == "search/index.html" {
			if out[j.Path], err = j.Render(); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, a := range []string{"assets/search.js", "assets/style.css"} {
		if out[a], err = os.ReadFile("../../../static/" + a); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		if p == "search/" {
			p += "index.html"
		}
		b, ok := out[p]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, path.Base(p), time.Time{}, bytes.NewReader(b))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
