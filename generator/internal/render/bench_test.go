package render

import (
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"factcheck/generator/internal/site"
	"factcheck/generator/internal/synth"
)

// benchSite is a generated 1,000-claim site with the built-in templates,
// loaded once for all benchmarks.
var benchSite struct {
	once sync.Once
	r    *Renderer
	jobs map[string]Job
}

func benchRenderer(b *testing.B) (*Renderer, map[string]Job) {
	b.Helper()
	benchSite.once.Do(func() {
		fsys := fstest.MapFS{}
		for name, data := range synth.Files(1000, 1) {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		s, diags := site.Load(fsys, site.Options{})
		if diags.Errors() > 0 {
			b.Fatalf("site has errors: %v", diags)
		}
		tmpl, err := LoadTemplates(os.DirFS("../../../templates"), nil)
		if err != nil {
			b.Fatal(err)
		}
		r := New(s, tmpl)
		jobs := map[string]Job{}
		for _, j := range r.Jobs() {
			jobs[j.Path] = j
		}
		benchSite.r, benchSite.jobs = r, jobs
	})
	if benchSite.r == nil {
		b.Fatal("the generated site did not load")
	}
	return benchSite.r, benchSite.jobs
}

// benchJob renders the page at path b.N times.
func benchJob(b *testing.B, path string) {
	_, jobs := benchRenderer(b)
	j, ok := jobs[path]
	if !ok {
		b.Fatalf("no job writes %s", path)
	}
	out, err := j.Render() // fills the card and chrome caches, as in a build
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := j.Render(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClaimPage(b *testing.B)   { benchJob(b, "claims/claim-00500/index.html") }
func BenchmarkSourcePage(b *testing.B)  { benchJob(b, "sources/source-0050/index.html") }
func BenchmarkListingPage(b *testing.B) { benchJob(b, "claims/page/3/index.html") }
func BenchmarkTopicPage(b *testing.B)   { benchJob(b, mustTopic(b)+"index.html") }

func mustTopic(b *testing.B) string {
	r, _ := benchRenderer(b)
	return topicPath(r.site.Topics[0].ID)
}

func BenchmarkNotFoundPage(b *testing.B) { benchJob(b, "404.html") }

func BenchmarkClaimsJSON(b *testing.B) { benchJob(b, "claims.json") }

// BenchmarkSite renders every page of the 1,000-claim site once per
// iteration, as a build does but on one core and without writing: the
// cards and the site's chrome are rendered afresh each time.
func BenchmarkSite(b *testing.B) {
	r, _ := benchRenderer(b)
	b.ReportAllocs()
	for b.Loop() {
		fresh := New(r.site, r.tmpl)
		for _, j := range fresh.Jobs() {
			if j.Render == nil || strings.HasSuffix(j.Path, ".png") {
				continue // the search index and the share cards
			}
			out, err := j.Render()
			if err != nil {
				b.Fatal(err)
			}
			if j.Fresh {
				Recycle(out)
			}
		}
	}
}
