package serve

import (
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"factcheck/generator/internal/diag"
)

// testServer is a server showing files, as if built once.
func testServer(t *testing.T, files map[string]string) *server {
	t.Helper()
	s := newServer()
	m := MapFiles{}
	for k, v := range files {
		m[k] = []byte(v)
	}
	s.publish(m, nil, nil, nil)
	return s
}

var testFiles = map[string]string{
	"index.html":          "<!doctype html><html><body><h1>Home</h1></body></html>",
	"claims/index.html":   "<html><body>Claims</body></html>",
	"claims/x/index.html": "<html><BODY>X</BODY></html>",
	"404.html":            "<html><body>Not found page</body></html>",
	"assets/style.css":    "body{color:red}</body>",
	"assets/search.js":    "console.log('</body>')",
	"claims.json":         "[]",
	"feed.xml":            "<feed/>",
	"CNAME":               "example.org",
	"notes.txt":           "<html><body>not html</body></html>",
}

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, "/", nil)
	r.Host = "127.0.0.1:1313"
	r.URL.Path = target // as net/http leaves it: percent-decoded
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestServePaths(t *testing.T) {
	s := testServer(t, testFiles)
	tests := []struct {
		path, want string
		code       int
		ctype      string
		location   string
	}{
		{"/", "<h1>Home</h1>", 200, "text/html; charset=utf-8", ""},
		{"/index.html", "<h1>Home</h1>", 200, "text/html; charset=utf-8", ""},
		{"/claims/", "Claims", 200, "text/html; charset=utf-8", ""},
		{"/claims", "", 302, "", "/claims/"},
		{"/claims/x", "", 302, "", "/claims/x/"},
		{"/claims/x/", ">X<", 200, "text/html; charset=utf-8", ""},
		{"/claims//x/", ">X<", 200, "text/html; charset=utf-8", ""},
		{"/claims/./x/", ">X<", 200, "text/html; charset=utf-8", ""},
		{"/assets/style.css", "body{color:red}</body>", 200, "text/css; charset=utf-8", ""},
		{"/assets/search.js", "console.log('</body>')", 200, "text/javascript; charset=utf-8", ""},
		{"/claims.json", "[]", 200, "application/json", ""},
		{"/feed.xml", "<feed/>", 200, "application/xml; charset=utf-8", ""},
		{"/CNAME", "example.org", 200, "text/plain; charset=utf-8", ""},
		{"/notes.txt", "<html><body>not html</body></html>", 200, "text/plain; charset=utf-8", ""},
		{"/nope/", "Not found page", 404, "text/html; charset=utf-8", ""},
		{"/assets/", "Not found page", 404, "text/html; charset=utf-8", ""}, // no listings
		{"/assets", "Not found page", 404, "text/html; charset=utf-8", ""},
		// Traversal: net/http decodes %2e%2e and %5c before the handler.
		{"/../go.mod", "Not found page", 404, "", ""},
		{"/claims/../../etc/passwd", "Not found page", 404, "", ""},
		{"/..", "Not found page", 404, "", ""},
		{"/claims\\..\\..\\go.mod", "Not found page", 404, "", ""},
		{"/\\claims\\x\\index.html", "Not found page", 404, "", ""},
		{"/index.html\x00.css", "Not found page", 404, "", ""},
		{"/claims/x/index.html\x00", "Not found page", 404, "", ""},
		{"relative", "Not found page", 404, "", ""},
	}
	for _, tc := range tests {
		w := get(t, s, "GET", tc.path)
		if w.Code != tc.code {
			t.Errorf("%q: status %d, want %d", tc.path, w.Code, tc.code)
		}
		if !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("%q: body %q, want it to contain %q", tc.path, w.Body.String(), tc.want)
		}
		if tc.ctype != "" && w.Header().Get("Content-Type") != tc.ctype {
			t.Errorf("%q: Content-Type %q, want %q", tc.path, w.Header().Get("Content-Type"), tc.ctype)
		}
		if got := w.Header().Get("Location"); got != tc.location {
			t.Errorf("%q: Location %q, want %q", tc.path, got, tc.location)
		}
		if got := w.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%q: Cache-Control %q, want no-store", tc.path, got)
		}
	}
}

// TestServeThroughHTTP sends raw, percent-encoded paths through a real
// server, so that net/http's own decoding is part of the test.
func TestServeThroughHTTP(t *testing.T) {
	ts := httptest.NewServer(testServer(t, testFiles))
	defer ts.Close()
	for _, p := range []string{"/%2e%2e/go.mod", "/claims/%2e%2e/%2e%2e/go.mod", "/%2E%2E%2Fgo.mod",
		"/claims%5c..%5cx", "/index.html%00", "/..%2f..%2fetc/passwd"} {
		req, _ := http.NewRequest("GET", ts.URL, nil)
		req.URL.Opaque = p // sent as is
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 && resp.StatusCode != 400 {
			t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
		}
		if strings.Contains(string(body), "module factcheck") {
			t.Errorf("%s: served a file from the disk", p)
		}
	}
	resp, err := http.Get(ts.URL + "/claims?page=2")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/claims/" || resp.Request.URL.RawQuery != "page=2" {
		t.Errorf("redirected to %s, want /claims/?page=2", resp.Request.URL)
	}
}

func TestInjectOnlyIntoHTML(t *testing.T) {
	s := testServer(t, testFiles)
	for _, p := range []string{"/", "/claims/x/", "/nope/"} {
		body := get(t, s, "GET", p).Body.String()
		i := strings.Index(body, `<script src="/__reload/client.js" data-gen="1"`)
		j := strings.LastIndex(strings.ToLower(body), "</body>")
		if i < 0 || j < i || strings.Count(body, "/__reload/client.js") != 1 {
			t.Errorf("%s: script not injected once before </body>:\n%s", p, body)
		}
	}
	for _, p := range []string{"/assets/style.css", "/assets/search.js", "/notes.txt", "/feed.xml"} {
		if body := get(t, s, "GET", p).Body.String(); strings.Contains(body, "__reload") {
			t.Errorf("%s: script injected into a file that is not HTML:\n%s", p, body)
		}
	}
	// The stored page is left as built.
	if b, _ := s.cur.Load().files.File("index.html"); string(b) != testFiles["index.html"] {
		t.Errorf("stored page changed: %s", b)
	}
	// A page without </body> gets the script at its end.
	if got := string(injectScript([]byte("<p>hi"), 3, "id")); !strings.HasPrefix(got, "<p>hi<script") {
		t.Errorf("injectScript without </body> = %q", got)
	}
}

func TestHeadAndMethods(t *testing.T) {
	s := testServer(t, testFiles)
	w := get(t, s, "HEAD", "/claims/")
	if w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "0" {
		t.Errorf("HEAD: %d, body %q, length %s", w.Code, w.Body.String(), w.Header().Get("Content-Length"))
	}
	if w := get(t, s, "POST", "/"); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", w.Code)
	}
}

func TestErrorsEndpoint(t *testing.T) {
	s := testServer(t, testFiles)
	var st state
	decode := func() {
		t.Helper()
		w := get(t, s, "GET", "/__reload/errors")
		if ct := w.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
		st = state{}
		if err := json.Unmarshal(w.Body.Bytes(), &st); err != nil {
			t.Fatal(err)
		}
	}
	decode()
	if !st.OK || st.Gen != 1 || len(st.Errors) != 0 || st.Server != s.id {
		t.Errorf("after a good build: %+v", st)
	}

	diags := diag.List{
		{Path: "content/claims/x.md", Line: 7, Col: 3, Severity: diag.Error, Message: `quote not found in source "y"; closest passage: "<b>a</b>"`},
		{Path: "content/claims/x.md", Line: 9, Col: 1, Severity: diag.Warning, Message: "unknown key"},
	}
	s.publish(nil, diags, nil, []string{"content/claims/x.md"})
	decode()
	want := []errorState{{"content/claims/x.md:7:3", `quote not found in source "y"; closest passage: "<b>a</b>"`}}
	if st.OK || st.Gen != 1 || len(st.Errors) != 1 || st.Errors[0] != want[0] {
		t.Errorf("after a failed build: %+v, want errors %+v", st, want)
	}
	// The last good site is still served.
	if w := get(t, s, "GET", "/claims/x/"); w.Code != 200 || !strings.Contains(w.Body.String(), ">X<") {
		t.Errorf("last good site not served: %d %s", w.Code, w.Body.String())
	}

	s.publish(nil, nil, errors.New("templates/claim.html: bad template"), nil)
	decode()
	if st.OK || len(st.Errors) != 1 || st.Errors[0].Pos != "" || !strings.Contains(st.Errors[0].Message, "bad template") {
		t.Errorf("after a failed render: %+v", st)
	}

	s.publish(MapFiles{"index.html": []byte("new")}, nil, nil, nil)
	decode()
	if !st.OK || st.Gen != 2 || len(st.Errors) != 0 {
		t.Errorf("after the fix: %+v", st)
	}
}

func TestFirstBuildFails(t *testing.T) {
	s := newServer()
	s.publish(nil, diag.List{{Path: "content/site.yaml", Line: 1, Col: 1, Message: "bad"}}, nil, nil)
	w := get(t, s, "GET", "/")
	if w.Code != 404 || !strings.Contains(w.Body.String(), "/__reload/client.js") {
		t.Errorf("empty site: %d\n%s", w.Code, w.Body.String())
	}
	if w := get(t, s, "GET", "/__reload/client.js"); w.Code != 200 || !strings.Contains(w.Body.String(), "EventSource") {
		t.Errorf("client.js: %d", w.Code)
	}
}

func TestSitePath(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/", "", true},
		{"/a", "a", true},
		{"/a/", "a/", true},
		{"//a//b/", "a/b/", true},
		{"/a/./b", "a/b", true},
		{"/a/..", "", false},
		{"/../a", "", false},
		{"/a\\b", "", false},
		{"/a\x00", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, ok := sitePath(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("sitePath(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestRebuildPanics(t *testing.T) {
	s := testServer(t, testFiles)
	var stderr strings.Builder
	s.rebuild(func([]string) (Files, diag.List, error) { panic("boom") }, []string{"templates/x.html"}, io.Discard, &stderr)
	st := s.cur.Load()
	if len(st.errors) != 1 || !strings.Contains(st.errors[0].Message, "boom") || st.gen != 1 {
		t.Errorf("after a panic: %+v", st.errors)
	}
	if !strings.Contains(stderr.String(), "rebuild failed") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// TestHostCheck: a page that rebinds its own host name to 127.0.0.1 (DNS
// rebinding) sends that name in the Host header; the server must not
// answer it, neither pages nor the event stream.
func TestHostCheck(t *testing.T) {
	ts := httptest.NewServer(testServer(t, testFiles))
	defer ts.Close()
	port := ts.Listener.Addr().(*net.TCPAddr).Port
	for host, want := range map[string]int{
		"":                                     http.StatusOK, // the client sends 127.0.0.1:PORT
		"localhost":                            http.StatusOK,
		"LOCALHOST:" + strconv.Itoa(port):      http.StatusOK,
		"127.0.0.1":                            http.StatusOK,
		"[::1]:" + strconv.Itoa(port):          http.StatusOK,
		"evil.example":                         http.StatusMisdirectedRequest,
		"evil.example:" + strconv.Itoa(port):   http.StatusMisdirectedRequest,
		"localhost.evil.example":               http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io":                     http.StatusMisdirectedRequest,
		"192.168.1.10":                         http.StatusMisdirectedRequest,
		"evil.example:" + strconv.Itoa(port+1): http.StatusMisdirectedRequest,
	} {
		for _, path := range []string{"/", "/__reload/client.js"} {
			req, _ := http.NewRequest("GET", ts.URL+path, nil)
			if host != "" {
				req.Host = host
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("Host %q, %s: %d, want %d", host, path, resp.StatusCode, want)
			}
			if want != http.StatusOK && (strings.Contains(string(body), "Home") || strings.Contains(string(body), "EventSource")) {
				t.Errorf("Host %q, %s: the refusal shows the site: %s", host, path, body)
			}
		}
	}
}

func TestHostAllowed(t *testing.T) {
	for _, tc := range []struct {
		bind, host string
		ok         bool
	}{
		{"127.0.0.1", "127.0.0.1:1313", true},
		{"127.0.0.1", "127.0.0.2", true}, // loopback
		{"127.0.0.1", "localhost:1313", true},
		{"127.0.0.1", "localhost.", true},
		{"127.0.0.1", "[::1]:1313", true},
		{"127.0.0.1", "10.0.0.5:1313", false},
		{"127.0.0.1", "attacker.example:1313", false},
		{"127.0.0.1", "", false},
		{"10.0.0.5", "10.0.0.5:1313", true},
		{"10.0.0.5", "10.0.0.6:1313", false},
		{"0.0.0.0", "192.168.1.20:1313", true}, // any address, no name
		{"0.0.0.0", "attacker.example", false},
		{"::", "[fe80::1]:1313", true},
		{"preview.lan", "Preview.lan:1313", true},
		{"preview.lan", "preview.lan", true},
		{"preview.lan", "other.lan", false},
		{"::1", "[::1]:1313", true},
	} {
		s := newServer()
		s.bind = tc.bind
		if got := s.hostAllowed(tc.host); got != tc.ok {
			t.Errorf("bind %s, Host %q: %v, want %v", tc.bind, tc.host, got, tc.ok)
		}
	}
}

// TestHTTPServerLimits: connections left open cannot pile up.
func TestHTTPServerLimits(t *testing.T) {
	hs := httpServer(http.NotFoundHandler())
	if hs.IdleTimeout <= 0 || hs.ReadHeaderTimeout <= 0 {
		t.Errorf("IdleTimeout %v, ReadHeaderTimeout %v", hs.IdleTimeout, hs.ReadHeaderTimeout)
	}
	if hs.WriteTimeout != 0 {
		t.Errorf("WriteTimeout %v would end event streams", hs.WriteTimeout)
	}
}
