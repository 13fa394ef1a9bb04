package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/site"
)

// claimTemplate is what "new claim" writes: every key, with a comment.
const claimTemplate = `---
claim: ""                # the claim as it was made, word for word if you can
short: ""                # optional: the claim in under 75 characters, for search engines (claimReviewed)
claimant: ""             # who made it; or {name: "…", url: "https://…"}
claim_date: %[1]s        # when it was made (YYYY-MM-DD)
appearances: []          # URLs where it appeared; the first is its first appearance
rating: ""               # one of: %[2]s
summary: ""              # the verdict in one or two plain sentences
published: %[1]s         # when this fact-check is published
# updated: %[1]s         # when it was last changed
authors: []              # who wrote the fact-check
topics: []               # topic names, e.g. [Elections, Russia]
corrections: []          # list of {date: YYYY-MM-DD, note: "what was corrected"}
draft: true              # remove when ready: "build" and "check" leave drafts out; "check --drafts" and "serve --drafts" check them
aliases: []              # old ids of this claim, which will redirect here
---

What was claimed, and where.

What the sources say, quoted word for word:

> the exact words of the source
>
> — [@source-id]

Inline quotes work too: the source says "exact words" [@source-id].
Link other fact-checks with [[claim-id]].
`

// sourceTemplate is what "new source" writes.
const sourceTemplate = `---
title: ""                # title of the document
publisher: ""            # who published it
url: ""                  # where the original lives (http or https)
published:               # when it was published (YYYY-MM-DD)
accessed: %[1]s          # when you read it
archive_url: ""          # a snapshot, e.g. in a web archive
kind: other              # primary, report, news, statement, dataset, social or other
format: markdown         # markdown, or text for transcripts where * _ # are just characters
note: ""                 # an editor's note about this copy; never quoted against
---

Paste the text of the source here. Quotes are checked against it.
`

func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "site" {
		return runNewSite(args[1:], stdout, stderr)
	}
	fl := newFlags("new", stderr)
	src := fl.String("src", ".", "the site folder, holding content/")
	pos, err := parse(fl, args)
	if err != nil || len(pos) != 2 || (pos[0] != "claim" && pos[0] != "source") {
		fmt.Fprint(stderr, "usage: generator new claim|source ID [--src DIR]\n       generator new site DIR [--generator OWNER/REPO@REF]\n")
		return 2
	}
	kind, id := pos[0], pos[1]
	if !site.ValidID(id) || site.Reserved(id) {
		fmt.Fprintf(stderr, "bad id %q: use lowercase letters, digits and single hyphens (not a reserved name such as %q)\n", id, "claims")
		return 2
	}
	if existing := findID(*src, id); existing != "" {
		fmt.Fprintf(stderr, "%s already exists with the id %q; not overwriting it\n", diag.Escape(existing), id)
		return 1
	}
	today := time.Now().Format("2006-01-02")
	var path, text string
	if kind == "claim" {
		var ids []string
		for _, r := range site.DefaultRatings {
			ids = append(ids, r.ID)
		}
		path = filepath.Join(*src, "content", "claims", id+".md")
		text = fmt.Sprintf(claimTemplate, today, strings.Join(ids, ", ")+" (or your site.yaml scale)")
	} else {
		path = filepath.Join(*src, "content", "sources", id+".md")
		text = fmt.Sprintf(sourceTemplate, today)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintln(stderr, diag.Escape(err.Error()))
		return 1
	}
	if link := linkOnWay(*src, filepath.Dir(path)); link != "" {
		fmt.Fprintf(stderr, "cannot create %s: %s is a symbolic link, which a site may not hold; make it a folder inside the site\n", diag.Escape(path), diag.Escape(link))
		return 1
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		fmt.Fprintf(stderr, "cannot create %s: %s\n", diag.Escape(path), diag.Escape(err.Error()))
		return 1
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, diag.Escape(err.Error()))
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", diag.Escape(path))
	if kind == "claim" {
		fmt.Fprintln(stdout, "it is a draft: preview and check it with \"serve --drafts\" or \"check --drafts\"")
	}
	return 0
}

// linkOnWay returns the first folder from src down to dir (inside src)
// that is a symbolic link, or "": a linked content/claims/ would have
// "new" write outside the site.
func linkOnWay(src, dir string) string {
	rel, err := filepath.Rel(src, dir)
	if err != nil {
		return dir
	}
	p := src
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeSymlink != 0 {
			return p
		}
	}
	return ""
}

// findID returns the file that already has id, in any folder of content/.
func findID(src, id string) string {
	found := ""
	root := filepath.Join(src, "content")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipAll
			}
			return nil
		}
		if !d.IsDir() && d.Name() == id+".md" {
			found = p
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
