// Command generator builds a fact-check site from Markdown, proving that
// every quote is in its source.
//
//	generator build [--src DIR] [--out DIR] [--base-url URL] [--drafts] [--cache DIR|none] [--timings]
//	generator serve [--src DIR] [--bind ADDR] [--port N] [--drafts] [--poll DURATION]
//	generator check [--src DIR] [--drafts] [--strict] [--format text|json]
//	generator new claim|source ID [--src DIR]
//	generator new site DIR [--generator OWNER/REPO@REF]
//	generator import FILE|URL [--id ID] [--src DIR]
//	generator version
//
// See README.md for the content format.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"time"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/pipeline"
	"factcheck/generator/internal/serve"
	"factcheck/generator/internal/site"
)

// version is set at link time for releases (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

const usage = `usage:
  generator build [--src DIR] [--out DIR] [--base-url URL] [--drafts] [--cache DIR|none] [--timings]
  generator serve [--src DIR] [--bind ADDR] [--port N] [--drafts] [--poll DURATION]
  generator check [--src DIR] [--drafts] [--strict] [--format text|json]
  generator new claim|source ID [--src DIR]
  generator new site DIR [--generator OWNER/REPO@REF]
  generator import FILE|URL [--id ID] [--src DIR]
  generator version
`

func main() {
	os.Exit(profiled(func() int { return run(os.Args[1:], os.Stdout, os.Stderr) }))
}

// profiled runs f and returns its exit code, writing with
// FC_CPUPROFILE=FILE a CPU profile of it and with FC_TRACE=FILE an
// execution trace (go tool trace): for bench/, and for finding what is
// slow and where a core waits.
func profiled(f func() int) int {
	if p := os.Getenv("FC_CPUPROFILE"); p != "" {
		if out, err := os.Create(p); err == nil && pprof.StartCPUProfile(out) == nil {
			defer out.Close()
			defer pprof.StopCPUProfile()
		}
	}
	if p := os.Getenv("FC_TRACE"); p != "" {
		if out, err := os.Create(p); err == nil && trace.Start(out) == nil {
			defer out.Close()
			defer trace.Stop()
		}
	}
	return f()
}

// writeHeapProfile writes, with FC_MEMPROFILE=FILE, what a build keeps in
// memory once it is done: the loaded site (for bench/ and for finding
// what is big).
func writeHeapProfile() {
	if p := os.Getenv("FC_MEMPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}

// run runs one command and returns its exit code: 0 ok, 1 content errors,
// 2 usage.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	isHelp := func(a string) bool { return a == "-h" || a == "-help" || a == "--help" }
	if slices.ContainsFunc(args, isHelp) {
		switch cmd {
		case "build", "serve", "check", "new", "import":
			// "build --help", "new site --help": the command's flags and
			// the usage, on stdout, as asked for.
			command(cmd, append(slices.DeleteFunc(slices.Clone(args), isHelp), "-h"), stdout, stdout)
			return 0
		case "version":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	return command(cmd, args, stdout, stderr)
}

// command runs the command cmd with its arguments.
func command(cmd string, args []string, stdout, stderr io.Writer) int {
	switch cmd {
	case "build":
		return runBuild(args, stdout, stderr)
	case "serve":
		return runServe(args, stdout, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
	case "new":
		return runNew(args, stdout, stderr)
	case "import":
		return runImport(args, stdout, stderr)
	case "version", "--version", "-version":
		if len(args) > 0 {
			return usageError(stderr, args)
		}
		fmt.Fprintln(stdout, "generator", version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "unknown command %q\n%s", cmd, usage)
	return 2
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses flags, allowing them before and after positional
// arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	src := fs.String("src", ".", "the site folder, holding content/")
	out := fs.String("out", "", "the output folder (default SRC/public)")
	baseURL := fs.String("base-url", "", "the URL the site is published at, replacing site.yaml's base_url")
	drafts := fs.Bool("drafts", false, "include draft claims")
	timings := fs.Bool("timings", false, "print how long each step took")
	cache := fs.String("cache", "", "the folder where a build keeps share cards and parsed content for the next (default SRC/.cache; \"none\" keeps none)")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return usageError(stderr, pos)
	}
	if err := siteFolder(*src); err != nil {
		fmt.Fprintf(stderr, "build failed: %s\n", diag.Escape(err.Error()))
		return 2
	}
	if *out == "" {
		*out = filepath.Join(*src, "public")
	}
	switch *cache {
	case "":
		*cache = filepath.Join(*src, ".cache")
	case "none":
		*cache = ""
	}
	defer setGC(buildHeapCeiling, buildMostPercent, firstCollection)()
	start := time.Now()
	progress := new(pipeline.Progress)
	stopProgress := showProgress(stderr, progress, start)
	res, diags, err := pipeline.Write(pipeline.Options{Src: *src, Drafts: *drafts, BaseURL: *baseURL, Progress: progress, Cache: *cache}, *out)
	stopProgress()
	writeHeapProfile()
	printDiags(stderr, diags)
	if errors.Is(err, pipeline.ErrContent) {
		fmt.Fprintf(stderr, "build failed: %s; %s left as it was\n", countDiags(diags), *out)
		return 1
	}
	if err != nil {
		if d, ok := pipeline.Diagnose(*src, err); ok {
			printDiags(stderr, d)
			fmt.Fprintf(stderr, "build failed: %s; %s left as it was\n", countDiags(d), *out)
			return 1
		}
		fmt.Fprintf(stderr, "build failed: %s\n", diag.Escape(err.Error()))
		if errors.Is(err, pipeline.ErrRefused) {
			return 2 // a wrong --out, as for any other bad argument
		}
		return 1
	}
	if res.Warning != "" {
		fmt.Fprintf(stderr, "warning: %s\n", diag.Escape(res.Warning))
	}
	if res.Site.Config.BaseURL == "/" {
		fmt.Fprintln(stderr, "warning: no base_url in content/site.yaml and no --base-url: the feed, sitemap, canonical links and JSON-LD urls are left out")
	}
	took := time.Since(start)
	count := func(n int, one, many string) string { return thousands(n) + " " + plural(n, one, many) }
	if *timings {
		st := res.Site.Stats
		fmt.Fprintf(stdout, "timings: read and parse %d files %s, link %s (verify %d quotes %s), render and write %s (%s of %s pages rendered, %s of %s share cards drawn, %s written)\n",
			st.Files, seconds(st.Read), seconds(st.Link), st.Quotes, seconds(st.Verify), seconds(took-st.Read-st.Link),
			thousands(res.Rendered), thousands(res.Pages), thousands(res.CardsDrawn), thousands(res.Cards), count(res.Written, "file", "files"))
	}
	fmt.Fprintf(stdout, "built %s%s, %s, %s in %s into %s\n",
		count(len(res.Site.Claims), "claim", "claims"), translations(res.Site), count(len(res.Site.Sources), "source", "sources"), count(res.Pages, "page", "pages"), seconds(took), *out)
	return 0
}

// translations says, for the build summary, how many translated claims
// the site has besides its claims in its own language (Site.Claims):
// " (+4 translations)", or "" when it has none.
func translations(s *site.Site) string {
	n := 0
	for _, cs := range s.Translated {
		n += len(cs)
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (+%s %s)", thousands(n), plural(n, "translation", "translations"))
}

func seconds(d time.Duration) string {
	if d < 10*time.Millisecond {
		return d.Round(100 * time.Microsecond).String()
	}
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// thousands writes n with commas: 12,056.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// showProgress shows, on a terminal, how many files a build has made, once
// it has run for two seconds; the returned function clears the line.
func showProgress(w io.Writer, p *pipeline.Progress, start time.Time) (stop func()) {
	f, ok := w.(*os.File)
	if !ok {
		return func() {}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		shown := false
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-tick.C:
				if time.Since(start) < 2*time.Second {
					continue
				}
				shown = true
				if total := p.Total.Load(); total == 0 {
					fmt.Fprintf(w, "\rloading and checking the content… %s", seconds(time.Since(start)))
				} else {
					fmt.Fprintf(w, "\r\033[Kwriting %s of %s files… %s", thousands(int(p.Done.Load())), thousands(int(total)), seconds(time.Since(start)))
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	src := fs.String("src", ".", "the site folder, holding content/")
	strict := fs.Bool("strict", false, "count warnings as errors")
	format := fs.String("format", "text", "output format: text or json")
	drafts := fs.Bool("drafts", false, "check draft claims too")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return usageError(stderr, pos)
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "--format wants text or json, got %q\n", *format)
		return usageError(stderr, nil)
	}
	if err := siteFolder(*src); err != nil {
		fmt.Fprintf(stderr, "check: %s\n", diag.Escape(err.Error()))
		return 2
	}
	diags := pipeline.Check(pipeline.Options{Src: *src, Drafts: *drafts})
	if *format == "json" {
		diag.WriteJSON(stdout, diags)
	} else {
		diag.WriteText(stdout, diags, os.Getenv("GITHUB_ACTIONS") == "true")
		fmt.Fprintf(stderr, "%s\n", countDiags(diags))
	}
	if diags.Errors() > 0 || (*strict && len(diags) > 0) {
		return 1
	}
	return 0
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	src := fs.String("src", ".", "the site folder, holding content/")
	bind := fs.String("bind", "127.0.0.1", "the address to listen on")
	port := fs.Int("port", 1313, "the port to listen on")
	drafts := fs.Bool("drafts", false, "include draft claims")
	poll := fs.Duration("poll", 0, "poll for changes at this interval instead of using file system events (e.g. 500ms)")
	if pos, err := parse(fs, args); err != nil || len(pos) > 0 {
		return usageError(stderr, pos)
	}
	if err := siteFolder(*src); err != nil {
		fmt.Fprintf(stderr, "serve: %s\n", diag.Escape(err.Error()))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	defer setGC(serveHeapCeiling, serveMostPercent, 0)()
	err := serve.Run(ctx, serve.Options{Src: *src, Bind: *bind, Port: *port, Drafts: *drafts, Poll: *poll, Stdout: stdout, Stderr: stderr})
	if err != nil {
		fmt.Fprintf(stderr, "serve: %s\n", diag.Escape(err.Error()))
		return 1
	}
	return 0
}

// siteFolder reports, for build, check and serve, a --src that is not a
// site: a folder with a content/ folder in it (new site makes one). A
// mistyped --src would otherwise build an empty site.
func siteFolder(src string) error {
	fi, err := os.Stat(filepath.Join(src, "content"))
	switch {
	case err == nil && fi.IsDir():
		return nil
	case err == nil || errors.Is(err, os.ErrNotExist):
		if fi, err := os.Stat(src); err != nil || !fi.IsDir() {
			return fmt.Errorf("no site folder %s: there is no such folder", src)
		}
		return fmt.Errorf("no site in %s: it has no content/ folder (give the site folder with --src, or make one with \"generator new site DIR\")", src)
	default:
		return fmt.Errorf("cannot read the site folder: %w", err)
	}
}

func usageError(stderr io.Writer, pos []string) int {
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "unexpected argument %q\n", pos[0])
	}
	fmt.Fprint(stderr, usage)
	return 2
}

// printDiags prints diagnostics one a line, also as GitHub annotations
// when running in GitHub Actions.
func printDiags(w io.Writer, diags diag.List) {
	diag.WriteText(w, diags, os.Getenv("GITHUB_ACTIONS") == "true")
}

func countDiags(diags diag.List) string {
	e := diags.Errors()
	w := len(diags) - e
	return fmt.Sprintf("%d %s, %d %s", e, plural(e, "error", "errors"), w, plural(w, "warning", "warnings"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
