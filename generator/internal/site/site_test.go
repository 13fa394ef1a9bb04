package site

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"factcheck/generator/internal/diag"
)

func TestValidID(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"putin-approved", true},
		{"a", true},
		{"2021-report", true},
		{"élection-2020", true},
		{"выборы-2020", true},
		{"選挙", true},
		{"", false},
		{"Upper", false},
		{"double--hyphen", false},
		{"-leading", false},
		{"trailing-", false},
		{"under_score", false},
		{"dot.md", false},
		{"../escape", false},
		{"space here", false},
	} {
		if got := ValidID(tc.id); got != tc.want {
			t.Errorf("ValidID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

// TestValidIDPattern checks ValidID against the regular expression it
// writes out, on every string of up to four characters from an alphabet
// of each kind of character it tells apart.
func TestValidIDPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[\p{Ll}\p{Lo}\p{Nd}][\p{Ll}\p{Lo}\p{M}\p{Nd}]*(-[\p{Ll}\p{Lo}\p{M}\p{Nd}]+)*$`)
	alphabet := []string{"a", "z", "0", "9", "-", "A", "é", "\u0301", "中", "٣", "ǅ", " ", "_", ".", "/", "\xff"}
	var all func(prefix string, n int)
	all = func(prefix string, n int) {
		if got, want := ValidID(prefix), pattern.MatchString(prefix); got != want {
			t.Errorf("ValidID(%q) = %v, the pattern says %v", prefix, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			all(prefix+c, n-1)
		}
	}
	all("", 4)
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Election security", "election-security"},
		{"election-security", "election-security"},
		{"  Russia!! ", "russia"},
		{"Social media posts", "social-media-posts"},
		{"Ünïcode Café", "ünïcode-café"},
		{"Cafe\u0301", "café"}, // decomposed becomes NFC
		{"../../etc/passwd", "etc-passwd"},
		{"2021", "2021"},
		{"!!!", ""},
	} {
		if got := Slug(tc.name); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSplitFile(t *testing.T) {
	for _, tc := range []struct {
		name, in   string
		ok         bool
		yaml, body string
		bodyLine   int
	}{
		{"plain", "---\na: 1\n---\nbody\n", true, "a: 1\n", "body\n", 4},
		{"empty front matter", "---\n---\nbody", true, "", "body", 3},
		{"dots close", "---\na: 1\n...\nbody", true, "a: 1\n", "body", 4},
		{"trailing spaces", "--- \na: 1\n---  \nb", true, "a: 1\n", "b", 4},
		{"front matter only", "---\na: 1\n---", true, "a: 1\n", "", 4},
		{"no front matter", "body\n", false, "", "", 0},
		{"unclosed", "---\na: 1\n", false, "", "", 0},
		{"empty file", "", false, "", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d diag.List
			f, ok := splitFile("x.md", []byte(tc.in), &d)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v (%v)", ok, tc.ok, d)
			}
			if !ok {
				if len(d) != 1 {
					t.Errorf("want one diagnostic, got %v", d)
				}
				return
			}
			if string(f.yaml) != tc.yaml || string(f.body) != tc.body || f.bodyLine != tc.bodyLine {
				t.Errorf("got yaml %q body %q line %d; want %q %q %d", f.yaml, f.body, f.bodyLine, tc.yaml, tc.body, tc.bodyLine)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	var d diag.List
	got := cleanText("x.md", []byte("\xef\xbb\xbf---\r\na: 1\r\n---\r\nb\xffc"), &d)
	if string(got) != "---\na: 1\n---\nb\uFFFDc" {
		t.Errorf("got %q", got)
	}
	if len(d) != 1 || d[0].String() != "x.md:4:2: error: invalid UTF-8; save the file as UTF-8" {
		t.Errorf("diagnostics %v", d)
	}
}

// site builds a MapFS from pairs of path and content.
func site(files ...string) fstest.MapFS {
	m := fstest.MapFS{}
	for i := 0; i+1 < len(files); i += 2 {
		m[files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
	}
	return m
}

const claimFM = "---\nclaim: C\nclaimant: X\nclaim_date: 2021-01-01\nrating: %s\nsummary: S\npublished: 2021-02-01\n---\n"

func TestScalarsReadAsText(t *testing.T) {
	s, d := Load(site(
		"content/claims/a.md", "---\nclaim: 2021\nclaimant: 2021\nclaim_date: 2021-01-01\nrating: false\nsummary: yes\npublished: 2021-02-01\ntopics: [true, 42]\n---\n",
	), Options{})
	if d.Errors() > 0 {
		t.Fatal(d)
	}
	c := s.Claim["a"]
	if c.Rating.ID != "false" || c.Rating.Label != "False" || c.Rating.Value != 1 {
		t.Errorf("rating %+v", c.Rating)
	}
	if c.Claim != "2021" || c.Claimant.Name != "2021" || c.Summary != "yes" {
		t.Errorf("claim %q claimant %q summary %q", c.Claim, c.Claimant.Name, c.Summary)
	}
	if len(c.Topics) != 2 || c.Topics[0].ID != "true" || c.Topics[1].ID != "42" {
		t.Errorf("topics %+v", c.Topics)
	}
	if !c.ClaimDate.Equal(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("claim date %v", c.ClaimDate)
	}
}

func TestConfigDefaults(t *testing.T) {
	s, d := Load(site(), Options{})
	if len(d) != 0 {
		t.Fatal(d)
	}
	c := s.Config
	if c.Title != "Fact checks" || c.BaseURL != "/" || c.Language != "en" || c.PageSize != 50 || c.Organization.Name != "Fact checks" || len(c.Ratings) != 5 {
		t.Errorf("defaults %+v", c)
	}
	if c.Ratings[0].ID != "accurate" || c.Ratings[0].Value != 5 || c.Ratings[4].ID != "false" || c.Ratings[4].Value != 1 {
		t.Errorf("scale %+v", c.Ratings)
	}
}

func TestBaseURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://org.github.io/repo", "https://org.github.io/repo/"},
		{"https://org.github.io/repo/", "https://org.github.io/repo/"},
		{"https://example.org", "https://example.org/"},
		{"/sub", "/sub/"},
	} {
		s, d := Load(site(), Options{BaseURL: tc.in})
		if len(d) != 0 || s.Config.BaseURL != tc.want {
			t.Errorf("base %q: got %q %v", tc.in, s.Config.BaseURL, d)
		}
	}
	// The flag's mistake is the flag's, not site.yaml's.
	_, d := Load(site(), Options{BaseURL: "javascript:alert(1)"})
	if want := `--base-url: error: --base-url "javascript:alert(1)" must be an http(s) URL such as https://org.github.io/repo/, or a path`; diagLines(d) != want {
		t.Errorf("bad base URL: %v, want %s", d, want)
	}
}

func TestSubfoldersAndNFC(t *testing.T) {
	body := strings.Replace(claimFM, "%s", "accurate", 1)
	s, d := Load(site(
		"content/claims/2021/03/deep-claim.md", body,
		"content/claims/cafe\u0301.md", body, // a decomposed file name
	), Options{})
	if d.Errors() > 0 {
		t.Fatal(d)
	}
	if s.Claim["deep-claim"] == nil || s.Claim["café"] == nil {
		t.Errorf("claims %v", s.Claim)
	}
}

func TestDuplicateIDs(t *testing.T) {
	body := strings.Replace(claimFM, "%s", "accurate", 1)
	_, d := Load(site(
		"content/claims/a/same.md", body,
		"content/claims/b/same.md", body,
		"content/sources/same.md", "---\ntitle: T\npublisher: P\n---\n",
	), Options{})
	var got []string
	for _, x := range d {
		got = append(got, x.String())
	}
	want := []string{
		`content/claims/b/same.md:1:1: error: id "same" is already used by content/claims/a/same.md; ids are unique across claims, sources and pages`,
		`content/sources/same.md:1:1: error: id "same" is already used by content/claims/a/same.md; ids are unique across claims, sources and pages`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDrafts(t *testing.T) {
	body := strings.Replace(claimFM, "%s", "accurate", 1)
	files := site("content/claims/d.md", strings.Replace(body, "---\n", "---\ndraft: true\n", 1))
	s, d := Load(files, Options{})
	if len(d) != 0 || len(s.Claims) != 0 {
		t.Errorf("draft built: %v %v", s.Claims, d)
	}
	s, _ = Load(files, Options{Drafts: true})
	if len(s.Claims) != 1 {
		t.Errorf("--drafts left the draft out")
	}
}

func TestYAMLBomb(t *testing.T) {
	bomb := "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\n"
	start := time.Now()
	_, d := Load(site("content/pages/bomb.md", bomb), Options{})
	if d.Errors() == 0 {
		t.Errorf("a YAML bomb was accepted: %v", d)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("a YAML bomb took %v", time.Since(start))
	}
}

func FuzzSplitFile(f *testing.F) {
	for _, s := range []string{"---\na: 1\n---\nbody", "---\n", "", "---\r\n---", "---\n...\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var d diag.List
		b = cleanText("x.md", b, &d)
		file, ok := splitFile("x.md", b, &d)
		if ok {
			if len(file.yaml)+len(file.body) > len(b) {
				t.Fatal("split made text")
			}
			parseYAML("x.md", file.yaml, 2, &d)
		}
		for _, x := range d {
			if x.Line < 1 || x.Col < 1 {
				t.Fatalf("diagnostic without a position: %v", x)
			}
		}
	})
}

// TestBacklinks checks Claim.LinkedFrom and Site.Backlinks, which
// templates may read: the claims that cross-link to a claim, newest first,
// each once; pages' links are not backlinks.
func TestBacklinks(t *testing.T) {
	fm := func(published string) string {
		return strings.Replace(strings.Replace(claimFM, "%s", "accurate", 1), "2021-02-01", published, 1)
	}
	s, d := Load(site(
		"content/claims/a.md", fm("2021-02-01")+"See [[b]] and [[c]], and [[b]] again.\n",
		"content/claims/b.md", fm("2021-03-01")+"See [[c]].\n",
		"content/claims/c.md", fm("2021-04-01")+"No links.\n",
		"content/pages/p.md", "---\ntitle: P\n---\nSee [[c]].\n",
	), Options{})
	if d.Errors() > 0 {
		t.Fatal(d)
	}
	ids := func(cs []*Claim) (out []string) {
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	want := map[string][]string{"b": {"a"}, "c": {"b", "a"}}
	got := map[string][]string{}
	for id, cs := range s.Backlinks() {
		got[id] = ids(cs)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Backlinks() = %v, want %v", got, want)
	}
	for _, c := range s.Claims {
		if g, w := ids(c.LinkedFrom), want[c.ID]; !slices.Equal(g, w) {
			t.Errorf("%s.LinkedFrom = %v, want %v", c.ID, g, w)
		}
	}
}

func TestConfigDir(t *testing.T) {
	for lang, want := range map[string]string{"en": "ltr", "es": "ltr", "zh-Hans": "ltr", "ar": "rtl", "fa": "rtl", "he": "rtl", "ur": "rtl", "yi": "rtl", "az-Arab": "rtl", "az": "ltr", "bad tag": "ltr"} {
		if got := (&Config{Language: lang}).Dir(); got != want {
			t.Errorf("Dir() for %q = %q, want %q", lang, got, want)
		}
	}
}

func TestPageDescription(t *testing.T) {
	long := strings.Repeat("word ", 60)
	for _, tt := range []struct{ fm, body, want string }{
		{"", "## About\n\nWe check *quotes*, word for word.\n\nMore.", "We check quotes, word for word."},
		{"description: Our rules.\n", "We check quotes.", "Our rules."},
		{"", "- a list only", ""},
		{"", long, strings.TrimSpace(strings.Repeat("word ", 31)) + "…"},
	} {
		fsys := fstest.MapFS{"content/pages/p.md": {Data: []byte("---\ntitle: P\n" + tt.fm + "---\n" + tt.body)}}
		s, diags := Load(fsys, Options{})
		if len(diags) > 0 || s.Page["p"] == nil {
			t.Fatalf("%q: %v", tt.body, diags)
		}
		if got := s.Page["p"].Description; got != tt.want {
			t.Errorf("description of %q = %q, want %q", tt.body, got, tt.want)
		}
	}
}
