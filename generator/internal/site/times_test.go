package site

import (
	"strings"
	"testing"
	"time"

	"factcheck/generator/internal/markdown"
)

// captionSource is a source as import writes captions: passages that
// start with when they are said, and the recording's duration under
// original.
const captionSource = `---
title: Briefing
publisher: P
url: https://www.youtube.com/watch?v=abc123
format: text
original:
  from: briefing.vtt
  media_type: text/vtt
  duration: "2:07"
---
[0:01–0:08]
Good evening, and thank you for coming.
Tonight I want to talk about the election.

[0:12–0:20]
We found no evidence that any voting system
deleted or lost votes.
That is the finding of our review.

[1:23–1:31]
Turnout was the highest in a century.
We found no evidence of fraud.

[2:05–2:07]
Thank you.
`

// TestTimeLocators checks the rules of time locators on quotes from
// captions: a quote must be in the passage playing at its time, give or
// take timeGrace; elsewhere it is an error naming the time where it is.
func TestTimeLocators(t *testing.T) {
	tests := []struct {
		name, quote string
		want        string // the one diagnostic, "" for none
		// at is the quote's time, in the passage at in.
		at, in time.Duration
	}{
		{"right time", `"no evidence that any voting system deleted or lost votes" [@b, at 0:12]`, "", 12 * time.Second, 12 * time.Second},
		{"within the passage", `"That is the finding of our review" [@b, at 0:19]`, "", 19 * time.Second, 12 * time.Second},
		{"a moment before its start", `"Turnout was the highest" [@b, at 1:21]`, "", 81 * time.Second, 83 * time.Second},
		{"a moment after its end", `"We found no evidence of fraud" [@b, at 1:33]`, "", 93 * time.Second, 83 * time.Second},
		{"hours", `"Thank you" [@b, at 0:02:05]`, "", 125 * time.Second, 125 * time.Second},
		{"the occurrence at the time", `"We found no evidence" [@b, at 1:30]`, "", 90 * time.Second, 83 * time.Second},
		{"wrong time", `"Turnout was the highest in a century" [@b, at 0:15]`,
			`error: quote from source "b" is at 1:23, not at 0:15 as its locator says`, 0, 0},
		{"in the silence after it", `"deleted or lost votes" [@b, at 1:00]`,
			`error: quote from source "b" is at 0:12, not at 1:00 as its locator says`, 0, 0},
		{"wrong time, well before", `"deleted or lost votes" [@b, at 1:40]`,
			`error: quote from source "b" is at 0:12, not at 1:40 as its locator says`, 0, 0},
		{"a moment after the end", `"Thank you" [@b, at 2:09]`, "", 129 * time.Second, 125 * time.Second},
		{"beyond the end", `"Thank you" [@b, at 5:00]`,
			`error: quote from source "b": the locator "at 5:00" is after the end of the captions, at 2:07`, 0, 0},
		{"not a time", `"Thank you" [@b, at 2:75]`,
			`error: quote from source "b": the locator "at 2:75" is not a time: write at m:ss or at h:mm:ss (at 1:23, at 1:02:03)`, 0, 0},
		{"misquote at the right time", `"We found no proof of fraud" [@b, at 1:23]`, `quote not found in source "b"`, 0, 0},
		{"not a time locator", `"Thank you" [@b, attached]`, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, diags := Load(site(
				"content/sources/b.md", captionSource,
				"content/claims/c.md", "---\nclaim: c\nclaimant: x\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-01-02\n---\n"+tt.quote+"\n",
			), Options{})
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Fatalf("diagnostics %q, want none", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
				t.Fatalf("diagnostics %q, want one with %q", got, tt.want)
			case tt.want != "":
				return
			}
			c := s.Claim["c"]
			q := c.Doc.Quotes[0]
			src := s.Source["b"]
			at, ok := src.QuoteTime(q)
			if tt.at != 0 && (!ok || at != tt.at) || tt.at == 0 && ok {
				t.Errorf("QuoteTime = %v, %v; want %v", at, ok, tt.at)
			}
			if tt.at != 0 {
				// The anchor is the occurrence in the passage at that time.
				h := src.Highlights[0]
				if i := src.passageOf(h.Start); i < 0 || src.Times[i].At != tt.in || h.End > src.Times[i].End {
					t.Errorf("the quote is highlighted at %d, in passage %d, not in the passage at %v", h.Start, i, tt.in)
				}
			}
		})
	}
}

// TestTimeLocatorsOpenPassages checks time locators against a transcript
// whose passages give only their start, as an editor may write one: each
// runs to the next one's time, and the last one on, without a duration.
func TestTimeLocatorsOpenPassages(t *testing.T) {
	src := "---\ntitle: t\npublisher: p\nformat: text\n---\nIntro: Turnout was low.\n\n[0:12]\nWe found no evidence.\n\n[1:23]\nTurnout was high.\n"
	tests := []struct{ quote, want string }{
		{`"We found no evidence" [@b, at 1:00]`, ""},
		{`"We found no evidence" [@b, at 1:25]`, ""}, // within 3 seconds of the next one's start
		{`"Turnout was high" [@b, at 9:00:00]`, ""},
		{`"We found no evidence" [@b, at 1:27]`, `error: quote from source "b" is at 0:12, not at 1:27 as its locator says`},
		{`"Turnout was high" [@b, at 0:05]`, `error: quote from source "b" is at 1:23, not at 0:05 as its locator says`},
		{`"Turnout was low" [@b, at 0:12]`, `error: quote from source "b" is before the first caption time, not at 0:12 as its locator says`},
	}
	for _, tt := range tests {
		_, diags := Load(site(
			"content/sources/b.md", src,
			"content/claims/c.md", "---\nclaim: c\nclaimant: x\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-01-02\n---\n"+tt.quote+"\n",
		), Options{})
		var got string
		for _, d := range diags {
			got += d.String()
		}
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s: diagnostics %q, want %q", tt.quote, got, tt.want)
		}
	}
}

// TestTimeLocatorWithoutTimes checks that a time locator on a source
// without caption times is a warning, and that the quote is still
// checked and its link gets no time.
func TestTimeLocatorWithoutTimes(t *testing.T) {
	s, diags := Load(site(
		"content/sources/b.md", "---\ntitle: t\npublisher: p\nurl: https://example.org/v.mp4\nformat: text\n---\nWe found no evidence.\n",
		"content/claims/c.md", "---\nclaim: c\nclaimant: x\nclaim_date: 2021-01-01\nrating: false\nsummary: s\npublished: 2021-01-02\n---\n\"We found no evidence\" [@b, at 1:23]\n",
	), Options{})
	if len(diags) != 1 || diags[0].Severity == 0 || !strings.Contains(diags[0].String(), "has no caption times") {
		t.Fatalf("diagnostics %v, want one warning that the source has no caption times", diags)
	}
	q := s.Claim["c"].Doc.Quotes[0]
	if q.Check.Status != markdown.Verified {
		t.Errorf("status %v, want verified", q.Check.Status)
	}
	if _, ok := s.Source["b"].QuoteTime(q); ok {
		t.Error("QuoteTime is set for a source without caption times")
	}
}

func TestCaptionTimes(t *testing.T) {
	plain := "Intro without a time.\n\n[0:01]\nHello.\n\nMore hello.\n\n[not a time]\nx\n\n[0:09–0:05]\nbackwards\n\n[1:02:03 - 1:02:05]\nLate.\n\f\n[1:02:09]\nNext page."
	got := captionTimes(plain)
	want := []struct {
		at, until time.Duration
		text      string
	}{
		{time.Second, 0, "[0:01]\nHello.\n\nMore hello.\n\n[not a time]\nx\n\n[0:09–0:05]\nbackwards"},
		{time.Hour + 2*time.Minute + 3*time.Second, time.Hour + 2*time.Minute + 5*time.Second, "[1:02:03 - 1:02:05]\nLate."},
		{time.Hour + 2*time.Minute + 9*time.Second, 0, "[1:02:09]\nNext page."},
	}
	if len(got) != len(want) {
		t.Fatalf("captionTimes = %+v, want %d passages", got, len(want))
	}
	for i, w := range want {
		if got[i].At != w.at || got[i].Until != w.until || plain[got[i].Start:got[i].End] != w.text {
			t.Errorf("passage %d: %v–%v %q, want %v–%v %q", i, got[i].At, got[i].Until, plain[got[i].Start:got[i].End], w.at, w.until, w.text)
		}
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"1:23", 83 * time.Second, true},
		{"0:05", 5 * time.Second, true},
		{"90:00", 90 * time.Minute, true},
		{"1:02:03", time.Hour + 2*time.Minute + 3*time.Second, true},
		{"1:60", 0, false},
		{"1:2", 0, false},
		{"1:02:60", 0, false},
		{"1", 0, false},
		{"1:02:03:04", 0, false},
		{"-1:00", 0, false},
		{"+1:00", 0, false},
		{"a:00", 0, false},
		{":00", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseClock(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseClock(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTimeLocator(t *testing.T) {
	tests := []struct {
		loc        string
		at         time.Duration
		isTime, ok bool
	}{
		{"at 1:23", 83 * time.Second, true, true},
		{"At\t1:02:03", time.Hour + 2*time.Minute + 3*time.Second, true, true},
		{" at  0:05 ", 5 * time.Second, true, true},
		{"at 1:2", 0, true, false},
		{"at 1:23–1:30", 0, true, false},
		{"at1:23", 0, false, false},
		{"at the start", 0, false, false},
		{"attached", 0, false, false},
		{"at", 0, false, false},
		{"p. 4", 0, false, false},
		{"", 0, false, false},
	}
	for _, tt := range tests {
		at, isTime, ok := timeLocator(tt.loc)
		if at != tt.at || isTime != tt.isTime || ok != tt.ok {
			t.Errorf("timeLocator(%q) = %v, %v, %v; want %v, %v, %v", tt.loc, at, isTime, ok, tt.at, tt.isTime, tt.ok)
		}
	}
}
