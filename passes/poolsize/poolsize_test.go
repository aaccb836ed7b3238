package poolsize_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/passes/poolsize"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), poolsize.New(), "a")
}

func TestFixesGofmtCleanAndCompile(t *testing.T) {
	fixtest.Check(t, analysistest.TestData(), poolsize.New(), "a", "sqlfield")
}

// TestFields covers pools held in fields and package variables, sized in
// one function and given their idle limit in another, and sqlx.
func TestFields(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), poolsize.New(), "sqlfield", "sqlparam", "sqlxuser")
}

// TestManyHosts covers transports the code says serve many hosts, and a
// package that sets MaxIdleConnsPerHost elsewhere.
func TestManyHosts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), poolsize.New(), "manyhosts", "example.com/forwardproxy")
}
