package undrainedbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/passes/undrainedbody"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), undrainedbody.Analyzer, "a", "noio", "ioname")
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
