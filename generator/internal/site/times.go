package site

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"factcheck/generator/internal/markdown"
	"factcheck/generator/internal/quote"
)

// Passage is a timed passage of a source's stored text: a paragraph of
// captions as import writes them, starting with when it is said in square
// brackets on a line of its own ("[1:23–1:41]", or the start alone,
// "[1:23]"), and the paragraphs after it up to the next time.
type Passage struct {
	// At is when it starts in the recording; Until when it ends, when
	// its time line says ("[1:23–1:41]"), else 0.
	At, Until  time.Duration
	Start, End int // its text in Text.Plain, the time line included
}

// timeGrace is how far a time locator may be outside the passage it names,
// before its start or after its end: a time read off the video a moment
// early or late, or a caption's time cut to the second, still names the
// passage.
const timeGrace = 3 * time.Second

// captionTimes finds the timed passages of a stored text of format text:
// the paragraphs that start with a line holding only a time, "[1:23]" or
// "[1:02:03]", or a range of times, "[1:23–1:41]" (as import writes
// captions; any dash). Paragraphs without a time belong to the passage
// before them; text before the first time is in none.
func captionTimes(plain string) []Passage {
	var out []Passage
	for start := 0; start < len(plain); {
		line, _, _ := strings.Cut(plain[start:], "\n")
		if len(line) > 2 && line[0] == '[' && line[len(line)-1] == ']' {
			if t, until, ok := parseTimes(line[1 : len(line)-1]); ok {
				if n := len(out); n > 0 {
					out[n-1].End = start
				}
				out = append(out, Passage{At: t, Until: until, Start: start})
			}
		}
		// The next paragraph starts after a blank line, or a page break
		// ("\n\f\n").
		next := strings.Index(plain[start:], "\n\n")
		if ff := strings.Index(plain[start:], "\n\f\n"); ff >= 0 && (next < 0 || ff < next) {
			next = ff + 1
		}
		if next < 0 {
			break
		}
		start += next + 2
	}
	if n := len(out); n > 0 {
		out[n-1].End = len(plain)
	}
	for i := range out {
		for out[i].End > out[i].Start && (plain[out[i].End-1] == '\n' || plain[out[i].End-1] == '\f') {
			out[i].End--
		}
	}
	return out
}

// parseTimes reads a time, "1:23", or a range of times, "1:23–1:41" (any
// dash, spaces around it allowed), whose end is not before its start.
// until is 0 for a time alone.
func parseTimes(s string) (at, until time.Duration, ok bool) {
	for _, dash := range []string{"–", "—", "-"} {
		if a, b, found := strings.Cut(s, dash); found {
			at, ok1 := parseClock(strings.TrimSpace(a))
			until, ok2 := parseClock(strings.TrimSpace(b))
			return at, until, ok1 && ok2 && until >= at
		}
	}
	at, ok = parseClock(s)
	return at, 0, ok
}

// parseClock reads m:ss or h:mm:ss (minutes and seconds below 60 after
// the first field, which may have any number of digits up to four).
func parseClock(s string) (time.Duration, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var t time.Duration
	for i, p := range parts {
		if p == "" || len(p) > 4 || i > 0 && len(p) != 2 {
			return 0, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || i > 0 && n > 59 || p[0] == '+' {
			return 0, false
		}
		t = t*60 + time.Duration(n)*time.Second
	}
	return t, true
}

// clock writes a time as a locator writes it: m:ss, or h:mm:ss from an
// hour on (as importer.Clock does).
func clock(t time.Duration) string {
	s := int(t / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// timeLocator reads a locator that names a time: "at 1:23", "at
// 1:02:03". isTime is true for any locator that starts with "at" and a
// digit; ok is false when what follows is not a time.
func timeLocator(loc string) (t time.Duration, isTime, ok bool) {
	l := strings.TrimSpace(loc)
	rest, found := strings.CutPrefix(strings.ToLower(l), "at")
	if !found {
		return 0, false, false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" || rest[0] < '0' || rest[0] > '9' || l[2] != ' ' && l[2] != '\t' {
		return 0, false, false
	}
	t, ok = parseClock(rest)
	return t, true, ok
}

// QuoteTime is the time in the recording where the quote q from s
// starts, when its locator names one ("at 1:23") that was checked against
// the source's caption times: the original link starts there.
func (s *Source) QuoteTime(q *markdown.Quote) (time.Duration, bool) {
	if len(s.Times) == 0 || q.Check.Status != markdown.Verified {
		return 0, false
	}
	t, _, ok := timeLocator(q.Citation.Locator)
	return t, ok
}

// passageOf returns the passage holding offset n of Text.Plain, or -1
// before the first.
func (s *Source) passageOf(n int) int {
	i := -1
	for k, p := range s.Times {
		if p.Start > n {
			break
		}
		i = k
	}
	return i
}

// timeCheck is what checking a quote's time locator found: the match to
// use, or the error or warning to report instead.
type timeCheck struct {
	m            quote.Match
	ok           bool
	err, warning string
}

// checkTime checks the time locator of a quote, already looked for in
// the whole source (m, ok): the quote must be in the passage playing at
// that time, give or take timeGrace; the occurrence there is the one the
// quote links to. It returns the match unchanged for a locator that names
// no time.
func checkTime(src *Source, q *markdown.Quote, r *quote.Rules, m quote.Match, ok bool) timeCheck {
	loc := q.Citation.Locator
	t, isTime, valid := timeLocator(loc)
	switch {
	case !isTime:
		return timeCheck{m: m, ok: ok}
	case !valid:
		return timeCheck{err: fmt.Sprintf("quote from source %q: the locator %q is not a time: write at m:ss or at h:mm:ss (at 1:23, at 1:02:03)", src.ID, loc)}
	case len(src.Times) == 0:
		return timeCheck{m: m, ok: ok, warning: fmt.Sprintf("quote from source %q: the locator %q names a time, but the source has no caption times (a line \"[1:23]\" starting each passage, as import writes captions): the time is not checked", src.ID, loc)}
	}
	var end time.Duration // where the captions end, when known
	if src.Original != nil {
		end = src.Original.Duration
	}
	if end > 0 && t >= end+timeGrace {
		return timeCheck{err: fmt.Sprintf("quote from source %q: the locator %q is after the end of the captions, at %s", src.ID, loc, clock(end))}
	}
	for i, p := range src.Times {
		// The passage plays from its time to its end, when its time line
		// says; else to the next one's time, or to the end of the
		// captions (when known) after the last.
		until := end
		if p.Until > 0 {
			until = p.Until
		} else if i+1 < len(src.Times) {
			until = src.Times[i+1].At
		}
		open := until == 0 && i+1 == len(src.Times)
		if t < p.At-timeGrace || !open && t >= until+timeGrace {
			continue
		}
		sub := quote.NewSource(src.Text.Plain[p.Start:p.End])
		if pm, found := sub.Match(q.Text, r); found {
			return timeCheck{m: shiftMatch(pm, p.Start), ok: true}
		}
	}
	if !ok {
		return timeCheck{m: m, ok: false} // a misquote: reported as such
	}
	i := src.passageOf(m.Spans[0].Start)
	if i < 0 {
		return timeCheck{err: fmt.Sprintf("quote from source %q is before the first caption time, not at %s as its locator says", src.ID, clock(t))}
	}
	return timeCheck{err: fmt.Sprintf("quote from source %q is at %s, not at %s as its locator says", src.ID, clock(src.Times[i].At), clock(t))}
}

// shiftMatch moves a match found in a part of a text that starts at off
// to the whole text.
func shiftMatch(m quote.Match, off int) quote.Match {
	for i := range m.Spans {
		m.Spans[i].Start += off
		m.Spans[i].End += off
	}
	for i := range m.Edits {
		m.Edits[i].Source.Start += off
		m.Edits[i].Source.End += off
	}
	return m
}
