package unclosedbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/passes/unclosedbody"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unclosedbody.Analyzer, "a", "mainpkg")
}
