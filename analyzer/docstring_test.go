package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reuselint/reuselint/analyzer"
	"github.com/reuselint/reuselint/internal/doc"
)

// TestGeneratedDocs fails when a check's Doc, generated into its
// docstring.go by internal/doc/gendoc, no longer matches its doc.go.
func TestGeneratedDocs(t *testing.T) {
	for _, a := range analyzer.Suite {
		content, err := os.ReadFile(filepath.Join("..", "passes", a.Name, "doc.go"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := doc.Extract(string(content), a.Name)
		if err != nil {
			t.Fatal(err)
		}
		if a.Doc != want {
			t.Errorf("%s: Doc differs from the %q section of its doc.go: run go generate ./passes/%s", a.Name, "Analyzer "+a.Name, a.Name)
		}
	}
}
