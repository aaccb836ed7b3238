package unclosedbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/passes/unclosedbody"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unclosedbody.Analyzer, "a", "mainpkg", "example.com/sdk/internal/testutil")
}

// TestTests runs a fresh instance with -tests: test files and test
// helpers are reported.
func TestTests(t *testing.T) {
	a := unclosedbody.New()
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "testcode")
}
