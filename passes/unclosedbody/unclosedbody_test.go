package unclosedbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/passes/unclosedbody"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unclosedbody.Analyzer, "a", "mainpkg", "example.com/sdk/internal/testutil")
}

// TestLowValue: responses of code that runs once and streams of an
// HTTP/2-only transport are silent by default (CheckSilent) and reported
// with -all.
func TestLowValue(t *testing.T) {
	fixtest.CheckSilent(t, analysistest.Run(fixtest.Without(t, "diagnostic"), analysistest.TestData(), unclosedbody.New(), "once"))
	a := unclosedbody.New()
	if err := a.Flags.Set("all", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "once")
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

// TestRelated checks that each site a message names by line is also a
// related location.
func TestRelated(t *testing.T) {
	fixtest.CheckRelatedLines(t, analysistest.Run(t, analysistest.TestData(), unclosedbody.New(), "a"))
}
