package analyzer_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/internal/doc"
)

var update = flag.Bool("update", false, "rewrite the generated part of README.md from the analyzers' docs")

const (
	beginChecks = "<!-- BEGIN CHECKS: generated from passes/*/doc.go by `go test ./analyzer -run TestREADME -update` -->\n"
	endChecks   = "<!-- END CHECKS -->\n"
)

// TestREADME fails when the README's list of checks and their sections
// drift from analyzer.Suite and the checks' doc.go files.
func TestREADME(t *testing.T) {
	const path = "../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := bytes.Cut(readme, []byte(beginChecks))
	if !ok {
		t.Fatalf("README.md has no %q marker", strings.TrimSpace(beginChecks))
	}
	current, after, ok := bytes.Cut(rest, []byte(endChecks))
	if !ok {
		t.Fatalf("README.md has no %q marker", strings.TrimSpace(endChecks))
	}
	want := checksMarkdown(analyzer.Suite)
	if string(current) == want {
		return
	}
	if *update {
		var b bytes.Buffer
		b.Write(before)
		b.WriteString(beginChecks)
		b.WriteString(want)
		b.WriteString(endChecks)
		b.Write(after)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's checks section is stale; run: go test ./analyzer -run TestREADME -update\n--- want ---\n%s", want)
}

// checksMarkdown renders the table of checks and a section per check.
func checksMarkdown(suite []*analysis.Analyzer) string {
	var b strings.Builder
	b.WriteString("\n| check | reports |\n|---|---|\n")
	for _, a := range suite {
		fmt.Fprintf(&b, "| [%s](#%s) | %s |\n", a.Name, a.Name, doc.Title(a.Doc))
	}
	for _, a := range suite {
		_, body, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(&b, "\n### %s\n\n%s: %s\n\n%s\n", a.Name, a.Name, doc.Title(a.Doc), doc.Markdown(strings.TrimSpace(body)))
	}
	b.WriteString("\n")
	return b.String()
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
