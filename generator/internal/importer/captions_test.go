package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCaptions(t *testing.T) {
	tests := []struct {
		file, mediaType, want string
		duration              time.Duration // the end of the last cue
	}{
		{"briefing.vtt", TypeVTT, "[0:01–0:10]\nGood morning. Today we release\nthe declassified assessment.\nWe have no indications that any foreign actor\nattempted to alter any technical aspect of the voting process." +
			"\n\n[1:23–1:26]\nUnlike in 2016, we did not see persistent & organized efforts." +
			"\n\n[1:02:03–1:02:05]\nQuestions, please.", time.Hour + 2*time.Minute + 5*time.Second},
		// A pause of two seconds or more starts a paragraph; a line
		// repeated by the next cue (rolling captions) is kept once.
		{"talk.srt", TypeSRT, "[0:01–0:06]\nFirst line of the talk\ncontinues here.\n\n[0:10–0:13]\nAfter a pause.", 13 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Extract(data, tt.file, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Original.MediaType != tt.mediaType {
				t.Errorf("media type %q, want %q", d.Original.MediaType, tt.mediaType)
			}
			if d.Text != tt.want {
				t.Errorf("text:\n%s\nwant:\n%s", d.Text, tt.want)
			}
			if d.Original.Duration != tt.duration {
				t.Errorf("duration %v, want %v", d.Original.Duration, tt.duration)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"00:01.000", time.Second, true},
		{"01:02:03.5", time.Hour + 2*time.Minute + 3*time.Second + 500*time.Millisecond, true},
		{"00:00:01,250", 1250 * time.Millisecond, true},
		{"1:60.000", 0, false},
		{"1.000", 0, false},
		{"aa:bb", 0, false},
		{"00:00:01.0000", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseTime(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("parseTime(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCaptionsErrors(t *testing.T) {
	for _, in := range []string{"WEBVTT\n\n", "WEBVTT\n\nNOTE only a note\n", "1\n00:00:01,000 --> 00:00:00,500\nbackwards\n"} {
		if d, err := Captions([]byte(in)); err == nil {
			t.Errorf("Captions(%q) = %q, want an error", in, d.Text)
		}
	}
}

// FuzzCaptions checks that any input either fails or gives paragraphs that
// each start with a time line and hold text.
func FuzzCaptions(f *testing.F) {
	for _, name := range []string{"briefing.vtt", "talk.srt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<b>x</b> {\\i1}y"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Captions(data)
		if err != nil {
			return
		}
		for _, p := range strings.Split(d.Text, "\n\n") {
			first, rest, ok := strings.Cut(p, "\n")
			if !ok || !strings.HasPrefix(first, "[") || !strings.HasSuffix(first, "]") || strings.TrimSpace(rest) == "" {
				t.Fatalf("paragraph %q does not start with a time and hold text", p)
			}
		}
	})
}
