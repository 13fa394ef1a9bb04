// Command gensite writes a synthetic fact-check site for benchmarks.
//
//	go run ./generator/internal/bench/gensite -n 10000 -seed 1 -out DIR         our content format
//	go run ./generator/internal/bench/gensite -n 10000 -seed 1 -out DIR -hugo   the same as a Hugo site
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
	hugo := flag.Bool("hugo", false, "write a plain Hugo site with the same claims and sources")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gensite: %s is not empty\n", *out)
		os.Exit(2)
	}

	start := time.Now()
	site := synth.Generate(*n, *seed)
	files := site.Files()
	if *hugo {
		files = hugoFiles(site)
	}
	if err := synth.WriteFiles(*out, files); err != nil {
		fmt.Fprintln(os.Stderr, "gensite:", err)
		os.Exit(1)
	}
	fmt.Printf("gensite: %d claims, %d sources, %d files in %s (%.2fs)\n",
		len(site.Claims), len(site.Sources), len(files), *out, time.Since(start).Seconds())
}
