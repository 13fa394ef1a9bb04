// Command gensite writes a synthetic fact-check site for benchmarks.
//
//	go run ./generator/internal/bench/gensite -n 10000 -seed 1 -out DIR         our content format
//	go run ./generator/internal/bench/gensite -n 10000 -seed 1 -out DIR -hugo   the same as a Hugo site
//
// -shape varied writes the claims' and sources' front matter the other
// common ways (flow lists, comments, block scalars, quoted and plain text,
// quoted dates, keys in any order) and every claim in content/claims/
// (see synth.Varied); its Hugo site has the same claims' front matter.
//
// DIR must not exist or be empty.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"factcheck/generator/internal/synth"
)

func main() {
	n := flag.Int("n", 10000, "number of claims (sources: n/10)")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", "", "folder to write the site to (required; must be empty or missing)")
	hugo := flag.Bool("hugo", false, "write a Hugo site with the same claims and sources, its layouts mirroring fc's pages")
	shapeName := flag.String("shape", "plain", "how the front matter and folders are written: plain or varied")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	shape, err := synth.ParseShape(*shapeName)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensite:", err)
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gensite: %s is not empty\n", *out)
		os.Exit(2)
	}

	start := time.Now()
	site := synth.Generate(*n, *seed)
	files := site.FilesShape(shape)
	if *hugo {
		files = hugoFiles(site, shape)
	}
	if err := synth.WriteFiles(*out, files); err != nil {
		fmt.Fprintln(os.Stderr, "gensite:", err)
		os.Exit(1)
	}
	fmt.Printf("gensite: %d claims, %d sources, %d files (%s) in %s (%.2fs)\n",
		len(site.Claims), len(site.Sources), len(files), shape, *out, time.Since(start).Seconds())
}
