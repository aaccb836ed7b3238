package undrainedbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/passes/undrainedbody"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), undrainedbody.Analyzer, "a", "noio", "ioname", "example.com/sdk/internal/testutil")
}

// TestStrict runs a fresh instance with -strict, leaving Analyzer's
// flags alone.
func TestStrict(t *testing.T) {
	a := undrainedbody.New()
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "strict")
}

// TestErrorPaths runs a fresh instance with -errorpaths.
func TestErrorPaths(t *testing.T) {
	a := undrainedbody.New()
	if err := a.Flags.Set("errorpaths", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "errorpaths")
}

// TestTests runs a fresh instance with -tests: test files and test
// helpers are reported.
func TestTests(t *testing.T) {
	a := undrainedbody.New()
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "testcode")
}

// TestRelated checks that each site a message names by line is also a
// related location.
func TestRelated(t *testing.T) {
	fixtest.CheckRelatedLines(t, analysistest.Run(t, analysistest.TestData(), undrainedbody.New(), "a"))
}
