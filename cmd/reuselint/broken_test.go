package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/analyzer"
)

// brokenModule copies testdata/broken (a module whose packages do not
// load or type-check, and one good package) to a temporary directory and
// adds the package with a syntax error, which cannot live in the
// repository (gofmt -l . would fail on it).
func brokenModule(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "broken")
	if err := os.CopyFS(dir, os.DirFS("testdata/broken")); err != nil {
		t.Fatal(err)
	}
	src := "package syntaxerr\n\nimport \"net/http\"\n\nfunc Get(url string) int {\n\tresp, _ := http.Get(url)\n\treturn resp.StatusCode +\n}\n"
	if err := os.MkdirAll(filepath.Join(dir, "syntaxerr"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "syntaxerr", "syntaxerr.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// internalNames returns the names of the analyzers the suite requires
// that are not checks (bodyflow, lazyinspect...): a user never asked for
// them, so no report may name them.
func internalNames() []string {
	checks := make(map[string]bool)
	for _, a := range analyzer.Suite {
		checks[a.Name] = true
	}
	seen := make(map[*analysis.Analyzer]bool)
	var names []string
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		if !checks[a.Name] {
			names = append(names, a.Name)
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range analyzer.Suite {
		visit(a)
	}
	return names
}

// TestBrokenPackages runs reuselint on packages that do not load or
// type-check: it prints the package's errors and one line saying the
// package was not analyzed, exits with status 1, and names no internal
// analyzer, in text and -json alike.
func TestBrokenPackages(t *testing.T) {
	bin := buildTool(t)
	dir := brokenModule(t)
	internal := internalNames()
	if len(internal) == 0 {
		t.Fatal("the suite requires no internal analyzer; this test would check nothing about them")
	}
	noise := append([]string{"analysis skipped", "failed prerequisites"}, internal...)

	for _, tc := range []struct {
		pkg  string
		errs []string // what the package's errors say
	}{
		{"typeerr", []string{"typeerr.go:7:27: undefined: undefinedName"}},
		{"syntaxerr", []string{"syntaxerr.go:8:1: expected operand"}},
		{"missingimport", []string{"example.com/nosuch/pkg"}},
		{"constrained", []string{"build constraints exclude all Go files"}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			notAnalyzed := "example.com/broken/" + tc.pkg + ": not analyzed because of the errors above\n"

			_, stderr, code := run(t, dir, bin, "./"+tc.pkg)
			if code != 1 {
				t.Errorf("reuselint ./%s: exit %d, want 1", tc.pkg, code)
			}
			for _, e := range tc.errs {
				if !strings.Contains(stderr, e) {
					t.Errorf("reuselint ./%s: the package's error %q is missing:\n%s", tc.pkg, e, stderr)
				}
			}
			if n := strings.Count(stderr, notAnalyzed); n != 1 {
				t.Errorf("reuselint ./%s: %d lines %q, want 1:\n%s", tc.pkg, n, notAnalyzed, stderr)
			}
			assertNoNoise(t, "reuselint ./"+tc.pkg, stderr, noise)

			stdout, stderr, code := run(t, dir, bin, "-json", "./"+tc.pkg)
			if code != 1 {
				t.Errorf("reuselint -json ./%s: exit %d, want 1", tc.pkg, code)
			}
			var tree map[string]map[string]json.RawMessage
			if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
				t.Fatalf("reuselint -json ./%s: %v\n%s", tc.pkg, err, stdout)
			}
			if len(tree) != 0 {
				t.Errorf("reuselint -json ./%s: want no entry for a package not analyzed, got %s", tc.pkg, stdout)
			}
			if n := strings.Count(stderr, notAnalyzed); n != 1 {
				t.Errorf("reuselint -json ./%s: %d lines %q on stderr, want 1:\n%s", tc.pkg, n, notAnalyzed, stderr)
			}
			assertNoNoise(t, "reuselint -json ./"+tc.pkg+" (stdout)", stdout, noise)
			assertNoNoise(t, "reuselint -json ./"+tc.pkg+" (stderr)", stderr, noise)
		})
	}

	// All at once: the good package is still analyzed and its finding
	// printed once; the status says packages were not analyzed.
	_, stderr, code := run(t, dir, bin, "./...")
	if code != 1 {
		t.Errorf("reuselint ./...: exit %d, want 1", code)
	}
	if n := strings.Count(stderr, "good.go:6:15: resp.Body is not closed"); n != 1 {
		t.Errorf("reuselint ./...: package good's finding printed %d times, want 1:\n%s", n, stderr)
	}
	// (./... does not match a package whose files are all excluded by
	// build constraints, so constrained is not named.)
	for _, pkg := range []string{"typeerr", "syntaxerr", "missingimport"} {
		if line := "example.com/broken/" + pkg + ": not analyzed"; strings.Count(stderr, line) != 1 {
			t.Errorf("reuselint ./...: want one line %q:\n%s", line, stderr)
		}
	}
	assertNoNoise(t, "reuselint ./...", stderr, noise)

	stdout, _, code := run(t, dir, bin, "-json", "./...")
	if code != 1 {
		t.Errorf("reuselint -json ./...: exit %d, want 1", code)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("reuselint -json ./...: %v\n%s", err, stdout)
	}
	if len(tree) != 1 || len(tree["example.com/broken/good"]["unclosedbody"]) == 0 {
		t.Errorf("reuselint -json ./...: want only package good's unclosedbody finding, got\n%s", stdout)
	}
}

func assertNoNoise(t *testing.T, what, out string, noise []string) {
	t.Helper()
	for _, n := range noise {
		if strings.Contains(out, n) {
			t.Errorf("%s: output names %q:\n%s", what, n, out)
		}
	}
}

// TestReportOptions checks the flags the parent reads from the user's
// command line: -json (also =false), and -c N with context lines.
func TestReportOptions(t *testing.T) {
	bin := buildTool(t)
	dir := brokenModule(t)
	stdout, stderr, code := run(t, dir, bin, "-json=false", "-c", "1", "./good")
	if code != 3 || stdout != "" {
		t.Errorf("-json=false: exit %d, stdout %q; want the text report, exit 3", code, stdout)
	}
	if !strings.Contains(stderr, "good.go:6:15: resp.Body is not closed") || !strings.Contains(stderr, "6\t\tresp, err := http.Get(url)\n") {
		t.Errorf("-c 1: want the finding with its line of context:\n%s", stderr)
	}
}
