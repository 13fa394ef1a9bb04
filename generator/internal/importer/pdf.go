package importer

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	pdfiumlib "github.com/klippa-app/go-pdfium"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// runtimeConfig is the WebAssembly runtime PDFium runs in: go-pdfium's
// default (WebAssembly 2.0 with exception handling, which the bundled
// PDFium needs), with the compiled module cached on disk in
// $XDG_CACHE_HOME/factcheck/pdfium (os.UserCacheDir), as the go command
// caches builds. Without a cache folder the module is compiled each time.
// The cache is only read and written by import; builds never start
// PDFium.
func runtimeConfig() wazero.RuntimeConfig {
	cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir, err := os.UserCacheDir(); err == nil {
		if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "factcheck", "pdfium")); err == nil {
			cfg = cfg.WithCompilationCache(cache)
		}
	}
	return cfg
}

// PDF extracts a PDF's text page by page (see the package doc for how
// lines, words and paragraphs are rebuilt). A PDF without a text layer
// (scanned pages) is an error that says to OCR it; an encrypted or broken
// one is an error.
//
// The text comes from PDFium, the PDF engine of Chromium, compiled to
// WebAssembly and run by wazero (github.com/klippa-app/go-pdfium): pure
// Go, no C library to install, and PDFium reads fonts, encodings and
// broken files as a browser does. Starting it compiles the WebAssembly
// module, a few seconds of one core; the compiled code is kept in the
// user's cache folder (see runtimeConfig), so later imports skip that.
func PDF(data []byte) (*Document, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF-")) && !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, fmt.Errorf("not a PDF: it does not start with %%PDF-")
	}
	pdfium.Lock()
	defer pdfium.Unlock()
	if pdfium.pool == nil && pdfium.err == nil {
		pdfium.pool, pdfium.err = webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1, RuntimeConfig: runtimeConfig()})
	}
	if pdfium.err != nil {
		return nil, fmt.Errorf("cannot start the PDF reader: %v", pdfium.err)
	}
	inst, err := pdfium.pool.GetInstance(2 * time.Minute)
	if err != nil {
		return nil, fmt.Errorf("cannot start the PDF reader: %v", err)
	}
	defer inst.Close()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	switch {
	case errors.Is(err, pdfiumerr.ErrPassword) || errors.Is(err, pdfiumerr.ErrSecurity):
		return nil, fmt.Errorf("the PDF is encrypted with a password: open it with the password and save an unencrypted copy (e.g. qpdf --decrypt --password=… in.pdf out.pdf) to import it")
	case err != nil:
		return nil, fmt.Errorf("broken PDF: %v", err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil || count.PageCount == 0 {
		return nil, fmt.Errorf("broken PDF: it has no pages")
	}
	n := count.PageCount
	pages := make([][]line, n)
	empty := 0
	for i := range n {
		res, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
			Page:                   requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}},
			Mode:                   requests.GetPageTextStructuredModeChars,
			CollectFontInformation: true,
		})
		if err != nil {
			return nil, fmt.Errorf("broken PDF: page %d: %v", i+1, err)
		}
		pages[i] = charLines(res.Chars)
		if len(pages[i]) == 0 {
			empty++
		}
	}
	if empty == n {
		return nil, fmt.Errorf("the PDF has no text layer (scanned pages?): run OCR on it first (e.g. ocrmypdf in.pdf out.pdf) and import the result")
	}
	dropRunning(pages)
	d := &Document{Kind: "report"}
	if empty > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d of %d pages have no text (images or scans): their text is not stored", empty, n))
	}
	texts := make([]string, n)
	for i, ls := range pages {
		texts[i] = paragraphs(ls)
	}
	d.Text = strings.Join(texts, "\n\f\n")
	d.Original.Pages = n
	meta := func(tag string) string {
		m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: tag})
		if err != nil {
			return ""
		}
		return oneLine(m.Value)
	}
	d.Title = meta("Title")
	if d.Title == "" || looksLikeFileName(d.Title) {
		d.Title = firstLine(texts)
	}
	d.Publisher = meta("Author")
	return d, nil
}

// pdfium is PDFium's WebAssembly module, compiled on the first PDF and
// kept for the next ones: compiling takes seconds, reading a PDF with it
// milliseconds. One PDF is read at a time.
var pdfium struct {
	sync.Mutex
	pool pdfiumlib.Pool
	err  error
}

var fileNameRE = regexp.MustCompile(`(?i)\.(docx?|pdf|indd|tex|dvi|odt|rtf)$|^Microsoft Word - |^untitled`)

func looksLikeFileName(s string) bool { return fileNameRE.MatchString(s) }

func firstLine(texts []string) string {
	for _, t := range texts {
		if p, _, _ := strings.Cut(strings.TrimSpace(t), "\n\n"); p != "" {
			s := oneLine(p)
			if utf8.RuneCountInString(s) > 120 {
				s = string([]rune(s)[:120])
			}
			return s
		}
	}
	return ""
}

// line is one line of a page's text: its words, where it sits and how big
// its letters are.
type line struct {
	text       string
	x, y, end  float64 // start and end on the x axis, bottom on the y axis (up)
	size       float64 // font size
	skipRepeat bool    // a running header or footer
}

// charLines splits PDFium's characters, in its reading order, into
// lines: PDFium marks the end of a line with a generated line break and
// the gaps between words with generated spaces. A line's place is the
// union of its characters' boxes, its size their largest font size.
func charLines(chars []*responses.GetPageTextStructuredChar) []line {
	var lines []line
	var b strings.Builder
	var cur line
	var prevRight float64
	started := false
	flush := func() {
		if s := strings.TrimSpace(oneLineKeepNBSP(b.String())); s != "" && started {
			cur.text = s
			lines = append(lines, cur)
		}
		b.Reset()
		started = false
	}
	for _, c := range chars {
		text := strings.Map(func(r rune) rune {
			switch {
			case r == 2: // PDFium's mark of a hyphen at a line's end
				return '-'
			case r < ' ' && r != '\r' && r != '\n', r == 0xfffe, r == 0xffff:
				return -1
			}
			return r
		}, c.Text)
		if text == "\r" || text == "\n" || text == "\r\n" {
			flush()
			continue
		}
		if text == "" {
			continue
		}
		if strings.TrimSpace(text) == "" {
			b.WriteString(text)
			continue
		}
		p := c.PointPosition
		lo, hi := math.Min(p.Top, p.Bottom), math.Max(p.Top, p.Bottom)
		size := hi - lo
		if c.FontInformation != nil && c.FontInformation.Size > 0 {
			size = c.FontInformation.Size
		}
		if started && hi < cur.y {
			// A character wholly below the line starts the next one:
			// PDFium joins a line ending in a hyphen to the next without
			// a break (paragraphs joins the word).
			flush()
		}
		if started && strings.ContainsAny(text, ",.;:!?)]") && utf8.RuneCountInString(text) == 1 &&
			strings.HasSuffix(b.String(), " ") && p.Left-prevRight < size*0.15 {
			// PDFium puts a space before punctuation set after an italic
			// word; it touches the word.
			s := strings.TrimRight(b.String(), " ")
			b.Reset()
			b.WriteString(s)
		}
		b.WriteString(text)
		prevRight = p.Right
		if !started {
			cur = line{x: p.Left, y: lo, end: p.Right, size: size}
			started = true
			continue
		}
		cur.x = math.Min(cur.x, p.Left)
		cur.end = math.Max(cur.end, p.Right)
		cur.y = math.Min(cur.y, lo)
		cur.size = math.Max(cur.size, size)
	}
	flush()
	return lines
}

// oneLineKeepNBSP collapses runs of ASCII white space and controls only.
func oneLineKeepNBSP(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == 0
	}), " ")
}

var digitsRE = regexp.MustCompile(`\d+`)

// runningKey is what a header or footer line is compared by: its text
// with numbers made one, so "Page 3 of 40" matches "Page 4 of 40".
func runningKey(s string) string {
	return digitsRE.ReplaceAllString(strings.ToLower(s), "#")
}

// dropRunning marks the running headers and footers: among the first and
// last two lines of each page, those whose text (numbers aside) recurs at
// the top or bottom of at least half the pages, or of two pages or more
// when they hold a number ("Chapter 2: Methods 14"), in a document of
// three pages or more; and lone page numbers at a page's top or bottom.
func dropRunning(pages [][]line) {
	const edge = 2
	count := map[string]int{}
	for _, ls := range pages {
		seen := map[string]bool{}
		for i := range ls {
			if i < edge || i >= len(ls)-edge {
				k := runningKey(ls[i].text)
				if !seen[k] {
					seen[k] = true
					count[k]++
				}
			}
		}
	}
	withText := 0
	for _, ls := range pages {
		if len(ls) > 0 {
			withText++
		}
	}
	for _, ls := range pages {
		for i := range ls {
			if i >= edge && i < len(ls)-edge {
				continue
			}
			k := runningKey(ls[i].text)
			numbered := strings.Contains(k, "#")
			if withText >= 3 && (count[k]*2 >= withText || numbered && count[k] >= 2) || isPageNumber(ls[i].text) {
				ls[i].skipRepeat = true
			}
		}
	}
}

var pageNumberRE = regexp.MustCompile(`(?i)^(page |p\. ?|- ?)?[0-9ivxlc]+( ?-| of [0-9]+| / [0-9]+)?$`)

func isPageNumber(s string) bool { return pageNumberRE.MatchString(strings.TrimSpace(s)) }

// paragraphs joins a page's lines into paragraphs: a new paragraph starts
// where the space between two baselines is clearly more than the page's
// usual line spacing, where the font size changes (a heading), or after a
// line that ends a sentence well short of the lines' usual end, and at a
// first-line indent (a line starting a little right of the usual left
// edge, and right of the line before or after a sentence's end). A word
// broken with a hyphen at a line's end is joined ("inter-\nference" →
// "interference") when the next line starts in lowercase.
func paragraphs(ls []line) string {
	var kept []line
	for _, l := range ls {
		if !l.skipRepeat {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	leading := usualLeading(kept)
	right := usualEnd(kept)
	left := usualStart(kept)
	var b strings.Builder
	for i, l := range kept {
		if i == 0 {
			b.WriteString(l.text)
			continue
		}
		prev := kept[i-1]
		gap := prev.y - l.y
		newPara := gap > leading*1.45 || gap < -prev.size ||
			math.Abs(l.size-prev.size) > prev.size*0.15 ||
			(endsSentence(prev.text) && prev.end < right-prev.size*4) ||
			(l.x > left+l.size*0.8 && l.x < left+l.size*4 && (l.x > prev.x+l.size*0.8 || endsSentence(prev.text)))
		switch {
		case newPara:
			b.WriteString("\n\n")
		case brokenWord(prev.text, l.text):
			s := b.String()
			s = strings.TrimSuffix(strings.TrimSuffix(s, "-"), "\u00ad")
			b.Reset()
			b.WriteString(s)
			b.WriteString(l.text)
			continue
		default:
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// brokenWord reports whether prev ends with a word broken by a hyphen
// that next completes.
func brokenWord(prev, next string) bool {
	r, _ := utf8.DecodeLastRuneInString(prev)
	if r != '-' && r != '\u00ad' {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-utf8.RuneLen(r)])
	after, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(before) && unicode.IsLower(after)
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// usualLeading is the median distance between consecutive baselines of a
// page that go down by less than three font sizes.
func usualLeading(ls []line) float64 {
	var gaps []float64
	for i := 1; i < len(ls); i++ {
		g := ls[i-1].y - ls[i].y
		if g > 0 && g < ls[i].size*3 {
			gaps = append(gaps, g)
		}
	}
	if len(gaps) == 0 {
		return ls[0].size * 1.2
	}
	sort.Float64s(gaps)
	return gaps[len(gaps)/2]
}

// usualEnd is where most lines of a page end on the right: the 80th
// percentile of their ends.
func usualEnd(ls []line) float64 {
	ends := make([]float64, len(ls))
	for i, l := range ls {
		ends[i] = l.end
	}
	sort.Float64s(ends)
	return ends[len(ends)*4/5]
}

// usualStart is where most lines of a page start on the left: the 20th
// percentile of their starts.
func usualStart(ls []line) float64 {
	xs := make([]float64, len(ls))
	for i, l := range ls {
		xs[i] = l.x
	}
	sort.Float64s(xs)
	return xs[len(xs)/5]
}
