package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Captions reads WebVTT or SubRip (SRT) captions into stored text: the
// cues' words, tags and cue settings removed, joined into paragraphs that
// break where the speech pauses (pauseGap) or a paragraph grows past
// maxParagraph. Each paragraph starts with the times of its first cue's
// start and its last cue's end in square brackets, "[1:23–1:41]" or
// "[1:02:03–1:02:30]", on a line of its own, so that a quote's time
// locator ("at 1:23") can be checked and linked against the original
// video. Repeated lines (the rolling captions of automatic
// transcripts repeat the previous line) are kept once. The end of the
// last cue is the recording's Original.Duration, so that a locator past
// it can be told.
func Captions(data []byte) (*Document, error) {
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	cues, bad := parseCues(text)
	if len(cues) == 0 {
		return nil, fmt.Errorf("no caption cues found (a cue is a line \"00:00:01.000 --> 00:00:04.000\" and its text)")
	}
	d := &Document{Kind: "other"}
	if bad > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d caption lines that look like cue times could not be read and were left out", bad))
	}
	var b strings.Builder
	var para []string
	var start, end time.Duration
	flush := func() {
		if len(para) == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		// The end is rounded up to the second, so that the range holds
		// the whole passage.
		b.WriteString("[" + Clock(start) + "–" + Clock((end + time.Second - 1).Truncate(time.Second)) + "]\n" + strings.Join(para, "\n"))
		para = para[:0]
	}
	last := ""
	for _, c := range cues {
		if len(para) > 0 && (c.start-end >= pauseGap || c.start-start >= maxParagraph) {
			flush()
		}
		for _, line := range c.lines {
			if line == last {
				continue
			}
			last = line
			if len(para) == 0 {
				start = c.start
			}
			para = append(para, line)
		}
		end = c.end
	}
	flush()
	d.Text = b.String()
	for _, c := range cues {
		d.Original.Duration = max(d.Original.Duration, c.end)
	}
	return d, nil
}

const (
	pauseGap     = 2 * time.Second
	maxParagraph = 60 * time.Second
)

// Clock writes a caption time as a locator writes it: m:ss, or h:mm:ss
// from an hour on.
func Clock(t time.Duration) string {
	s := int(t / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

type cue struct {
	start, end time.Duration
	lines      []string
}

// parseCues reads the cues of WebVTT or SRT text, and counts the timing
// lines it could not read. NOTE, STYLE and REGION blocks of WebVTT are
// skipped.
func parseCues(text string) (cues []cue, bad int) {
	for _, block := range strings.Split(text, "\n\n") {
		lines := strings.Split(strings.Trim(block, "\n"), "\n")
		i := 0
		for i < len(lines) && !strings.Contains(lines[i], "-->") {
			i++
		}
		if i == len(lines) {
			continue // the WEBVTT header, a NOTE, STYLE or REGION block
		}
		if first := strings.TrimSpace(lines[0]); strings.HasPrefix(first, "NOTE") || first == "STYLE" || first == "REGION" {
			continue
		}
		start, end, ok := parseTimes(lines[i])
		if !ok {
			bad++
			continue
		}
		c := cue{start: start, end: end}
		for _, l := range lines[i+1:] {
			if l = oneLine(stripTags(l)); l != "" {
				c.lines = append(c.lines, l)
			}
		}
		if len(c.lines) > 0 {
			cues = append(cues, c)
		}
	}
	return cues, bad
}

// parseTimes reads a timing line, "00:01:02.500 --> 00:01:04.000" (WebVTT,
// hours optional, cue settings may follow) or "00:01:02,500 -->
// 00:01:04,000" (SRT).
func parseTimes(line string) (start, end time.Duration, ok bool) {
	a, b, found := strings.Cut(line, "-->")
	if !found {
		return 0, 0, false
	}
	fields := strings.Fields(b)
	if len(fields) == 0 {
		return 0, 0, false
	}
	start, ok1 := parseTime(strings.TrimSpace(a))
	end, ok2 := parseTime(fields[0])
	return start, end, ok1 && ok2 && end >= start
}

func parseTime(s string) (time.Duration, bool) {
	s = strings.Replace(s, ",", ".", 1)
	whole, frac, _ := strings.Cut(s, ".")
	parts := strings.Split(whole, ":")
	if len(parts) < 2 || len(parts) > 3 || len(frac) > 3 {
		return 0, false
	}
	var t time.Duration
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p == "" || len(p) > 4 || (i > 0 && n > 59) {
			return 0, false
		}
		t = t*60 + time.Duration(n)*time.Second
	}
	if frac != "" {
		n, err := strconv.Atoi(frac)
		if err != nil || n < 0 {
			return 0, false
		}
		for i := len(frac); i < 3; i++ {
			n *= 10
		}
		t += time.Duration(n) * time.Millisecond
	}
	return t, true
}

// stripTags removes WebVTT and SRT markup from a cue line: <i>, <b>,
// <c.class>, <v Speaker>, <00:00:01.000> timestamps, and {\an8} SSA
// overrides; it decodes the few entities WebVTT has.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexAny(s, "<{")
		if i < 0 {
			b.WriteString(s)
			break
		}
		closer := ">"
		if s[i] == '{' {
			closer = "}"
			if !strings.HasPrefix(s[i:], "{\\") {
				b.WriteString(s[:i+1])
				s = s[i+1:]
				continue
			}
		}
		j := strings.Index(s[i:], closer)
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&nbsp;", "\u00a0", "&lrm;", "", "&rlm;", "")
	return r.Replace(b.String())
}
