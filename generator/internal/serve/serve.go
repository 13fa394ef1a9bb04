// Package serve is the dev server behind `generator serve`: a live preview
// for editors. It builds the site into memory, serves it, watches the site
// folder, rebuilds when a file changes and makes open browser tabs follow.
//
// # Serving
//
// Pages come only from the in-memory site, never from the disk, so a URL
// cannot reach a file outside the site: the path is cleaned ("..", NUL and
// backslashes give 404), /dir redirects to /dir/, /dir/ serves
// dir/index.html, a missing page is 404.html with status 404, and nothing
// is cached (Cache-Control: no-store). The server binds 127.0.0.1 unless
// told otherwise, and answers only requests addressed to localhost, a
// loopback address or the address it binds (see hostAllowed: DNS
// rebinding).
//
// A rebuild swaps the whole new site in at once (an atomic pointer), so a
// reader never sees half of one build and half of the next. A failed
// rebuild keeps the last good site.
//
// # Watching
//
// content/, templates/ and static/ are watched recursively with fsnotify,
// including folders created later. Editors rarely write a file in one
// step: vim writes a probe file named 4913 and a .swp file, emacs writes
// #x# and .#x, JetBrains IDEs write x___jb_tmp___, and many editors save
// "atomically" by writing a temporary file and renaming it over the
// original. So the watcher ignores those names, treats a rename onto a
// path as a change of that path, and batches events: it waits until the
// folder has been quiet for a few tens of milliseconds, so that one save
// is one rebuild. On file systems without change events (Docker volumes,
// WSL) --poll compares modification times and sizes at an interval
// instead.
//
// # Reloading
//
// Every HTML response (not the stored site) gets a small script before
// </body>. It listens to a server-sent-event stream, /__reload/events,
// whose events carry the state of the site: its generation, whether the
// last build failed and its errors. The server sends an event only after
// the new site is swapped in, so a reload always sees the new pages. A
// change to .css files only swaps the stylesheets in place; any other
// change reloads the page, keeping its scroll position. A failed build
// shows an overlay with its errors over every page, until a good build
// reloads the page.
//
// Browsers open at most six HTTP/1.1 connections to one host, and an
// event stream holds one for as long as the tab is open, so ten tabs each
// with their own stream would hang. Tabs therefore share one stream: the
// tab holding a Web Lock is the leader, opens the stream and passes each
// event to the other tabs over a BroadcastChannel; when it closes, another
// tab takes the lock. Where Web Locks are missing (a page not served from
// localhost over plain HTTP), each tab keeps a stream only while visible.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"syscall"
	"time"

	"factcheck/generator/internal/diag"
	"factcheck/generator/internal/pipeline"
	"factcheck/generator/internal/site"
)

// Options configure the dev server.
type Options struct {
	// Src is the site folder, holding content/, templates/ and static/.
	Src string
	// Bind is the address to listen on, 127.0.0.1 when empty.
	Bind string
	// Port is the port to listen on; 0 picks a free one.
	Port int
	// Drafts includes draft claims.
	Drafts bool
	// Poll, when set, polls the site folder at this interval instead of
	// using file system events.
	Poll time.Duration
	// Stdout gets the URL and one line per rebuild; Stderr the
	// diagnostics.
	Stdout, Stderr io.Writer
	// Builder builds the site; nil means pipeline.Memory of the whole site.
	Builder Builder

	// rebuilt, when set (by tests), is called after each rebuild with the
	// paths that changed.
	rebuilt func(changed []string)
}

// Builder builds the site into memory. changed lists the files changed
// since the previous call, slash-separated and relative to the site
// folder; it is nil for the first build, which builds everything, and
// holds "." when the watcher lost events (rebuild everything). An
// incremental builder may use it; a full one ignores it. Calls never
// overlap.
//
// When the content has errors, files is nil and diags holds them; err is
// for other failures (an unreadable template). Either keeps the previous
// site on screen.
type Builder func(changed []string) (files Files, diags diag.List, err error)

// MemoryBuilder checks the whole site at every change, parsing again only
// the files changed (and the claims citing them), and renders each page
// when the browser first asks for it (pipeline.Lazy): on a large site the
// preview is up, and back after a save, without parsing or rendering
// thousands of pages nobody changed or is looking at.
func MemoryBuilder(opts pipeline.Options) Builder {
	cache := new(site.Cache)
	return func(changed []string) (Files, diag.List, error) {
		files, diags, err := pipeline.Lazy(opts, cache, changed)
		if err != nil {
			if d, ok := pipeline.Diagnose(opts.Src, err); ok {
				return nil, append(diags, d...), nil // a template's mistake, at its line
			}
		}
		if err != nil || files == nil {
			return nil, diags, err
		}
		return files, diags, nil
	}
}

// Run serves until ctx is done.
func Run(ctx context.Context, opts Options) error {
	if opts.Src == "" {
		opts.Src = "."
	}
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if fi, err := os.Stat(opts.Src); err != nil || !fi.IsDir() {
		return fmt.Errorf("cannot serve %s: not a folder", opts.Src)
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	ln, err := listen(opts.Bind, opts.Port)
	if err != nil {
		return err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	url := "http://" + net.JoinHostPort(opts.Bind, strconv.Itoa(port)) + "/"
	if opts.Builder == nil {
		opts.Builder = MemoryBuilder(pipeline.Options{Src: opts.Src, Drafts: opts.Drafts, BaseURL: url, Dev: true})
	}

	// Watch before the first build, so that no change made during it is lost.
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	var changes <-chan []string
	if opts.Poll > 0 {
		changes = poll(wctx, opts.Src, opts.Poll)
	} else if changes, err = watch(wctx, opts.Src, batchDelay); err != nil {
		ln.Close()
		return fmt.Errorf("cannot watch %s: %w (try --poll 500ms)", opts.Src, err)
	}

	srv := newServer()
	srv.bind = opts.Bind
	srv.rebuild(opts.Builder, nil, opts.Stdout, opts.Stderr)
	hs := httpServer(srv)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(opts.Stdout, "serving %s (Ctrl-C to stop)\n", url)

	err = loop(ctx, srv, opts, changes, served)
	stopWatch()
	for range changes { // wait for the watcher to close
	}
	srv.close() // end the event streams, which Shutdown would wait for
	sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if serr := hs.Shutdown(sctx); err == nil && serr != nil {
		err = serr
	}
	return err
}

// httpServer serves h with time limits: a client gets 10 seconds to send
// its request's headers, and a connection idle for 2 minutes between
// requests is closed, so that clients that open connections and leave
// them cannot hold the server's files and memory. (No limit on a whole
// response: the event stream lasts as long as its tab.)
func httpServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
}

// loop rebuilds at each batch of changes until ctx is done or the server
// fails.
func loop(ctx context.Context, srv *server, opts Options, changes <-chan []string, served <-chan error) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return err
		case batch, ok := <-changes:
			if !ok {
				return errors.New("the file watcher stopped")
			}
			batch = dedupe(append(batch, drain(changes)...))
			srv.rebuild(opts.Builder, batch, opts.Stdout, opts.Stderr)
			if opts.rebuilt != nil {
				opts.rebuilt(batch)
			}
		}
	}
}

// drain takes the batches that arrived during a rebuild, so that they make
// one rebuild together.
func drain(changes <-chan []string) []string {
	var all []string
	for {
		select {
		case batch, ok := <-changes:
			if !ok {
				return all
			}
			all = append(all, batch...)
		default:
			return all
		}
	}
}

// listen listens on bind:port, with a one-line hint when the port is taken.
func listen(bind string, port int) (net.Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("port %d is in use; try --port %d", port, port+1)
	}
	return ln, err
}
