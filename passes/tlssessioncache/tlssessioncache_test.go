package tlssessioncache_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/passes/tlssessioncache"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), tlssessioncache.New(), "a", "perdial", "reuse", "fields", "helpers", "upgrade")
}

// TestTicketsOff: configs that turn session tickets off are a deliberate
// opt-out, silent by default (any diagnostic fails the first run) and
// reported once each with -all.
func TestTicketsOff(t *testing.T) {
	fixtest.CheckSilent(t, analysistest.Run(fixtest.Without(t, "diagnostic"), analysistest.TestData(), tlssessioncache.New(), "tickets"))
	a := tlssessioncache.New()
	if err := a.Flags.Set("all", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "tickets")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tlssessioncache.New(), "lib", "user", "example.com/internal/testutil")
}

func TestFixesGofmtCleanAndCompile(t *testing.T) {
	fixtest.Check(t, analysistest.TestData(), tlssessioncache.New(), "a", "perdial", "reuse", "fields", "helpers") // upgrade imports stubs of other modules
}
