package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/importer"
	"factcheck/generator/internal/site"
)

const importUsage = "usage: generator import FILE|URL [--id ID] [--src DIR]\n"

// importClient is the HTTP client import fetches URLs with; tests point
// it at a local server.
var importClient = http.DefaultClient

// importLimits bound a fetch; tests lower them.
var importLimits = importer.DefaultLimits

func runImport(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("import", stderr)
	src := fl.String("src", ".", "the site folder, holding content/")
	id := fl.String("id", "", "the source's id (default: from its title)")
	pos, err := parse(fl, args)
	if err != nil || len(pos) != 1 {
		fmt.Fprint(stderr, importUsage)
		return 2
	}
	if *id != "" && (!site.ValidID(*id) || site.Reserved(*id)) {
		fmt.Fprintf(stderr, "bad id %q: use lowercase letters, digits and single hyphens (not a reserved name such as %q)\n", *id, "claims")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	doc, err := readOriginal(ctx, pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "import: %s\n", diag.Escape(err.Error()))
		return 1
	}
	if *id == "" {
		*id = idFromTitle(doc.Title)
		if doc.Title == "" && !strings.Contains(pos[0], "://") {
			*id = idFromTitle(strings.TrimSuffix(filepath.Base(pos[0]), filepath.Ext(pos[0])))
		}
		if *id == "" {
			fmt.Fprintf(stderr, "import: cannot make an id from the title %q: give one with --id\n", doc.Title)
			return 1
		}
	}
	if existing := findID(*src, *id); existing != "" {
		fmt.Fprintf(stderr, "import: %s already exists with the id %q; not overwriting it (choose another with --id)\n", diag.Escape(existing), *id)
		return 1
	}
	path := filepath.Join(*src, "content", "sources", *id+".md")
	if err := writeNew(*src, path, importer.SourceFile(doc, doc.Original.Taken)); err != nil {
		fmt.Fprintf(stderr, "import: %s\n", diag.Escape(err.Error()))
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %s\n", diag.Escape(path), describe(doc))
	for _, w := range doc.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", diag.Escape(w))
	}
	if doc.Publisher == "" {
		fmt.Fprintf(stderr, "warning: no publisher found: fill in publisher in %s (it is required)\n", diag.Escape(path))
	}
	return 0
}

// readOriginal reads a file, or fetches an http(s) URL, and extracts it.
func readOriginal(ctx context.Context, from string) (*importer.Document, error) {
	if strings.Contains(from, "://") {
		f, err := importer.Fetch(ctx, importClient, from, importLimits)
		if err != nil {
			return nil, err
		}
		doc, err := importer.Extract(f.Data, f.URL, f.ContentType)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", from, err)
		}
		doc.Original.From = from
		doc.Original.Taken = time.Now()
		if doc.URL == "" {
			doc.URL = f.URL
		}
		return doc, nil
	}
	fi, err := os.Stat(from)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a file", from)
	}
	if fi.Size() > importLimits.MaxBytes {
		return nil, fmt.Errorf("%s is %d bytes, more than the limit of %d", from, fi.Size(), importLimits.MaxBytes)
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return nil, err
	}
	doc, err := importer.Extract(data, from, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	// Only the file's name: its folder is the editor's, not the public's.
	doc.Original.From = filepath.Base(from)
	// A saved file was taken when it was saved.
	doc.Original.Taken = fi.ModTime()
	return doc, nil
}

// idFromTitle makes a source id from a title: its slug, cut at a hyphen
// to at most 60 bytes.
func idFromTitle(title string) string {
	id := site.Slug(title)
	for len(id) > 60 {
		i := strings.LastIndexByte(id[:60], '-')
		if i <= 0 {
			id = ""
			break
		}
		id = id[:i]
	}
	if !site.ValidID(id) || site.Reserved(id) {
		return ""
	}
	return id
}

// writeNew writes a new file at path (inside src), never over an
// existing one, and leaves nothing behind when writing fails.
func writeNew(src, path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if link := linkOnWay(src, filepath.Dir(path)); link != "" {
		return fmt.Errorf("cannot create %s: %s is a symbolic link, which a site may not hold; make it a folder inside the site", path, link)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("cannot create %s: %v", path, err)
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// describe says in a few words what was stored.
func describe(d *importer.Document) string {
	pages := ""
	if d.Original.Pages > 0 {
		pages = fmt.Sprintf("%d pages, ", d.Original.Pages)
	}
	paras := 0
	for _, p := range strings.Split(d.Text, "\n\n") {
		if strings.TrimSpace(strings.Trim(p, "\f\n")) != "" {
			paras++
		}
	}
	return fmt.Sprintf("%q, %s%s paragraphs, %s words from %s", d.Title, pages, thousands(paras), thousands(len(strings.Fields(d.Text))), d.Original.MediaType)
}
