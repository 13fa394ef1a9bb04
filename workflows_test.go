package factcheck_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflow is the part of a GitHub Actions workflow the tests read.
type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		If          string            `yaml:"if"`
		Needs       yaml.Node         `yaml:"needs"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []struct {
			Uses string `yaml:"uses"`
			Run  string `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func readWorkflow(t *testing.T, path string) workflow {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(b, &w); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return w
}

// needs returns the jobs a job needs: "needs: a" or "needs: [a, b]".
func needs(t *testing.T, n yaml.Node) []string {
	t.Helper()
	var one string
	if n.Decode(&one) == nil {
		if one == "" {
			return nil
		}
		return []string{one}
	}
	var many []string
	if err := n.Decode(&many); err != nil {
		t.Fatalf("needs: %v", err)
	}
	return many
}

var ifTerm = regexp.MustCompile(`^(github\.[a-z_]+)\s*(==|!=)\s*'([^']*)'$`)

// runs evaluates a job's "if" in the context of an event: an empty
// condition, or terms `github.NAME == 'value'` (or !=) joined by &&. The
// test fails on anything else rather than guess.
func runs(t *testing.T, cond string, ctx map[string]string) bool {
	t.Helper()
	cond = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(cond), "${{"), "}}"))
	if cond == "" {
		return true
	}
	result := true
	for term := range strings.SplitSeq(cond, "&&") {
		m := ifTerm.FindStringSubmatch(strings.TrimSpace(term))
		if m == nil {
			t.Fatalf("cannot evaluate the condition %q: keep it to github.NAME == 'value' (or !=) terms joined by &&", cond)
		}
		v, ok := ctx[m[1]]
		if !ok {
			t.Fatalf("the condition %q reads %s, which this test does not know", cond, m[1])
		}
		result = result && (v == m[3]) == (m[2] == "==")
	}
	return result
}

// TestPagesWorkflow reads .github/workflows/pages.yml, the workflow that
// publishes the site, and checks its job graph: pull requests are only
// checked and never deploy, deploy needs build and build needs check, and
// only deploy may write to Pages.
func TestPagesWorkflow(t *testing.T) {
	w := readWorkflow(t, ".github/workflows/pages.yml")

	if _, ok := w.On["pull_request"]; !ok {
		t.Error("pull requests are not checked (no pull_request trigger)")
	}
	if _, ok := w.On["pull_request_target"]; ok {
		t.Error("pull_request_target runs with a write token in the base repository's context; use pull_request")
	}
	if len(w.Permissions) != 1 || w.Permissions["contents"] != "read" {
		t.Errorf("the workflow's permissions are %v, want only contents: read", w.Permissions)
	}
	for _, name := range []string{"check", "build", "deploy"} {
		if _, ok := w.Jobs[name]; !ok {
			t.Fatalf("no %s job", name)
		}
	}
	if got := needs(t, w.Jobs["build"].Needs); !slices.Contains(got, "check") {
		t.Errorf("build needs %v, want check", got)
	}
	if got := needs(t, w.Jobs["deploy"].Needs); !slices.Contains(got, "build") {
		t.Errorf("deploy needs %v, want build", got)
	}

	pr := map[string]string{"github.event_name": "pull_request", "github.ref": "refs/pull/7/merge"}
	fork := map[string]string{"github.event_name": "pull_request", "github.ref": "refs/heads/main"}
	push := map[string]string{"github.event_name": "push", "github.ref": "refs/heads/main"}
	other := map[string]string{"github.event_name": "workflow_dispatch", "github.ref": "refs/heads/topic"}
	for name, job := range w.Jobs {
		deploys := false
		for _, s := range job.Steps {
			deploys = deploys || strings.HasPrefix(s.Uses, "actions/deploy-pages@")
			if strings.Contains(s.Run, "go test") {
				t.Errorf("job %s runs the code's tests; they belong in test.yml", name)
			}
		}
		if deploys && name != "deploy" {
			t.Errorf("job %s deploys; only deploy should", name)
		}
		if !runs(t, job.If, push) {
			t.Errorf("job %s does not run on a push to main (if: %s)", name, job.If)
		}
		if name == "check" {
			if !runs(t, job.If, pr) {
				t.Errorf("check does not run on pull requests (if: %s)", job.If)
			}
			continue
		}
		for _, ctx := range []map[string]string{pr, fork, other} {
			if runs(t, job.If, ctx) {
				t.Errorf("job %s runs on %s of %s (if: %s)", name, ctx["github.event_name"], ctx["github.ref"], job.If)
			}
		}
	}

	for name, job := range w.Jobs {
		for scope, level := range job.Permissions {
			write := level == "write"
			if name == "deploy" && (scope == "pages" || scope == "id-token") {
				if !write {
					t.Errorf("deploy has %s: %s, want write", scope, level)
				}
				continue
			}
			if write {
				t.Errorf("job %s has %s: write; only deploy may write, and only pages and id-token", name, scope)
			}
		}
	}
	for _, scope := range []string{"pages", "id-token"} {
		if w.Jobs["deploy"].Permissions[scope] != "write" {
			t.Errorf("deploy lacks %s: write", scope)
		}
	}
}
