package search_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"

	"factcheck/generator/internal/search"
	"factcheck/generator/internal/site"
)

// searchFiles is a built index: output path → content.
type searchFiles map[string][]byte

// links are the listing URLs of a site published at /.
var links = search.Links{Claims: "/claims/", Ratings: "/ratings/", Claimants: "/claimants/"}

// buildSearch loads a site from fsys and builds its index.
func buildSearch(t testing.TB, fsys fstest.MapFS) (*site.Site, searchFiles) {
	t.Helper()
	s, diags := site.Load(fsys, site.Options{})
	if diags.Errors() > 0 {
		t.Fatalf("site has errors: %v", diags)
	}
	files := searchFiles{}
	for _, f := range search.Index(s, links, nil) {
		if f.Make != nil {
			f.Data = f.Make()
		}
		if !strings.HasPrefix(f.Path, "search/") {
			t.Errorf("the index has %s, outside search/", f.Path)
		}
		if _, dup := files[f.Path]; dup {
			t.Errorf("the index has %s twice", f.Path)
		}
		if !json.Valid(f.Data) {
			t.Errorf("%s is not valid JSON: %.200s", f.Path, f.Data)
		}
		files[f.Path] = f.Data
	}
	return s, files
}

type searchManifest struct {
	V   string          `json:"v"`
	N   int             `json:"n"`
	Per int             `json:"per"`
	A   int             `json:"a"`
	T   []string        `json:"t"`
	R   [][]any         `json:"r"`
	U   json.RawMessage `json:"u"`
}

// queryResult is what one search finds and what it loads.
type queryResult struct {
	hits   []int    // the claims found (indexes in s.Claims), best first
	weak   []int    // those shown that load their analysis, for a snippet
	loaded []string // files read, in order, each once
	bytes  int      // their total size
}

// query runs a search the way static/assets/search.js does, showing the
// first show results, and records which files it needs.
func (f searchFiles) query(t testing.TB, q string, picked map[string]string, show int) queryResult {
	t.Helper()
	var res queryResult
	seen := map[string]bool{}
	load := func(p string, v any) {
		b, ok := f["search/"+p]
		if !ok {
			t.Fatalf("query %q: the browser would ask for search/%s, which is not written", q, p)
		}
		if !seen[p] {
			seen[p] = true
			res.loaded = append(res.loaded, p)
			res.bytes += len(b)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("search/%s: %v", p, err)
		}
	}
	var m searchManifest
	load("index.json", &m)

	ws := tokens(q)
	var uniq []string
	for _, w := range ws {
		if !slices.Contains(uniq, w) {
			uniq = append(uniq, w)
		}
	}
	last := ""
	if len(uniq) > 0 {
		last = uniq[len(uniq)-1]
	}
	r, _ := utf8.DecodeLastRuneInString(q)
	c, _ := utf8.DecodeRuneInString(last)
	prefix := last != "" && !unicode.IsSpace(r) && (utf8.RuneCountInString(last) > 1 || search.IsCJK(c)) && ws[len(ws)-1] == last

	var sets [][]byte
	for _, w := range uniq {
		isPrefix := prefix && w == last
		mark := make([]byte, m.N)
		lo, _ := slices.BinarySearchFunc(m.T, w, func(b, w string) int {
			if b <= w {
				return -1
			}
			return 1
		})
		chunks := []int{lo}
		if isPrefix {
			for i := lo; i < len(m.T) && strings.HasPrefix(m.T[i], w); i++ {
				chunks = append(chunks, i+1)
			}
		}
		for _, c := range chunks {
			var chunk []json.RawMessage
			load(fmt.Sprintf("t/%d.json", c), &chunk)
			for i := 0; i+1 < len(chunk); i += 2 {
				var term string
				json.Unmarshal(chunk[i], &term)
				if term != w && !(isPrefix && strings.HasPrefix(term, w)) {
					continue
				}
				var all, strong string
				var arr []string
				if json.Unmarshal(chunk[i+1], &all) != nil {
					if err := json.Unmarshal(chunk[i+1], &arr); err != nil || len(arr) == 0 {
						t.Fatalf("postings of %q: %s", term, chunk[i+1])
					}
					all, strong = arr[0], arr[0]
					if len(arr) > 1 {
						strong = arr[1]
					}
				}
				for _, n := range mustDecode(t, all) {
					mark[n] = max(mark[n], 1)
				}
				for _, n := range mustDecode(t, strong) {
					mark[n] = 2
				}
			}
		}
		sets = append(sets, mark)
	}
	for _, k := range []string{"rating", "topic", "claimant"} {
		id, ok := picked[k]
		if !ok {
			continue
		}
		var p string
		load(k+"/"+id+".json", &p)
		mark := make([]byte, m.N)
		for _, n := range mustDecode(t, p) {
			mark[n] = 1
		}
		sets = append(sets, mark)
	}
	if len(sets) == 0 {
		return res
	}
	// The index numbers claims from the oldest; hits are indexes in the
	// site's order, newest first (s.Claims[h]), best first and then
	// newest first, as the browser lists them.
	buckets := make([][]int, len(uniq)+1)
	scores := map[int]int{}
next:
	for i := m.N - 1; i >= 0; i-- {
		score := 0
		for _, s := range sets {
			if s[i] == 0 {
				continue next
			}
			if s[i] == 2 {
				score++
			}
		}
		buckets[score] = append(buckets[score], m.N-1-i)
		scores[m.N-1-i] = score
	}
	for s := len(buckets) - 1; s >= 0; s-- {
		res.hits = append(res.hits, buckets[s]...)
	}
	for _, h := range res.hits[:min(show, len(res.hits))] {
		n := m.N - 1 - h
		var recs []json.RawMessage
		load(fmt.Sprintf("m/%d.json", n/m.Per), &recs)
		if n%m.Per >= len(recs) {
			t.Fatalf("claim %d is not in m/%d.json", n, n/m.Per)
		}
		// A word in the analysis alone: its snippet comes from there.
		if scores[h] < len(uniq) {
			var texts []string
			load(fmt.Sprintf("a/%d.json", n/m.A), &texts)
			if n%m.A >= len(texts) {
				t.Fatalf("claim %d is not in a/%d.json", n, n/m.A)
			}
			res.weak = append(res.weak, h)
		}
	}
	return res
}

// analysis returns the analysis of s.Claims[h] as its chunk holds it.
func (f searchFiles) analysis(t testing.TB, h int) string {
	t.Helper()
	var m searchManifest
	json.Unmarshal(f["search/index.json"], &m)
	p := m.N - 1 - h // its number in the index
	var texts []string
	if err := json.Unmarshal(f[fmt.Sprintf("search/a/%d.json", p/m.A)], &texts); err != nil || p%m.A >= len(texts) {
		t.Fatalf("claim %d is not in search/a/%d.json: %v", p, p/m.A, err)
	}
	return texts[p%m.A]
}

func mustDecode(t testing.TB, s string) []int {
	t.Helper()
	ns, err := search.DecodePostings(s)
	if err != nil {
		t.Fatalf("postings %q: %v", s, err)
	}
	return ns
}

// tokens returns the words of s, as the index stores them.
func tokens(s string) []string {
	var out []string
	search.Scan(s, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

// tinySite is a site of three claims with what each field holds known.
func tinySite() fstest.MapFS {
	claim := func(claim, claimant, rating, summary, published, topics, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nclaim: " + claim + "\nclaimant: " + claimant +
			"\nclaim_date: 2020-01-01\nrating: " + rating + "\nsummary: " + summary +
			"\npublished: " + published + "\ntopics: [" + topics + "]\n---\n" + body + "\n")}
	}
	oldDam := claim("The dam cost twice its budget.", "Jane Doe", "false",
		"It cost what was planned.", "2021-01-01", "Dams, Budget", "The **ministry** audit says otherwise.")
	oldDam.Data = append([]byte("---\nshort: Reservoir overspent"), oldDam.Data[3:]...)
	return fstest.MapFS{
		"content/site.yaml":           {Data: []byte("title: T\n")},
		"content/claims/a/old-dam.md": oldDam,
		"content/claims/mid-elysee.md": claim("L'Élysée a signé le traité.", "Émile Zola", "accurate",
			"Le traité est signé.", "2022-01-01", "Treaties", "Voir le compte rendu du ministère. The budget is unrelated."),
		"content/claims/new-budget.md": claim("The budget doubled.", "Jane Doe", "misleading",
			"Nominally, not in real terms.", "2023-01-01", "Budget", "Inflation <b>matters</b>. See [[old-dam]]."),
	}
}

func TestSearchIndexTiny(t *testing.T) {
	s, files := buildSearch(t, tinySite())
	if len(s.Claims) != 3 || s.Claims[0].ID != "new-budget" || s.Claims[2].ID != "old-dam" {
		t.Fatalf("claims are not newest first: %v", s.Claims)
	}
	var m searchManifest
	if err := json.Unmarshal(files["search/index.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.N != 3 || m.Per < 1 || m.V == "" || len(m.R) != 5 {
		t.Errorf("manifest = %s", files["search/index.json"])
	}
	if got := string(m.U); got != `{"c":"/claims/","r":"/ratings/","p":"/claimants/"}` {
		t.Errorf("manifest URLs = %s", got)
	}
	for _, p := range []string{"search/t/0.json", "search/m/0.json", "search/rating/false.json", "search/rating/accurate.json",
		"search/topic/budget.json", "search/topic/dams.json", "search/claimant/jane-doe.json", "search/claimant/émile-zola.json"} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s is missing; have %v", p, slices.Sorted(maps.Keys(files)))
		}
	}
	// Every term is in the chunk the manifest says.
	terms := map[string]string{}
	for p, b := range files {
		var n int
		if _, err := fmt.Sscanf(p, "search/t/%d.json", &n); err != nil {
			continue
		}
		var chunk []json.RawMessage
		json.Unmarshal(b, &chunk)
		for i := 0; i < len(chunk); i += 2 {
			var term string
			json.Unmarshal(chunk[i], &term)
			terms[term] = string(chunk[i+1])
		}
	}
	for term, want := range map[string]string{
		"budget":    "",       // below
		"ministry":  `"A"`,    // only in the analysis of old-dam (0, the oldest)
		"elysee":    `["B"]`,  // in the claim of mid-elysee (1), diacritics folded
		"jane":      `["AB"]`, // claimant of 0 and 2
		"matters":   `"C"`,    // analysis of new-budget (2); raw HTML markup is not text
		"dams":      `["A"]`,  // topic of old-dam
		"reservoir": `["A"]`,  // short form of old-dam
	} {
		got, ok := terms[term]
		if !ok {
			t.Errorf("term %q is not indexed", term)
			continue
		}
		if term == "budget" {
			// In all three; strong in new-budget (2) and old-dam (0), not
			// in mid-elysee (1), where it is only in the analysis.
			want = `["` + search.EncodePostings([]int{0, 1, 2}) + `","` + search.EncodePostings([]int{0, 2}) + `"]`
		}
		if got != want {
			t.Errorf("postings of %q = %s, want %s", term, got, want)
		}
	}
	for _, bad := range []string{"b", "old", "dam-", "**ministry**", "élysée", "L"} {
		if _, ok := terms[bad]; ok {
			t.Errorf("term %q should not be indexed", bad)
		}
	}

	// Metadata: a record per claim, the oldest first.
	var recs [][]any
	for n := 0; n*m.Per < 3; n++ {
		var chunk [][]any
		json.Unmarshal(files[fmt.Sprintf("search/m/%d.json", n)], &chunk)
		recs = append(recs, chunk...)
	}
	want := `[["old-dam","The dam cost twice its budget.",4,"Jane Doe","jane-doe",["Dams","Budget"],"2021-01-01","2020-01-01","It cost what was planned.","Reservoir overspent"],` +
		`["mid-elysee","L'Élysée a signé le traité.",0,"Émile Zola","émile-zola",["Treaties"],"2022-01-01","2020-01-01","Le traité est signé.",""],` +
		`["new-budget","The budget doubled.",2,"Jane Doe","jane-doe",["Budget"],"2023-01-01","2020-01-01","Nominally, not in real terms.",""]]`
	if got, _ := json.Marshal(recs); string(got) != want {
		t.Errorf("metadata =\n%s\nwant\n%s", got, want)
	}
	// Analyses: their plain text, one line each, in chunks counted from
	// the oldest claim.
	if m.A < 1 || m.A&(m.A-1) != 0 {
		t.Errorf("claims per analysis chunk = %d, want a power of two", m.A)
	}
	var analyses []string
	for k := 0; k*m.A < 3; k++ {
		var chunk []string
		if err := json.Unmarshal(files[fmt.Sprintf("search/a/%d.json", k)], &chunk); err != nil {
			t.Fatalf("search/a/%d.json: %v", k, err)
		}
		if len(chunk) != min(m.A, 3-k*m.A) {
			t.Errorf("search/a/%d.json holds %d analyses", k, len(chunk))
		}
		analyses = append(analyses, chunk...)
	}
	if want := []string{"The ministry audit says otherwise.",
		"Voir le compte rendu du ministère. The budget is unrelated.",
		"Inflation matters. See ."}; !slices.Equal(analyses, want) { // a cross-link's label is not text
		t.Errorf("analyses, oldest first = %q, want %q", analyses, want)
	}
	if got := string(files["search/topic/budget.json"]); got != `"`+search.EncodePostings([]int{0, 2})+`"` {
		t.Errorf("topic/budget.json = %s", got)
	}

	// Queries, as the browser runs them.
	for _, tc := range []struct {
		q      string
		picked map[string]string
		want   []int
	}{
		{"budget", nil, []int{0, 2, 1}}, // strong hits first, then the analysis hit
		{"budget ", nil, []int{0, 2, 1}},
		{"bud", nil, []int{0, 2, 1}}, // a prefix as you type
		{"bud ", nil, nil},           // a finished word is exact
		{"dam budget", nil, []int{2}},
		{"ELYSÉE", nil, []int{1}},
		{"elysee traite", nil, []int{1}},
		{"minist", nil, []int{1, 2}},
		{"jane", map[string]string{"rating": "false"}, []int{2}},
		{"", map[string]string{"topic": "budget"}, []int{0, 2}},
		{"", map[string]string{"claimant": "jane-doe", "rating": "misleading"}, []int{0}},
		{"zola", map[string]string{"claimant": "jane-doe"}, nil},
		{"nothing-like-this", nil, nil},
	} {
		got := files.query(t, tc.q, tc.picked, 20).hits
		if !slices.Equal(got, tc.want) {
			t.Errorf("search %q %v = %v, want %v", tc.q, tc.picked, got, tc.want)
		}
	}

	// The analyses a search loads: only those of results with a word of
	// the query in their analysis alone.
	for q, want := range map[string]bool{"ministry": true, "budget": true, "jane": false, "reservoir budget": false} {
		res := files.query(t, q, nil, 20)
		if got := slices.ContainsFunc(res.loaded, func(p string) bool { return strings.HasPrefix(p, "a/") }); got != want {
			t.Errorf("search %q loads %v: analyses loaded %v, want %v", q, res.loaded, got, want)
		}
	}
}

// TestAnalysisChunks checks the claims per chunk chosen for sizes of
// site, and that a new claim, the newest, changes only the last analysis
// and metadata chunks, as the index numbers claims from the oldest.
func TestAnalysisChunks(t *testing.T) {
	for _, tc := range []struct{ n, avg, want int }{
		{0, 0, 16},
		{3, 50, 16},        // short analyses: the most
		{10000, 1560, 2},   // 3 kB chunks
		{10000, 1024, 4},   // 4 kB exactly
		{10000, 1025, 2},   // over 4 kB at 4
		{100, 2048, 2},     // 4 kB
		{100, 2049, 1},     // a claim a chunk
		{100, 12 << 10, 1}, // at the cap
		{1, 100 << 10, 1},  // never fewer than one
		{100000, 200, 16},  // under 4 kB at 16: capped
		{100000, 256, 16},  // 4 kB
		{100000, 257, 8},   // 2 kB
		{100000, 512, 8},   // 4 kB
	} {
		if got := search.ChunkPer(tc.n, tc.n*tc.avg, 4<<10, 16); got != tc.want {
			t.Errorf("chunkPer(%d claims of %d bytes, 4 kB, up to 16) = %d, want %d", tc.n, tc.avg, got, tc.want)
		}
	}

	fsys := fstest.MapFS{"content/site.yaml": {Data: []byte("title: T\n")}}
	add := func(i int) {
		fsys[fmt.Sprintf("content/claims/c%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\nclaim: Claim %d.\nclaimant: Someone\nclaim_date: 2020-01-01\nrating: false\nsummary: No.\n"+
				"published: %s\n---\nThe analysis of claim %d.\n", i, time.Date(2020, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), i))}
	}
	for i := range 40 {
		add(i)
	}
	_, before := buildSearch(t, fsys)
	add(40)
	_, after := buildSearch(t, fsys)
	var m searchManifest
	json.Unmarshal(after["search/index.json"], &m)
	if m.A != 16 {
		t.Fatalf("claims per analysis chunk = %d, want 16", m.A)
	}
	for k := range 3 {
		p := fmt.Sprintf("search/a/%d.json", k)
		if changed := !bytes.Equal(before[p], after[p]); changed != (k == 2) {
			t.Errorf("%s changed: %v, want only the last chunk changed\n%s\n%s", p, changed, before[p], after[p])
		}
	}
	var last []string
	json.Unmarshal(after["search/a/2.json"], &last)
	if len(last) != 9 || last[0] != "The analysis of claim 32." || last[8] != "The analysis of claim 40." {
		t.Errorf("last chunk = %q, want claims 32 to 40, oldest first", last)
	}
	if _, ok := after["search/a/3.json"]; ok {
		t.Errorf("search/a/3.json is written for 41 claims at 16 a chunk")
	}
	// The metadata chunks count claims from the oldest too: all but the
	// last are as they were.
	lastMeta := 40 / m.Per // of the newest claim, number 40
	if m.Per < 2 || lastMeta < 1 {
		t.Fatalf("claims per metadata chunk = %d, want a few chunks", m.Per)
	}
	for k := 0; k <= lastMeta; k++ {
		p := fmt.Sprintf("search/m/%d.json", k)
		if changed := !bytes.Equal(before[p], after[p]); changed != (k == lastMeta) {
			t.Errorf("%s changed: %v, want only the last chunk, m/%d.json, changed", p, changed, lastMeta)
		}
	}
}

// TestAnalysisChunkKeys checks that an analysis chunk's Key names what it
// is made of: an edit to one claim's analysis changes the Key and the
// bytes of its chunk alone, and the manifest's version with them.
func TestAnalysisChunkKeys(t *testing.T) {
	fsys := fstest.MapFS{"content/site.yaml": {Data: []byte("title: T\n")}}
	claim := func(i int, analysis string) {
		fsys[fmt.Sprintf("content/claims/c%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\nclaim: Claim %d.\nclaimant: Someone\nclaim_date: 2020-01-01\nrating: false\nsummary: No.\n"+
				"published: %s\n---\n%s\n", i, time.Date(2020, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), analysis))}
	}
	for i := range 40 {
		claim(i, fmt.Sprintf("The analysis of claim %d.", i))
	}
	type built struct{ keys, data map[string]string }
	build := func(o search.Links) built {
		s, diags := site.Load(fsys, site.Options{})
		if diags.Errors() > 0 {
			t.Fatalf("site has errors: %v", diags)
		}
		b := built{map[string]string{}, map[string]string{}}
		for _, f := range search.Index(s, o, nil) {
			lazy := strings.HasPrefix(f.Path, "search/a/")
			if (f.Make != nil) != lazy || (f.Key != "") != lazy || (f.Data == nil) != lazy {
				t.Fatalf("%s: Key %q, Make set %v, Data set %v: want Key and Make on analysis chunks alone, Data on the others",
					f.Path, f.Key, f.Make != nil, f.Data != nil)
			}
			if lazy {
				b.keys[f.Path] = f.Key
				f.Data = f.Make()
			}
			b.data[f.Path] = string(f.Data)
		}
		return b
	}
	// changed is the analysis chunks whose Key, and those whose bytes,
	// differ in a and b.
	changed := func(a, b built) (keys, data []string) {
		for p, k := range a.keys {
			if k != b.keys[p] {
				keys = append(keys, p)
			}
			if a.data[p] != b.data[p] {
				data = append(data, p)
			}
		}
		slices.Sort(keys)
		slices.Sort(data)
		return keys, data
	}
	before := build(links)
	if len(before.keys) != 3 {
		t.Fatalf("analysis chunks = %v, want 3 of 16 claims", before.keys)
	}
	claim(5, "The analysis of claim 5, edited.") // the oldest first: chunk 0
	after := build(links)
	if keys, data := changed(before, after); !slices.Equal(keys, []string{"search/a/0.json"}) || !slices.Equal(data, keys) {
		t.Errorf("after an edit to claim 5, chunks of another Key %v, of other bytes %v; want search/a/0.json", keys, data)
	}
	if before.data["search/index.json"] == after.data["search/index.json"] {
		t.Errorf("the manifest's version did not change with an analysis")
	}
}
