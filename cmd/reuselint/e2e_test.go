package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/internal/e2etest"
)

// buildTool builds cmd/reuselint, with the extra go build flags given.
func buildTool(t *testing.T, flags ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and runs go vet")
	}
	bin := filepath.Join(t.TempDir(), "reuselint")
	args := append(append([]string{"build"}, flags...), "-o", bin, ".")
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs name with args in dir and returns stdout, stderr and the
// exit status.
func run(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return e2etest.Run(t, dir, name, args...)
}

// findingRE matches a finding line of the text output, standalone
// (absolute path) or under go vet (relative path).
var findingRE = regexp.MustCompile(`(?m)^(?:.*/)?([^/\s]+\.go):(\d+):(\d+): (.+)$`)

// findings returns the findings of a text report as "file:line:col: message",
// file being the base name, so both drivers' outputs compare.
func findings(report string) []string {
	var fs []string
	for _, m := range findingRE.FindAllStringSubmatch(report, -1) {
		if strings.HasPrefix(m[4], "\t") {
			continue // a related location of the finding above
		}
		fs = append(fs, m[1]+":"+m[2]+":"+m[3]+": "+m[4])
	}
	slices.Sort(fs)
	return fs
}

// TestDemo runs the binary on the demo module the way the README does,
// standalone and under go vet, and checks that every check of the suite
// reports there, with the documented exit statuses.
func TestDemo(t *testing.T) {
	bin := buildTool(t)
	demo, err := filepath.Abs("../../demo")
	if err != nil {
		t.Fatal(err)
	}

	// -json: one entry per check that reported, exit status 0.
	stdout, stderr, code := run(t, demo, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("reuselint -json: exit %d, want 0\n%s", code, stderr)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("reuselint -json: %v\n%s", err, stdout)
	}
	reported := make(map[string]bool)
	for _, byCheck := range tree {
		for check, diags := range byCheck {
			var ds []struct{ Posn, Message string }
			if err := json.Unmarshal(diags, &ds); err == nil && len(ds) > 0 {
				reported[check] = true
			}
		}
	}
	for _, a := range analyzer.Suite {
		if !reported[a.Name] {
			t.Errorf("check %s reports nothing on the demo module; every check needs a demo case", a.Name)
		}
	}

	// Text: the findings, exit status 3.
	_, standalone, code := run(t, demo, bin, "./...")
	if want := 3; code != want {
		t.Errorf("reuselint ./...: exit %d, want %d\n%s", code, want, standalone)
	}
	got := findings(standalone)
	if len(got) == 0 {
		t.Fatalf("reuselint ./... printed no findings:\n%s", standalone)
	}

	// go vet -vettool: the same findings, exit status 1.
	_, vet, code := run(t, demo, "go", "vet", "-vettool="+bin, "./...")
	if code != 1 {
		t.Errorf("go vet -vettool: exit %d, want 1\n%s", code, vet)
	}
	if vetFindings := findings(vet); !slices.Equal(vetFindings, got) {
		t.Errorf("go vet -vettool findings differ from standalone:\nvet:\n%q\nstandalone:\n%q", vetFindings, got)
	}
}

// TestClean checks that a module with a shared, pooled client gives no
// finding and exit status 0 in both drivers.
func TestClean(t *testing.T) {
	bin := buildTool(t)
	clean, err := filepath.Abs("testdata/clean")
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, clean, bin, "./..."); code != 0 {
		t.Errorf("reuselint ./...: exit %d, want 0\n%s", code, stderr)
	}
	if _, stderr, code := run(t, clean, "go", "vet", "-vettool="+bin, "./..."); code != 0 {
		t.Errorf("go vet -vettool: exit %d, want 0\n%s", code, stderr)
	}
}

func TestMain(m *testing.M) {
	// The tests run go and the tool in other modules; keep the caller's
	// GOFLAGS (e.g. -mod=vendor) from leaking into them.
	os.Unsetenv("GOFLAGS")
	os.Exit(m.Run())
}

// testOnlyModules are modules only tests use (sariftest's JSON Schema
// validator and what it requires, the YAML parser of TestAction): they
// must not reach the binary.
var testOnlyModules = []string{"github.com/santhosh-tekuri/jsonschema", "golang.org/x/text", "gopkg.in/yaml.v3"}

// TestTestOnlyDeps checks with go version -m that the binary links no
// test-only module.
func TestTestOnlyDeps(t *testing.T) {
	bin := buildTool(t)
	out, err := exec.Command("go", "version", "-m", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go version -m: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "\tdep\tgolang.org/x/tools\t") {
		t.Fatalf("go version -m lists no dependency; the check below would pass on anything:\n%s", out)
	}
	for _, m := range testOnlyModules {
		if strings.Contains(string(out), "\t"+m) {
			t.Errorf("the binary links test-only module %s:\n%s", m, out)
		}
	}
}
