package clientperrequest_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/passes/clientperrequest"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), clientperrequest.Analyzer, "a", "b", "mainpkg")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), clientperrequest.Analyzer, "fix")
}

// TestConstructorsFlag sets the flag on a fresh instance, leaving
// Analyzer untouched.
func TestConstructorsFlag(t *testing.T) {
	a := clientperrequest.New()
	if err := a.Flags.Set("constructors", "grpcish.NewClient, grpcish.NewRedis"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "flagged")
	if got := clientperrequest.Analyzer.Flags.Lookup("constructors").Value.String(); got != "" {
		t.Errorf("flag of the default instance changed to %q", got)
	}
}
