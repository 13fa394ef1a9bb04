package serve

import (
	"bytes"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// ServeHTTP serves the reload endpoints under /__reload/ and the site.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !s.hostAllowed(r.Host) {
		// 421 Misdirected Request: this server is not that host.
		http.Error(w, "this preview server answers only to localhost, 127.0.0.1, [::1] and the address it was bound to with --bind", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if strings.HasPrefix(r.URL.Path, reloadPrefix) {
		s.serveReload(w, r)
		return
	}
	s.serveSite(w, r)
}

// hostAllowed reports whether host, a request's Host header, names this
// server. A web page the editor visits can point a name of its own at
// 127.0.0.1 (DNS rebinding) and then read the preview, drafts and the
// error stream as its own origin; its requests carry that name. So the
// server answers only to localhost, loopback addresses, and the address
// or name it was bound to (with --bind), with any port; bound to all
// interfaces (0.0.0.0 or ::), to any IP address, which no DNS answer can
// stand for.
func (s *server) hostAllowed(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")), ".")
	if host == "" {
		return false
	}
	bind := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(s.bind, "["), "]"))
	if host == "localhost" || host == bind {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	b := net.ParseIP(bind)
	return b != nil && (b.IsUnspecified() || b.Equal(ip))
}

// serveSite serves a file of the current snapshot.
func (s *server) serveSite(w http.ResponseWriter, r *http.Request) {
	snap := s.cur.Load()
	name, ok := sitePath(r.URL.Path)
	if !ok {
		s.notFound(w, r, snap)
		return
	}
	key := name
	if key == "" || strings.HasSuffix(key, "/") {
		key += "index.html"
	}
	if b, ok := snap.files.File(key); ok {
		s.serveFile(w, r, snap, key, b, http.StatusOK)
		return
	}
	if !strings.HasSuffix(name, "/") {
		if _, ok := snap.files.File(name + "/index.html"); ok {
			target := "/" + name + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
	}
	s.notFound(w, r, snap)
}

// sitePath turns a URL path (already percent-decoded) into a path of the
// site, without the leading slash, keeping a trailing one. Paths with ".."
// segments, backslashes or NUL bytes are refused; "." segments and
// doubled slashes are cleaned away.
func sitePath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	c := path.Clean(p)
	if c == "/" {
		return "", true
	}
	c = c[1:]
	if strings.HasSuffix(p, "/") {
		c += "/"
	}
	return c, true
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	b, ok := snap.files.File("404.html")
	if !ok {
		b = []byte(emptySite)
	}
	s.serveFile(w, r, snap, "404.html", b, http.StatusNotFound)
}

// emptySite stands in for the site before the first good build.
const emptySite = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Not found</title>
<body style="font-family: system-ui, sans-serif; margin: 4rem auto; max-width: 40rem">
<h1>Nothing here yet</h1>
<p>The site has not been built: fix the errors shown above, and this page
reloads by itself.</p>
</body></html>
`

// serveFile writes b with the Content-Type of name, with the reload
// script added to HTML.
func (s *server) serveFile(w http.ResponseWriter, r *http.Request, snap *snapshot, name string, b []byte, status int) {
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		b = injectScript(b, snap.gen, s.id)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// types fixes the types the server cares about; mime.TypeByExtension
// depends on the system's tables.
var types = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json",
	".xml":   "application/xml; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".ico":   "image/x-icon",
	".woff2": "font/woff2",
	".pdf":   "application/pdf",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	if ext == "" { // CNAME, .nojekyll
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// injectScript adds the reload script before the last </body>, or at the
// end of a page without one. It copies: the stored page stays as built.
func injectScript(page []byte, gen int, server string) []byte {
	tag := `<script src="` + reloadPrefix + `client.js" data-gen="` + strconv.Itoa(gen) +
		`" data-server="` + server + `"></script>`
	i := lastBodyEnd(page)
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// lastBodyEnd finds the last </body>, in any case, or returns len(page).
func lastBodyEnd(page []byte) int {
	const end = "</body>"
	for i := len(page) - len(end); i >= 0; i-- {
		if page[i] == '<' && bytes.EqualFold(page[i:i+len(end)], []byte(end)) {
			return i
		}
	}
	return len(page)
}
