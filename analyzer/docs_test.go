package analyzer_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/internal/doc"
)

var update = flag.Bool("update", false, "rewrite docs/checks/*.md and the README's table of checks from the analyzers' docs")

const (
	beginChecks = "<!-- BEGIN CHECKS: generated from passes/*/doc.go by `go test ./analyzer -run TestDocs -update` -->\n"
	endChecks   = "<!-- END CHECKS -->\n"
)

// TestDocs fails when a check's page docs/checks/<check>.md or the
// README's table of checks drifts from analyzer.Suite and the checks'
// docs; with -update it rewrites them.
func TestDocs(t *testing.T) {
	for _, a := range analyzer.Suite {
		want, err := doc.Page(a)
		if err != nil {
			t.Fatal(err)
		}
		checkGenerated(t, filepath.Join("..", doc.PagePath(a.Name)), nil, []byte(want))
	}

	// No page for a check that is gone.
	pages, err := filepath.Glob("../docs/checks/*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".md")
		if !slices.ContainsFunc(analyzer.Suite, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			t.Errorf("%s is the page of no check of the suite: remove it", p)
		}
	}

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := bytes.Cut(readme, []byte(beginChecks))
	if !ok {
		t.Fatalf("README.md has no %q marker", strings.TrimSpace(beginChecks))
	}
	_, after, ok := bytes.Cut(rest, []byte(endChecks))
	if !ok {
		t.Fatalf("README.md has no %q marker", strings.TrimSpace(endChecks))
	}
	var b bytes.Buffer
	b.Write(before)
	b.WriteString(beginChecks)
	b.WriteString(checksTable(analyzer.Suite))
	b.WriteString(endChecks)
	b.Write(after)
	checkGenerated(t, "../README.md", readme, b.Bytes())
}

// checkGenerated compares the file at path (its content, when already
// read) with want, and rewrites it with -update.
func checkGenerated(t *testing.T, path string, content, want []byte) {
	t.Helper()
	if content == nil {
		var err error
		content, err = os.ReadFile(path)
		if err != nil && !(*update && os.IsNotExist(err)) {
			t.Errorf("%v; run: go test ./analyzer -run TestDocs -update", err)
			return
		}
	}
	if bytes.Equal(content, want) {
		return
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is stale (edited by hand, or its doc.go changed); run: go test ./analyzer -run TestDocs -update\n--- want ---\n%s", path, want)
}

// checksTable renders the README's table of checks.
func checksTable(suite []*analysis.Analyzer) string {
	var b strings.Builder
	b.WriteString("\n| check | reports | fix | flags |\n|---|---|---|---|\n")
	for _, a := range suite {
		parts, _ := doc.Parts(a.Doc)
		fix := "no"
		if doc.Find(parts, doc.TheFix) != "" {
			fix = "yes"
		}
		flags := "none"
		if names := doc.FlagNames(a); len(names) > 0 {
			flags = "`" + strings.Join(names, "`, `") + "`"
		}
		fmt.Fprintf(&b, "| [%s](%s) | %s | %s | %s |\n", a.Name, doc.PagePath(a.Name), doc.Title(a.Doc), fix, flags)
	}
	b.WriteString("\n")
	return b.String()
}

// TestDocParts checks what the parts of each check's doc must agree with:
// a "The fix" part exactly when the check's tests have .golden files
// (fixes), and an "Options" part exactly when it has flags, naming each.
func TestDocParts(t *testing.T) {
	for _, a := range analyzer.Suite {
		parts, err := doc.Parts(a.Doc)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		var goldens []string
		err = filepath.WalkDir(filepath.Join("..", "passes", a.Name, "testdata"), func(path string, _ fs.DirEntry, err error) error {
			if strings.HasSuffix(path, ".golden") {
				goldens = append(goldens, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if hasFix := doc.Find(parts, doc.TheFix) != ""; hasFix != (len(goldens) > 0) {
			t.Errorf("%s: %q part present: %v, but %d .golden files in its testdata", a.Name, doc.TheFix, hasFix, len(goldens))
		}
		options := doc.Find(parts, doc.Options)
		flags := doc.FlagNames(a)
		if (options != "") != (len(flags) > 0) {
			t.Errorf("%s: %q part present: %v, but flags %v", a.Name, doc.Options, options != "", flags)
		}
		for _, f := range flags {
			if !strings.Contains(options, f) {
				t.Errorf("%s: %q part does not mention %s", a.Name, doc.Options, f)
			}
		}
	}
}

// TestSuite checks every analyzer's metadata: documented, unique, and
// fresh instances from New.
func TestSuite(t *testing.T) {
	seen := make(map[string]bool)
	for _, a := range analyzer.Suite {
		if seen[a.Name] {
			t.Errorf("duplicate check %s", a.Name)
		}
		seen[a.Name] = true
		if a.URL != doc.URL(a.Name) {
			t.Errorf("%s: URL = %q, want %q", a.Name, a.URL, doc.URL(a.Name))
		}
		if !strings.HasSuffix(a.URL, "/"+doc.PagePath(a.Name)) {
			t.Errorf("%s: URL %q does not point at its page %s", a.Name, a.URL, doc.PagePath(a.Name))
		}
		if title := doc.Title(a.Doc); title == "" || strings.HasSuffix(title, ".") {
			t.Errorf("%s: title %q must be non-empty with no final period", a.Name, title)
		}
	}
	if err := analysis.Validate(analyzer.Suite); err != nil {
		t.Fatal(err)
	}
	fresh := analyzer.New()
	if len(fresh) != len(analyzer.Suite) {
		t.Fatalf("New() returned %d checks, Suite has %d", len(fresh), len(analyzer.Suite))
	}
	for i, a := range fresh {
		if a == analyzer.Suite[i] {
			t.Errorf("New() returned Suite's instance of %s, want a fresh one", a.Name)
		}
	}
}
