package importer

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestFetch(t *testing.T) {
	page := readTestdata(t, "news-article.html")
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2000)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	lim := Limits{MaxBytes: 1000_000, Timeout: 2 * time.Second, MaxRedirects: 3}
	small := Limits{MaxBytes: 1000, Timeout: 2 * time.Second, MaxRedirects: 3}
	quick := Limits{MaxBytes: 1000, Timeout: 200 * time.Millisecond, MaxRedirects: 3}
	tests := []struct {
		path    string
		lim     Limits
		wantErr string
	}{
		{"/article", lim, ""},
		{"/moved", lim, ""},
		{"/loop", lim, "more than 3 redirects"},
		{"/to-file", lim, "not http(s)"},
		{"/missing", lim, "404"},
		{"/big", small, "more than the limit"},
		{"/slow", quick, "took more than"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f, err := Fetch(context.Background(), srv.Client(), srv.URL+tt.path, tt.lim)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.URL != srv.URL+"/article" || !strings.HasPrefix(f.ContentType, "text/html") || len(f.Data) != len(page) {
				t.Errorf("got %s %s %d bytes", f.URL, f.ContentType, len(f.Data))
			}
		})
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "http://"} {
		if _, err := Fetch(context.Background(), nil, u, lim); err == nil || !strings.Contains(err.Error(), "not an http(s) URL") {
			t.Errorf("Fetch(%q): %v, want a refusal", u, err)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		data, name, declared, want, wantErr string
	}{
		{"%PDF-1.7\n...", "x.html", "", TypePDF, ""},
		{"<!doctype html><p>hi", "x.txt", "", TypeHTML, ""},
		{"<p>hi</p>", "https://example.com/a", "text/html", TypeHTML, ""},
		{"\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nhi", "x", "", TypeVTT, ""},
		{"1\n00:00:01,000 --> 00:00:02,000\nhi", "x.txt", "", TypeSRT, ""},
		{"just words", "notes.txt", "", TypePlain, ""},
		{"just words", "clip.vtt", "", TypeVTT, ""},
		{"<html>", "report.pdf", "", "", "not a PDF"},
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.png", "", "", "image/png"},
		{"PK\x03\x04\x14\x00\x00\x00", "doc.docx", "", "", "cannot import"},
		{"caf\xe9 au lait", "latin1.txt", "", "", "not UTF-8"},
	}
	for _, tt := range tests {
		got, err := Sniff([]byte(tt.data), tt.name, tt.declared)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Sniff(%q, %q) = %q, %v; want an error saying %q", tt.data, tt.name, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Sniff(%q, %q) = %q, %v; want %q", tt.data, tt.name, got, err, tt.want)
		}
	}
}

func TestPlainPages(t *testing.T) {
	d, err := Extract([]byte("page one\n\fpage two\r\n\r\nmore\f"), "out.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "page one\n\f\npage two\n\nmore"; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
}
