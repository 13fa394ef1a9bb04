package render

import (
	"testing"
	"time"
)

// TestTimeLink checks the original links of quotes with a time locator:
// YouTube's t parameter, a media fragment elsewhere.
func TestTimeLink(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.youtube.com/watch?v=abc", "https://www.youtube.com/watch?v=abc&t=83"},
		{"https://www.youtube.com/watch?v=abc&t=5&list=x", "https://www.youtube.com/watch?v=abc&list=x&t=83"},
		{"https://youtu.be/abc", "https://youtu.be/abc?t=83"},
		{"https://m.youtube.com/watch?v=abc#comments", "https://m.youtube.com/watch?v=abc&t=83"},
		{"https://media.example.org/talk.mp4", "https://media.example.org/talk.mp4#t=83"},
		{"https://media.example.org/talk.mp4#t=5", "https://media.example.org/talk.mp4#t=83"},
		{"https://example.org/video?id=4", "https://example.org/video?id=4#t=83"},
		{"https://notyoutube.com/watch?v=abc", "https://notyoutube.com/watch?v=abc#t=83"},
	}
	for _, tt := range tests {
		if got := timeLink(tt.url, 83*time.Second+400*time.Millisecond); got != tt.want {
			t.Errorf("timeLink(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestHumanSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{999, ""}, {1000, "1.00 kB"}, {1398297, "1.40 MB"}, {52_428_800, "52.4 MB"}, {999_999, "1.00 MB"}, {123_456_789_012, "123 GB"},
	}
	for _, tt := range tests {
		if got := humanSize(tt.n); got != tt.want {
			t.Errorf("humanSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
