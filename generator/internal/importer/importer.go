package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Document is what Extract finds in an original: its stored text and
// what its metadata says.
type Document struct {
	Title     string
	Publisher string
	// URL is the original's address: the page's canonical URL, else
	// where it was fetched from.
	URL       string
	Published time.Time
	Authors   []string
	Language  string
	// Kind is the source kind to suggest: news for a web page, report
	// for a PDF, other for the rest.
	Kind string
	// Text is the stored text: paragraphs separated by a blank line, and
	// for a PDF a line holding only a form feed between pages.
	Text string
	// Warnings are things the editor should look at (a page of a PDF
	// without text, a caption cue that could not be read).
	Warnings []string
	Original Original
}

// Original is the provenance of the stored text: what it was taken from.
type Original struct {
	// From is the file name or URL it was imported from.
	From string
	// MediaType is the sniffed type: text/html, application/pdf,
	// text/vtt, application/x-subrip or text/plain.
	MediaType string
	SHA256    string // of the original's bytes, in hex
	Size      int64  // of the original, in bytes
	Pages     int    // of a PDF; 0 otherwise
	// Duration is how long the recording of captions lasts, to the
	// end of their last cue; 0 otherwise.
	Duration time.Duration
	Taken    time.Time
	// TextSHA256 is the hash of the stored text as imported, so that
	// check can tell when it was edited since.
	TextSHA256 string
}

// Media types Extract handles.
const (
	TypeHTML  = "text/html"
	TypePDF   = "application/pdf"
	TypeVTT   = "text/vtt"
	TypeSRT   = "application/x-subrip"
	TypePlain = "text/plain"
)

// ErrEmpty is returned for an original with no text at all.
var ErrEmpty = errors.New("no text found")

// Extract reads an original's bytes. name (a file name or URL) and
// declared (a Content-Type, or "") help tell its type, but the bytes
// decide: a file named .html that starts with %PDF- is a PDF.
func Extract(data []byte, name, declared string) (*Document, error) {
	mt, err := Sniff(data, name, declared)
	if err != nil {
		return nil, err
	}
	var d *Document
	switch mt {
	case TypeHTML:
		d, err = HTML(data, pageURL(name))
	case TypePDF:
		d, err = PDF(data)
	case TypeVTT, TypeSRT:
		d, err = Captions(data)
	default:
		d, err = Plain(data)
	}
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(strings.ReplaceAll(d.Text, "\f", "")) == "" {
		return nil, ErrEmpty
	}
	sum := sha256.Sum256(data)
	d.Original.From = name
	d.Original.MediaType = mt
	d.Original.SHA256 = hex.EncodeToString(sum[:])
	d.Original.Size = int64(len(data))
	d.Original.TextSHA256 = TextHash(d.Text)
	return d, nil
}

// TextHash is the hash of a stored text that Original.TextSHA256 holds:
// the SHA-256 of the text with line ends made "\n" and the white space at
// its ends trimmed, so that saving the file on another system does not
// count as an edit.
func TextHash(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	sum := sha256.Sum256([]byte(strings.TrimSpace(text)))
	return hex.EncodeToString(sum[:])
}

func pageURL(name string) string {
	if strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://") {
		return name
	}
	return ""
}

// Sniff tells the media type of an original from its first bytes, then
// from its name's extension where the bytes do not say (captions and plain
// text look alike). A type it cannot import is an error that names it.
func Sniff(data []byte, name, declared string) (string, error) {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")) || bytes.Contains(head, []byte("%PDF-")) && strings.EqualFold(filepath.Ext(name), ".pdf"):
		return TypePDF, nil
	case bytes.HasPrefix(trimmed, []byte("WEBVTT")):
		return TypeVTT, nil
	case looksLikeSRT(trimmed):
		return TypeSRT, nil
	}
	ext := strings.ToLower(filepath.Ext(strings.SplitN(name, "?", 2)[0]))
	switch ext {
	case ".vtt":
		return TypeVTT, nil
	case ".srt":
		return TypeSRT, nil
	case ".pdf":
		return "", fmt.Errorf("%s is named .pdf but is not a PDF (it does not start with %%PDF-)", name)
	}
	sniffed := http.DetectContentType(head)
	mt := strings.TrimSpace(strings.SplitN(sniffed, ";", 2)[0])
	switch {
	case mt == TypeHTML || strings.Contains(strings.ToLower(declared), "html") && mt == TypePlain:
		return TypeHTML, nil
	case ext == ".html" || ext == ".htm" || ext == ".xhtml":
		if mt == TypePlain || mt == "text/xml" {
			return TypeHTML, nil
		}
	case mt == TypePlain:
		if !utf8.Valid(data) {
			return "", fmt.Errorf("%s is not UTF-8 text: convert it first (e.g. with iconv)", name)
		}
		return TypePlain, nil
	}
	if mt == TypePlain {
		return TypePlain, nil
	}
	return "", fmt.Errorf("cannot import %s: it is %s; import takes a web page (HTML), a PDF, captions (WebVTT, SRT) or plain text", name, mt)
}

// looksLikeSRT reports whether text starts as SubRip captions do: a cue
// number, then a line "00:00:01,000 --> 00:00:04,000".
func looksLikeSRT(text []byte) bool {
	lines := strings.SplitN(string(text), "\n", 3)
	if len(lines) < 2 {
		return false
	}
	n := strings.TrimSpace(lines[0])
	if n == "" || strings.Trim(n, "0123456789") != "" {
		return false
	}
	_, _, ok := parseTimes(lines[1])
	return ok
}
