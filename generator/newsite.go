package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"factcheck"
	"factcheck/generator/internal/site"
)

// siteYAML is the content/site.yaml that "new site" writes: every key, each
// with a comment. {ratings} stands for the rating scale.
const siteYAML = `# Site settings. Every key is optional; what is left out has a default.

# The site's name.
title: New fact-check desk
# One line saying what the site is: on the home page and in search results.
description: Fact checks that test what was said against the text of its sources.

# The address the site is published at, with its path. Leave it out on
# GitHub Pages: the Pages workflow passes the address with --base-url.
# base_url: https://example.github.io/desk/

# The language of the site (a BCP 47 tag): the words of every page, dates,
# feeds and the negation words quote checking looks for.
language: en

# Who publishes the fact-checks: the author of every ClaimReview. url and
# logo (an image address) are optional.
organization:
  name: New fact-check desk
  # url: https://example.org/
  # logo: https://example.org/logo.png

# Where readers send corrections and claims to check: a URL or mailto:.
contact: mailto:corrections@example.org

# The rating scale, best first: each rating's id (used in claims' rating:),
# label and published definition. With n ratings the best is worth n and
# the worst 1.
ratings:
{ratings}

# Claims per listing page.
page_size: 50

# A custom domain. Set it in Settings → Pages too (an Actions deployment
# ignores the CNAME file this writes), and set base_url to match.
# cname: facts.example.org

# true lets raw HTML in Markdown through. Only for sites whose every
# writer is trusted.
unsafe_html: false

# Words that negate, besides those built in for English, Spanish, French,
# German and Portuguese: a gap or bracket in a quote that removes, adds or
# replaces one is an error.
# negation_words: [hardly, scarcely]

# The site's own texts for the words of its pages, keyed by their English
# text (go doc ./generator/internal/locale lists them). They are read and
# checked; the built-in templates do not use them yet.
# translations:
#   "Published %s": "First published %s"

# The site's languages, its own first. A claim translated into another
# one is claims/ID.LANG.md: it is checked (same rating, same sources)
# but not yet published.
# languages: [en, es]

# Font files inside the site for characters of share cards that the
# built-in fonts (Latin, Greek, Cyrillic) lack.
# card_fonts: [fonts/NotoSansSC-Regular.otf]

# Profiles for the authors' pages (authors/ID/, one for every author named
# in a claim): a short bio, a photo under static/ and a link.
# authors:
#   - name: Jane Doe
#     bio: Checks claims about public spending.
#     photo: img/jane-doe.jpg
#     url: https://example.org/jane-doe
`

// newSiteFiles are the files of a new site but site.yaml and the workflow.
// The pages are those IFCN signatories publish; the claim and the source
// are an example that passes check --strict. {today} stands for today's
// date.
var newSiteFiles = map[string]string{
	".gitignore": "# What build writes, and the share cards it keeps for the next build.\npublic/\n.cache/\n",

	"content/pages/about.md": `---
title: About
menu: 1
---

Write here who you are and what this site does: the organization behind it,
where it is based, which claims it checks (whose, on what subjects, in
which countries and languages), and how readers can reach you.

Name the people responsible for the fact-checks, and link the
[[methodology]], the [[corrections-policy]], [[funding-and-ownership]] and
the [[nonpartisanship]] statement. (Those last two are linked only from
here; a "menu" number in a page's front matter puts it in the site menu.)
`,

	"content/pages/methodology.md": `---
title: Methodology
menu: 2
---

Write here how you work, so that readers could check a claim the way you do:

- how you choose the claims you check, and how readers can suggest one;
- how you find and judge sources, and how you contact the person or
  organization that made the claim;
- what each rating means (the definitions in site.yaml are published on the
  ratings page) and who decides it;
- how quotes are checked: every quotation on this site is checked, word for
  word, against the stored text of the source it cites.
`,

	"content/pages/corrections-policy.md": `---
title: Corrections policy
menu: 3
---

Write here how readers ask for a correction (an address, a form), how soon
you answer, and what you do when you got something wrong: you correct the
fact-check, say what changed and when (a claim's corrections: key), and
every correction is listed on the corrections page.
`,

	"content/pages/funding-and-ownership.md": `---
title: Funding and ownership
---

Write here who owns this organization, its legal form, and where its money
comes from: every funder that gives more than a small share of your budget,
and what each funds. Say that funders have no say in what you check or how
you rate it.
`,

	"content/pages/nonpartisanship.md": `---
title: Nonpartisanship
---

Write here that you do not take sides: that you check claims from all sides
of a debate by the same standard, that you do not support parties or
candidates, and what you ask of your staff (no party roles, no political
campaigning). Say how you choose claims so that no side is singled out.
`,

	"content/claims/example-right-to-information.md": `---
claim: The Universal Declaration of Human Rights says nothing about a right to receive information.
claimant: Social media posts
claim_date: {today}
rating: "false"
summary: >-
  Article 19 of the Declaration names the freedom to seek, receive and impart
  information. (An example fact-check: replace it with your own.)
published: {today}
topics: [Example]
---

This is an example of a fact-check; delete it, and its source, when you
publish your own. Every quotation below is checked against the stored text
of [[udhr-article-19]]: change a word and the build fails, showing the
closest passage of the source.

Article 19 of the Declaration says that the right to freedom of opinion and
expression

> includes freedom to hold opinions without interference and to seek,
> receive and impart information and ideas through any media and regardless
> of frontiers.
>
> — [@udhr-article-19]

The right to "receive and impart information" [@udhr-article-19] is named
in so many words.
`,

	"content/sources/udhr-article-19.md": `---
title: Universal Declaration of Human Rights, Article 19
publisher: United Nations General Assembly
url: https://www.un.org/en/about-us/universal-declaration-of-human-rights
published: 1948-12-10
accessed: {today}
kind: primary
note: Article 19 only. An example source; delete it with the example claim.
---

Everyone has the right to freedom of opinion and expression; this right
includes freedom to hold opinions without interference and to seek, receive
and impart information and ideas through any media and regardless of
frontiers.
`,
}

// workflowPath is where the publishing workflow lives, in this repository
// and in a new site.
const workflowPath = ".github/workflows/pages.yml"

var generatorRef = regexp.MustCompile(`^[A-Za-z0-9-]+/[A-Za-z0-9._-]+@[A-Za-z0-9._/-]+$`)

func runNewSite(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("new site", stderr)
	gen := fl.String("generator", "", "OWNER/REPO@REF: the GitHub repository and tag or commit the site's workflow builds the generator from")
	pos, err := parse(fl, args)
	if err == nil && len(pos) == 1 && *gen != "" && !generatorRef.MatchString(*gen) {
		fmt.Fprintf(stderr, "--generator wants OWNER/REPO@REF, a GitHub repository and a tag or commit of it (e.g. example/factcheck@v1.2.0), got %q\n", *gen)
		err = errors.New("bad --generator")
	}
	if err != nil || len(pos) != 1 {
		fmt.Fprint(stderr, "usage: generator new site DIR [--generator OWNER/REPO@REF]\n")
		return 2
	}
	dir := pos[0]
	files, err := newSite(*gen, time.Now().Format("2006-01-02"))
	if err != nil {
		fmt.Fprintf(stderr, "new site: %v\n", err)
		return 1
	}
	if err := writeNewSite(dir, files); err != nil {
		fmt.Fprintf(stderr, "new site: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote a new site into %s: content/site.yaml, the pages about, methodology, corrections-policy, funding-and-ownership and nonpartisanship to fill in, an example claim and source, .gitignore and %s\n", dir, workflowPath)
	if *gen == "" {
		fmt.Fprintf(stdout, "before the first push: set GENERATOR_REPOSITORY and GENERATOR_REF in %s to the generator's repository and a tag or commit of it\n", filepath.Join(dir, workflowPath))
	}
	fmt.Fprintln(stdout, "to publish: push it to a GitHub repository's main branch, with Settings → Pages → Source: GitHub Actions")
	return 0
}

// newSite returns the files of a new site, by path. gen is OWNER/REPO@REF
// or "".
func newSite(gen, today string) (map[string]string, error) {
	files := map[string]string{}
	for p, text := range newSiteFiles {
		files[p] = strings.ReplaceAll(text, "{today}", today)
	}
	var scale strings.Builder
	for _, r := range site.DefaultRatings {
		fmt.Fprintf(&scale, "  - id: %s\n    label: %s\n    description: %s\n", strconv.Quote(r.ID), strconv.Quote(r.Label), strconv.Quote(r.Description))
	}
	files["content/site.yaml"] = strings.Replace(siteYAML, "{ratings}\n", scale.String(), 1)
	wf, err := siteWorkflow(gen)
	if err != nil {
		return nil, err
	}
	files[workflowPath] = wf
	return files, nil
}

// siteWorkflow returns this repository's publishing workflow with
// GENERATOR_REPOSITORY and GENERATOR_REF set from gen (OWNER/REPO@REF),
// for a site that has no generator/ of its own.
func siteWorkflow(gen string) (string, error) {
	b, err := fs.ReadFile(factcheck.Workflows, workflowPath)
	if err != nil {
		return "", err
	}
	wf := string(b)
	const repoLine, refLine = `  GENERATOR_REPOSITORY: ""` + "\n", `  GENERATOR_REF: ""` + "\n"
	if strings.Count(wf, repoLine) != 1 || strings.Count(wf, refLine) != 1 {
		return "", fmt.Errorf("%s has lost its lines %q and %q", workflowPath, strings.TrimSpace(repoLine), strings.TrimSpace(refLine))
	}
	if gen == "" {
		return wf, nil
	}
	repo, ref, _ := strings.Cut(gen, "@")
	wf = strings.Replace(wf, repoLine, "  GENERATOR_REPOSITORY: "+repo+"\n", 1)
	wf = strings.Replace(wf, refLine, "  GENERATOR_REF: "+ref+"\n", 1)
	return wf, nil
}

// writeNewSite writes files into dir, which must be empty or missing.
func writeNewSite(dir string, files map[string]string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s is not empty; a new site is written only into an empty or missing folder", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = f.WriteString(files[p])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
