package render

import (
	"strconv"
	"time"

	"factcheck/generator/internal/site"
	"factcheck/generator/internal/urlscheme"
)

// Provenance is what a source page shows of the original its stored text
// was imported from (site.Original), so that readers can check the copy
// against their own. Words are left to the template; these are values.
type Provenance struct {
	// From is the file name or URL imported; FromURL is set when it is
	// an http(s) URL, to link to.
	From, FromURL string
	MediaType     string
	// Bytes is the original's size; Size is it in kB, MB or GB with
	// three significant digits ("1.40 MB"), "" under 1000 bytes.
	Bytes int
	Size  string
	Pages int
	// Duration is how long the recording of captions lasts ("1:02:05"),
	// else "".
	Duration string
	SHA256   string
	// Taken is when the original was saved or fetched; zero when its
	// record does not read as a time, then TakenText is the record as
	// written. TakenClock is its time of day in UTC, "08:40".
	Taken      time.Time
	TakenText  string
	TakenClock string
	// TextChecked is set when the import recorded the stored text's hash,
	// so that the build knows whether it was edited since (TextEdited).
	TextChecked, TextEdited bool
}

// provenance is the Provenance of a source imported from an original,
// nil for one written by hand.
func provenance(src *site.Source) *Provenance {
	o := src.Original
	if o == nil {
		return nil
	}
	p := &Provenance{From: o.From, MediaType: o.MediaType, Bytes: int(o.Size), Size: humanSize(o.Size), Pages: o.Pages,
		SHA256: o.SHA256, TakenText: o.Taken, TextChecked: o.TextSHA256 != "", TextEdited: o.Edited}
	if scheme := urlscheme.Of(o.From); scheme == "http" || scheme == "https" {
		p.FromURL = o.From
	}
	if o.Duration > 0 {
		s := int(o.Duration / time.Second)
		p.Duration = strconv.Itoa(s/60) + ":" + twoDigits(s%60)
		if s >= 3600 {
			p.Duration = strconv.Itoa(s/3600) + ":" + twoDigits(s/60%60) + ":" + twoDigits(s%60)
		}
	}
	if t, err := time.Parse(time.RFC3339, o.Taken); err == nil {
		p.Taken = t.UTC()
		p.TakenClock = p.Taken.Format("15:04")
	}
	return p
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// humanSize writes a size of 1000 bytes or more in kB, MB or GB (powers
// of 1000, as file managers show them) with three significant digits.
func humanSize(n int64) string {
	if n < 1000 {
		return ""
	}
	f, unit := float64(n)/1000, "kB"
	for _, u := range []string{"MB", "GB", "TB"} {
		if f < 999.95 {
			break
		}
		f, unit = f/1000, u
	}
	prec := 0
	switch {
	case f < 9.995:
		prec = 2
	case f < 99.95:
		prec = 1
	}
	return strconv.FormatFloat(f, 'f', prec, 64) + " " + unit
}
