// Package serve is the dev server: it builds the site into memory, serves
// it, and rebuilds and reloads the browser when a file changes.
package serve

import (
	"context"
	"errors"
	"io"
	"time"
)

// Options configure the dev server.
type Options struct {
	Src            string
	Bind           string
	Port           int
	Drafts         bool
	Poll           time.Duration
	Stdout, Stderr io.Writer
}

// Run serves until ctx is done.
func Run(ctx context.Context, opts Options) error {
	return errors.New("not implemented yet")
}
