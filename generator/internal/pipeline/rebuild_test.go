package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/output"
	"factcheck/generator/internal/synth"
)

// TestRebuildIsColdBuild edits a site in many ways, and checks that
// each rebuild into the existing output (which writes only what
// changed), with what the previous build parsed in the cache folder
// (site.OpenCache), leaves exactly what a build into a new folder with a
// cache without it makes, byte for byte, Marker and manifest included,
// with the same diagnostics; that it wrote fewer files when the edit
// changes only some pages; and that it parsed only a few files when the
// edit is to a few.
func TestRebuildIsColdBuild(t *testing.T) {
	dir := t.TempDir()
	src, out, cache := filepath.Join(dir, "site"), filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	if err := synth.Write(src, 60, 3); err != nil {
		t.Fatal(err)
	}
	claims, _ := filepath.Glob(filepath.Join(src, "content", "claims", "*", "*.md"))
	sources, _ := filepath.Glob(filepath.Join(src, "content", "sources", "*.md"))
	if len(claims) < 3 || len(sources) < 2 {
		t.Fatalf("%d claims, %d sources", len(claims), len(sources))
	}
	edit := func(name string, f func(string) string) func(t *testing.T) {
		return func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			s := f(string(b))
			if s == string(b) {
				t.Fatalf("the edit changes nothing in %s", name)
			}
			if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	write := func(name, data string) func(t *testing.T) {
		return func(t *testing.T) {
			p := filepath.Join(src, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	remove := func(name string) func(t *testing.T) {
		return func(t *testing.T) {
			if err := os.Remove(name); err != nil {
				t.Fatal(err)
			}
		}
	}
	newClaim, _ := os.ReadFile(claims[1])
	first, _ := os.ReadFile(claims[0])
	newest := regexp.MustCompile(`(?m)^(published|claim_date): .*$`).ReplaceAllString(string(first), "$1: 2030-01-02")
	newest = regexp.MustCompile(`\[\[[^\]]*\]\]`).ReplaceAllString(newest, "another check")
	newest = strings.Replace(newest, "claim: \"", "claim: \"Newest: ", 1)
	replace := func(re, with string) func(string) string {
		return func(s string) string { return regexp.MustCompile(re).ReplaceAllString(s, with) }
	}
	// translate writes claim's translation into Spanish, ID.es.md: the
	// claim as it is then, its text starting with prefix.
	translate := func(claim, prefix string) func(t *testing.T) {
		return func(t *testing.T) {
			b, err := os.ReadFile(claim)
			if err != nil {
				t.Fatal(err)
			}
			es := strings.Replace(string(b), "claim: \"", "claim: \""+prefix, 1)
			if err := os.WriteFile(strings.TrimSuffix(claim, ".md")+".es.md", []byte(es), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Pages are kept by their IDs (render.Job.ID): most edits render a
	// few pages; one that changes what every page is made from, or a
	// template that reaches all claims through .Site, renders them all.
	for _, tc := range []struct {
		name string
		edit func(t *testing.T)
		all  bool // every page changes
		some bool // not every page is rendered
	}{
		{"claim text", edit(claims[0], replace(`(?m)^claim: "`, `claim: "Edited: `)), false, true},
		{"claim body", edit(claims[0], func(s string) string { return s + "\nOne more paragraph.\n" }), false, true},
		{"rating", edit(claims[2], replace(`(?m)^rating: .*$`, `rating: "misleading"`)), false, true},
		{"claimant", edit(claims[1], replace(`(?m)^claimant: .*$`, `claimant: "Someone Else"`)), false, true},
		{"new claim", write("content/claims/new/claim-new.md", strings.Replace(string(newClaim), "claim: \"", "claim: \"New: ", 1)), false, true},
		{"deleted claim", remove(filepath.Join(src, "content", "claims", "new", "claim-new.md")), false, true},
		// The newest claim on claims[0]'s topics, linking nowhere: it
		// joins the related lists of the claims on those topics.
		{"newest on a topic", write("content/claims/new/claim-newest.md", newest), false, true},
		{"source", edit(sources[0], func(s string) string { return s + "\nA new paragraph of the source.\n" }), false, true},
		{"source title", edit(sources[1], replace(`(?m)^title: "?`, `title: "Retitled `)), false, true},
		{"static file added", write("static/extra/notes.txt", "notes"), false, false},
		{"static file removed", remove(filepath.Join(src, "static", "extra", "notes.txt")), false, false},
		{"template", write("templates/404.html", `{{define "main"}}<h1>Nothing here</h1>{{end}}`), false, false},
		{"template using .Site", write("templates/claim.html", `{{define "main"}}<h1>{{.Title}}</h1><p>One of {{len .Site.Claims}}.</p>{{end}}`), true, false},
		{"new claim, .Site", write("content/claims/new/claim-new.md", strings.Replace(string(newClaim), "claim: \"", "claim: \"New: ", 1)), false, false},
		{"site.yaml", edit(filepath.Join(src, "content", "site.yaml"), replace(`(?m)^title: .*$`, `title: Another Title`)), true, false},
		// A second language, then a translation of claims[0]: its pages
		// under es/, and the alternates of the claim's page.
		{"template using .Site removed", remove(filepath.Join(src, "templates", "claim.html")), true, false},
		{"languages", edit(filepath.Join(src, "content", "site.yaml"), replace(`(?m)^language: en$`, `languages: [en, es]`)), true, false},
		{"translation added", translate(claims[0], "Traducida: "), false, true},
		{"translation edited", translate(claims[0], "Traducida otra vez: "), false, true},
		{"translation removed", remove(strings.TrimSuffix(claims[0], ".md") + ".es.md"), false, true},
		// A quote's source changes: the claims quoting it are checked again.
		{"quoted source", edit(sources[0], replace(`(?m)^([A-Z][^\n]{40,})$`, "Changed: $1")), false, false},
		// A cache file torn by a crash: its files are parsed again, and
		// nothing else changes.
		{"torn cache file", func(t *testing.T) {
			shards, _ := filepath.Glob(filepath.Join(cache, "parsed", "parse-*.bin"))
			if len(shards) == 0 {
				t.Fatal("no parse cache")
			}
			b, _ := os.ReadFile(shards[0])
			os.WriteFile(shards[0], b[:len(b)/2], 0o644)
		}, false, false},
		{"no change", func(*testing.T) {}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustWriteCached(t, src, out, cache)
			tc.edit(t)
			res, diags := mustWriteDiags(t, src, out, cache)
			// The cold build draws no share card again, but parses all.
			coldCache := t.TempDir()
			if err := os.CopyFS(filepath.Join(coldCache, "cards"), os.DirFS(filepath.Join(cache, "cards"))); err != nil {
				t.Fatal(err)
			}
			cold := filepath.Join(t.TempDir(), "public")
			coldRes, coldDiags := mustWriteDiags(t, src, cold, coldCache)
			sameSnapshot(t, "rebuilt output", snapshot(t, out), snapshot(t, cold))
			if got, want := fmt.Sprint(diags), fmt.Sprint(coldDiags); got != want {
				t.Errorf("diagnostics of the rebuild:\n%s\nof a cold build:\n%s", got, want)
			}
			noLeftovers(t, out)
			st := res.Site.Stats
			t.Logf("rebuild parsed %d files of %d, verified %d quotes, rendered %d pages and wrote %d files, a new folder %d and %d", st.Parsed, st.Files, st.Quotes, res.Rendered, res.Written, coldRes.Rendered, coldRes.Written)
			if coldRes.Site.Stats.Parsed != coldRes.Site.Stats.Files {
				t.Errorf("cold build parsed %d files of %d", coldRes.Site.Stats.Parsed, coldRes.Site.Stats.Files)
			}
			if tc.some && st.Parsed*2 > st.Files {
				t.Errorf("rebuild parsed %d files of %d", st.Parsed, st.Files)
			}
			if !tc.all && res.Written*2 > coldRes.Written {
				t.Errorf("rebuild wrote %d files of %d", res.Written, coldRes.Written)
			}
			if tc.some && res.Rendered*2 > coldRes.Rendered {
				t.Errorf("rebuild rendered %d pages of %d", res.Rendered, coldRes.Rendered)
			}
			if tc.name == "new claim, .Site" && res.Rendered < len(claims) {
				t.Errorf("a claim template using .Site: rebuild rendered %d pages, fewer than the %d claims", res.Rendered, len(claims))
			}
			if res.Unchanged != (tc.name == "no change" || tc.name == "torn cache file") {
				t.Errorf("Unchanged is %v", res.Unchanged)
			}
			if tc.name == "no change" && res.Written != 0 {
				t.Errorf("no change: wrote %d files", res.Written)
			}
		})
	}
}

// TestUnchangedInputs: a build whose inputs are those of the previous
// one renders nothing, unless a file of the output was changed or
// removed since, or the options differ.
func TestUnchangedInputs(t *testing.T) {
	dir := t.TempDir()
	src, out, cache := filepath.Join(dir, "site"), filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	if err := synth.Write(src, 5, 1); err != nil {
		t.Fatal(err)
	}
	if res := mustWriteCached(t, src, out, cache); res.Unchanged {
		t.Errorf("first build: Unchanged")
	}
	want := snapshot(t, out)
	if res := mustWriteCached(t, src, out, cache); !res.Unchanged || res.Written != 0 || res.Pages == 0 {
		t.Errorf("second build: Unchanged %v, %d written, %d pages", res.Unchanged, res.Written, res.Pages)
	}
	index := filepath.Join(out, "index.html")
	for _, tc := range []struct {
		name   string
		change func()
	}{
		{"edited by hand", func() { os.WriteFile(index, []byte("edited"), 0o644) }},
		{"removed by hand", func() { os.Remove(index) }},
		{"hidden file in content", func() { os.WriteFile(filepath.Join(src, "content", ".notes"), []byte("x"), 0o644) }},
		{"empty folder in static", func() { os.MkdirAll(filepath.Join(src, "static", "empty"), 0o755) }},
	} {
		tc.change()
		if res := mustWriteCached(t, src, out, cache); res.Unchanged {
			t.Errorf("%s: Unchanged", tc.name)
		}
		// The same output: only the Marker changes, with the inputs.
		got := snapshot(t, out)
		delete(got, output.Marker)
		delete(want, output.Marker)
		sameSnapshot(t, tc.name, got, want)
		want = snapshot(t, out)
	}
	res, d, err := Write(Options{Src: src, Cache: cache, BaseURL: "https://other.example/"}, out)
	if err != nil || d.Errors() > 0 || res.Unchanged || res.Written == 0 {
		t.Errorf("another base URL: %v %v, Unchanged %v, %d written", err, d, res.Unchanged, res.Written)
	}
}

// TestNewProgram: a new program renders every page again (every ID
// names the program), and writes none whose bytes are the same: not the
// pages, the share cards or the search index's chunks.
func TestNewProgram(t *testing.T) {
	dir := t.TempDir()
	src, out, cache := filepath.Join(dir, "site"), filepath.Join(dir, "public"), filepath.Join(dir, "cache")
	if err := synth.Write(src, 40, 2); err != nil {
		t.Fatal(err)
	}
	cold := mustWriteCached(t, src, out, cache)
	want := snapshot(t, out)
	stamp.mu.Lock()
	v, done := stamp.v, stamp.done
	stamp.v, stamp.done = "another program", true
	stamp.mu.Unlock()
	defer func() {
		stamp.mu.Lock()
		stamp.v, stamp.done = v, done
		stamp.mu.Unlock()
	}()
	res := mustWriteCached(t, src, out, cache)
	if res.Unchanged || res.Rendered != cold.Rendered || res.Written != 0 {
		t.Errorf("after a new program: Unchanged %v, %d pages rendered of %d, %d files written; want all rendered, none written",
			res.Unchanged, res.Rendered, cold.Rendered, res.Written)
	}
	// The same files, but for the manifest, which names the new IDs.
	got := snapshot(t, out)
	delete(got, output.Marker)
	delete(want, output.Marker)
	sameSnapshot(t, "output of the new program", got, want)
}

func mustWriteCached(t *testing.T, src, out, cache string) *Result {
	t.Helper()
	res, _ := mustWriteDiags(t, src, out, cache)
	return res
}

func mustWriteDiags(t *testing.T, src, out, cache string) (*Result, diag.List) {
	t.Helper()
	res, d, err := Write(Options{Src: src, Cache: cache}, out)
	if err != nil {
		t.Fatalf("build failed: %v\n%v", err, d)
	}
	if res.Warning != "" {
		t.Errorf("warning: %s", res.Warning)
	}
	return res, d
}
