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

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tlssessioncache.New(), "lib", "user", "example.com/internal/testutil")
}

func TestFixesGofmtCleanAndCompile(t *testing.T) {
	fixtest.Check(t, analysistest.TestData(), tlssessioncache.New(), "a", "perdial", "reuse", "fields", "helpers") // upgrade imports stubs of other modules
}
