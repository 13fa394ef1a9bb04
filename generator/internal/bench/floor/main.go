// Command floor measures the floor for a goldmark-based site generator: it
// reads every .md file under -src, splits off the front matter, converts the
// body with goldmark (GFM and footnotes) and writes it as an .html file at
// the same relative path under -out, on runtime.NumCPU() workers. No
// templates, no checks, no links: any generator built on goldmark does at
// least this much work.
//
//	go run ./generator/internal/bench/floor -src DIR -out DIR2
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	src := flag.String("src", "", "folder to read .md files from (required)")
	out := flag.String("out", "", "folder to write .html files to (required)")
	flag.Parse()
	if *src == "" || *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}

	start := time.Now()
	var paths []string
	err := filepath.WalkDir(*src, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			paths = append(paths, path)
		}
		return err
	})
	if err != nil {
		fail(err)
	}

	workers := runtime.NumCPU()
	jobs := make(chan string)
	var wg sync.WaitGroup
	var inBytes, outBytes atomic.Int64
	var firstErr error
	var once sync.Once
	for range workers {
		wg.Go(func() {
			md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
			var buf bytes.Buffer
			for path := range jobs {
				n, err := convert(md, &buf, *src, *out, path)
				if err != nil {
					once.Do(func() { firstErr = err })
				}
				inBytes.Add(int64(n))
				outBytes.Add(int64(buf.Len()))
			}
		})
	}
	for _, p := range paths {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		fail(firstErr)
	}
	elapsed := time.Since(start)
	fmt.Printf("floor: %d files, %.1f MB Markdown -> %.1f MB HTML, %d workers, %.3fs\n",
		len(paths), float64(inBytes.Load())/1e6, float64(outBytes.Load())/1e6, workers, elapsed.Seconds())
}

// convert renders one file into buf and writes it; it returns the size of
// the Markdown body.
func convert(md goldmark.Markdown, buf *bytes.Buffer, src, out, path string) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	body := stripFrontMatter(data)
	buf.Reset()
	if err := md.Convert(body, buf); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	rel, err := filepath.Rel(src, path)
	if err != nil {
		return 0, err
	}
	dst := filepath.Join(out, strings.TrimSuffix(rel, ".md")+".html")
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return 0, err
	}
	return len(body), os.WriteFile(dst, buf.Bytes(), 0o644)
}

// stripFrontMatter returns data without a leading "---" front matter block.
func stripFrontMatter(data []byte) []byte {
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return data
	}
	if i := bytes.Index(data[3:], []byte("\n---\n")); i >= 0 {
		return data[3+i+5:]
	}
	if bytes.HasSuffix(data, []byte("\n---")) {
		return nil
	}
	return data
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "floor:", err)
	os.Exit(1)
}
