package search

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"factcheck/generator/internal/site"
)

const (
	// termChunkBytes is the size at which a term chunk is closed.
	termChunkBytes = 8 << 10
	// metaChunkBytes is the size a metadata chunk stays within on
	// average: the twenty results shown first may each be in a
	// different chunk.
	metaChunkBytes = 3 << 10
	// maxPerMetaChunk caps the claims of a metadata chunk.
	maxPerMetaChunk = 32
	// analysisChunkBytes is the size an analysis chunk stays within on
	// average: the twenty results shown may each need their own chunk
	// (for a word in a few hundred analyses alone), beside twenty
	// metadata chunks, and a phone loads them all; twenty chunks of 4 kB
	// keep such a search within the 150 kB that TestSearchBytes10000
	// allows one search.
	analysisChunkBytes = 4 << 10
	// maxPerAnalysisChunk caps the claims of an analysis chunk.
	maxPerAnalysisChunk = 16
	// maxAnalysisBytes caps an analysis in its chunk (cut at a space): a
	// snippet needs the words around a match, and one very long analysis
	// must not make a search slow. Words beyond it still find the claim.
	maxAnalysisBytes = 12 << 10
)

// File is one file of the index.
type File struct {
	Path string // below the output folder: "search/index.json", …
	Data []byte
	// Key, set on an analysis chunk instead of Data, names what the
	// chunk is made of: the ID and Digest of each of its claims. Make
	// makes it. The same program makes the same chunk of the same Key,
	// so a build that made it before need not make it again: an edit
	// makes one chunk, not all of them.
	Key  string
	Make func() []byte
}

// Links are the URLs of the listings that the browser links results to,
// relative to the search page.
type Links struct {
	Claims, Ratings, Claimants string
}

// postings are the claims that have a term: all of them, and those that
// have it in their claim, short form, claimant, topics or summary.
type postings struct {
	all, strong plist
}

// plist is a postings list being built: ascending claim numbers, kept as
// the VLQ list of gaps that the index may write as it is (a number takes
// one to four bytes instead of eight, which matters at 100,000 claims
// with a few hundred words each).
type plist struct {
	vlq  []byte
	last int // the last number added; -1 before the first
	n    int // how many
}

func newPlist() plist { return plist{last: -1} }

// add appends n, which is at least the last number added; a repeat of the
// last number is ignored.
func (l *plist) add(n int) {
	if n == l.last {
		return
	}
	v := n - l.last - 1
	l.last = n
	l.n++
	for v >= 32 {
		l.vlq = append(l.vlq, vlqDigits[32|v&31])
		v >>= 5
	}
	l.vlq = append(l.vlq, vlqDigits[v])
}

// join appends m's numbers plus off, which all come after l's: only m's
// first gap, counted from -1, changes.
func (l *plist) join(m plist, off int) {
	if m.last < 0 {
		return
	}
	first, i, shift := 0, 0, 0
	for ; ; i++ {
		d := vlqValue[m.vlq[i]]
		first |= (d & 31) << shift
		if d&32 == 0 {
			break
		}
		shift += 5
	}
	l.add(first + off)
	l.vlq = append(l.vlq, m.vlq[i+1:]...)
	l.last = m.last + off
	l.n += m.n - 1
}

// appendTo appends the list to b: the VLQ list of gaps, or "~" and a
// bitmap when that is shorter.
func (l *plist) appendTo(b []byte) []byte {
	if l.last < 0 {
		return b
	}
	n := l.last/8 + 1
	if 1+base64.RawURLEncoding.EncodedLen(n) >= len(l.vlq) {
		return append(b, l.vlq...)
	}
	bits := make([]byte, n)
	eachNumber(l.vlq, func(k int) { bits[k/8] |= 1 << (k % 8) })
	b = append(b, '~')
	return base64.RawURLEncoding.AppendEncode(b, bits)
}

// Index builds every file of the index of s. The manifest comes first.
//
// With a cache (not nil), the term index tokenizes only the claims of
// the blocks it does not have (see blockClaims).
func Index(s *site.Site, links Links, cache *Cache) []File {
	// Claims are numbered from the oldest (s.Claims is newest first), so
	// that a new claim, the newest, takes the next number and leaves the
	// others' as they were: a rebuild rewrites only the chunks it is in.
	claims := slices.Clone(s.Claims)
	slices.Reverse(claims)
	terms := indexTerms(claims, cache)

	var files []File
	// Term chunks.
	keys := make([]string, 0, len(terms))
	for t := range terms {
		keys = append(keys, t)
	}
	slices.Sort(keys)
	var bounds []string
	var chunk bytes.Buffer
	closeChunk := func() {
		chunk.WriteByte(']')
		files = append(files, File{Path: "search/t/" + strconv.Itoa(len(files)) + ".json", Data: bytes.Clone(chunk.Bytes())})
		chunk.Reset()
	}
	for _, t := range keys {
		if chunk.Len() >= termChunkBytes {
			closeChunk()
			bounds = append(bounds, t)
		}
		if chunk.Len() == 0 {
			chunk.WriteByte('[')
		} else {
			chunk.WriteByte(',')
		}
		p := terms[t]
		delete(terms, t) // its lists are garbage once written
		chunk.Write(jsonString(t))
		chunk.WriteByte(',')
		switch {
		case p.strong.last < 0:
			chunk.WriteByte('"')
			chunk.Write(p.all.appendTo(chunk.AvailableBuffer()))
			chunk.WriteByte('"')
		case p.strong.n == p.all.n: // the same claims: strong is a subset of all
			chunk.WriteString(`["`)
			chunk.Write(p.all.appendTo(chunk.AvailableBuffer()))
			chunk.WriteString(`"]`)
		default:
			chunk.WriteString(`["`)
			chunk.Write(p.all.appendTo(chunk.AvailableBuffer()))
			chunk.WriteString(`","`)
			chunk.Write(p.strong.appendTo(chunk.AvailableBuffer()))
			chunk.WriteString(`"]`)
		}
	}
	if chunk.Len() == 0 {
		chunk.WriteByte('[')
	}
	closeChunk()

	// Metadata chunks.
	records := make([][]byte, len(claims))
	size := 0
	rating := map[string]int{}
	for i, rt := range s.Config.Ratings {
		rating[rt.ID] = i
	}
	for i, c := range claims {
		records[i] = claimRecord(c, rating[c.Rating.ID])
		size += len(records[i]) + 1
	}
	per := chunkPer(len(claims), size, metaChunkBytes, maxPerMetaChunk)
	for n := 0; n*per < len(claims) || n == 0; n++ {
		lo, hi := n*per, min(len(claims), (n+1)*per)
		files = append(files, File{Path: "search/m/" + strconv.Itoa(n) + ".json", Data: jsonArray(records[lo:hi])})
	}

	// Analyses, for snippets, in chunks of aper claims: only the results
	// that have a word in their analysis alone load their chunk. A chunk
	// is made only when asked for (File.Make): a rebuild makes and
	// writes only the chunks of the analyses added or edited. Their size
	// is taken from the claims' texts, which is close enough to choose
	// aper.
	asize := 0
	for _, c := range claims {
		asize += min(len(c.Text), maxAnalysisBytes) + 3 // quoted, and a comma
	}
	aper := chunkPer(len(claims), asize, analysisChunkBytes, maxPerAnalysisChunk)
	for k := 0; k*aper < len(claims); k++ {
		cs := claims[k*aper : min(len(claims), (k+1)*aper)]
		var key []byte
		for _, c := range cs {
			key = strconv.AppendQuote(key, c.ID)
			key = append(key, ' ')
			key = append(key, c.Digest...)
		}
		files = append(files, File{Path: "search/a/" + strconv.Itoa(k) + ".json", Key: string(key), Make: func() []byte {
			texts := make([][]byte, len(cs))
			for i, c := range cs {
				texts[i] = jsonString(analysisText(c.Text))
			}
			return jsonArray(texts)
		}})
	}

	// Filters.
	num := make(map[*site.Claim]int, len(claims))
	for i, c := range claims {
		num[c] = i
	}
	facet := func(kind, id string, cs []*site.Claim) {
		ns := make([]int, 0, len(cs))
		for _, c := range cs {
			if n, ok := num[c]; ok {
				ns = append(ns, n)
			}
		}
		slices.Sort(ns)
		ns = slices.Compact(ns)
		files = append(files, File{Path: "search/" + kind + "/" + id + ".json", Data: jsonString(encodePostings(ns))})
	}
	for _, rt := range s.Config.Ratings {
		facet("rating", rt.ID, s.ByRating[rt.ID])
	}
	for _, g := range s.Topics {
		facet("topic", g.ID, g.Claims)
	}
	for _, g := range s.Claimants {
		facet("claimant", g.ID, g.Claims)
	}

	// The manifest, with a version that changes with any file, which the
	// browser adds to its requests so that a rebuilt site is not read
	// from stale cached chunks. An analysis chunk counts by its Key, which
	// names what it is made of, and by analysisFormat, how it is made.
	h := fnv.New64a()
	h.Write([]byte(analysisFormat))
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write(f.Data)
		h.Write([]byte(f.Key))
	}
	m := manifest{Version: fmt.Sprintf("%x", h.Sum64()&0xffffffffff), N: len(claims), Per: per, AnalysisPer: aper, Terms: bounds,
		Ratings: [][]any{}, URLs: manifestURLs{links.Claims, links.Ratings, links.Claimants}}
	if m.Terms == nil {
		m.Terms = []string{}
	}
	for _, rt := range s.Config.Ratings {
		m.Ratings = append(m.Ratings, []any{rt.ID, rt.Label, rt.Value})
	}
	index, err := json.Marshal(m)
	if err != nil {
		panic(err) // strings and numbers only
	}
	return append([]File{{Path: "search/index.json", Data: index}}, files...)
}

// termIndex gathers the postings of terms, from claims in ascending order.
type termIndex struct {
	terms map[string]*postings
	buf   []byte // scratch space for Scan
}

// add adds claim number i to the postings of its words: all of them, and
// as strong those in its claim text and short form, claimant, topics or
// summary (the texts of its metadata record).
func (ix *termIndex) add(i int, c *site.Claim) {
	strong := func(w []byte) {
		p := ix.term(w)
		p.all.add(i)
		p.strong.add(i)
	}
	ix.buf = Scan(c.Claim, ix.buf, strong)
	ix.buf = Scan(c.Short, ix.buf, strong)
	ix.buf = Scan(c.Claimant.Name, ix.buf, strong)
	for _, t := range c.Topics {
		ix.buf = Scan(t.Name, ix.buf, strong)
	}
	ix.buf = Scan(c.Summary, ix.buf, strong)
	ix.buf = Scan(c.Text, ix.buf, func(w []byte) { ix.term(w).all.add(i) })
}

// term returns the postings of t, new ones if it has none yet.
func (ix *termIndex) term(t []byte) *postings {
	p := ix.terms[string(t)] // no copy of t to look it up
	if p == nil {
		p = &postings{newPlist(), newPlist()}
		ix.terms[string(t)] = p
	}
	return p
}

const vlqDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// vlqValue is the value of each digit of vlqDigits, -1 for other bytes.
var vlqValue = func() (t [256]int) {
	for i := range t {
		t[i] = -1
	}
	for i := range len(vlqDigits) {
		t[vlqDigits[i]] = i
	}
	return t
}()

// eachNumber calls f with each number of vlq, a VLQ list of gaps, in
// order, and reports whether vlq is one: VLQ digits only, each number
// whole and under 2^35.
func eachNumber[T string | []byte](vlq T, f func(n int)) bool {
	k, v, shift := -1, 0, 0
	for i := range len(vlq) {
		d := vlqValue[vlq[i]]
		if d < 0 || shift > 30 {
			return false
		}
		v |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		k += v + 1
		f(k)
		v, shift = 0, 0
	}
	return shift == 0
}

// encodePostings encodes ascending claim numbers as a VLQ list of gaps or
// as a bitmap, whichever is shorter.
func encodePostings(ns []int) string {
	l := newPlist()
	for _, n := range ns {
		l.add(n)
	}
	return string(l.appendTo(nil))
}

// decodePostings is the inverse of encodePostings.
func decodePostings(s string) ([]int, error) {
	var out []int
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		bits, err := base64.RawURLEncoding.DecodeString(rest)
		if err != nil {
			return nil, err
		}
		for i, b := range bits {
			for k := range 8 {
				if b&(1<<k) != 0 {
					out = append(out, i*8+k)
				}
			}
		}
		return out, nil
	}
	if !eachNumber(s, func(n int) { out = append(out, n) }) {
		return nil, fmt.Errorf("postings %.20q are not a VLQ list of gaps", s)
	}
	return out, nil
}

// manifest is search/index.json.
type manifest struct {
	Version     string       `json:"v"`
	N           int          `json:"n"`
	Per         int          `json:"per"`
	AnalysisPer int          `json:"a"`
	Terms       []string     `json:"t"`
	Ratings     [][]any      `json:"r"`
	URLs        manifestURLs `json:"u"`
}

type manifestURLs struct {
	Claims    string `json:"c"`
	Ratings   string `json:"r"`
	Claimants string `json:"p"`
}

// claimRecord is a claim's entry in a metadata chunk.
func claimRecord(c *site.Claim, rating int) []byte {
	topics := make([]string, len(c.Topics))
	for i, t := range c.Topics {
		topics[i] = t.Name
	}
	b, err := json.Marshal([]any{c.ID, c.Claim, rating, c.Claimant.Name, c.Claimant.ID, topics,
		isoDate(c.Published), isoDate(c.ClaimDate), c.Summary, c.Short})
	if err != nil {
		panic(err) // strings and numbers only
	}
	return b
}

// analysisFormat stands, in the manifest's version, for how analysis
// chunks are made, which their Keys do not say: a program that writes
// analyses otherwise changes it, and browsers do not take the chunks
// they cached from the one before.
var analysisFormat = strconv.Itoa(maxAnalysisBytes) + string(jsonString(analysisText(" An <analysis>,\u00a0its \"words\" &\tspaces é\n")))

// chunkPer is how many claims a metadata or analysis chunk holds, for n
// claims whose records or analyses take size bytes in all: the largest
// power of two, up to most, that keeps the average chunk within target
// bytes; at least 1. As a power of two it changes only when the average
// crosses one of a few sizes, so the chunks, and the files a rebuild
// writes, stay the same as claims are added.
func chunkPer(n, size, target, most int) int {
	per := 1
	for 2*per <= most && 2*per*size <= target*n {
		per *= 2
	}
	return per
}

// analysisText is the text of an analysis as its chunk holds it: its
// words joined by one space (the snippet is one line), cut by
// capAnalysis.
func analysisText(text string) string {
	return capAnalysis(strings.Join(strings.Fields(text), " "))
}

// capAnalysis cuts t to at most maxAnalysisBytes, at a space where there
// is one near the end.
func capAnalysis(t string) string {
	if len(t) <= maxAnalysisBytes {
		return t
	}
	cut := maxAnalysisBytes
	for cut > 0 && !utf8.RuneStart(t[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(t[:cut], ' '); sp > cut-200 {
		cut = sp
	}
	return t[:cut]
}

// jsonArray is the JSON array of the JSON values items, in a slice of
// its size. The items are let go of (set to nil) once copied: the
// index's files are all in memory at once, and on a large site its
// records and analyses are hundreds of megabytes.
func jsonArray(items [][]byte) []byte {
	n := 2 + max(0, len(items)-1)
	for _, it := range items {
		n += len(it)
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it...)
		items[i] = nil
	}
	return append(b, ']')
}

// jsonString is s as a JSON string. encoding/json escapes "<", ">" and
// "&" as \u003c …: index text is never markup, even if a file is opened as
// HTML.
func jsonString(s string) []byte {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always encodes
	}
	return b
}

// isoDate is t as 2006-01-02, "" for the zero time.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
