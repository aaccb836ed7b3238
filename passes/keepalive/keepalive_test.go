package keepalive_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/passes/keepalive"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), keepalive.New(), "a")
}

func TestFixesGofmtCleanAndCompile(t *testing.T) {
	fixtest.Check(t, analysistest.TestData(), keepalive.New(), "a")
}

// TestPerCall: a request closed after its response, sent through a pool
// that dies with its call, is silent by default (the first run fails on
// any finding there, see percall) and reported with -all.
func TestPerCall(t *testing.T) {
	fixtest.CheckSilent(t, analysistest.Run(fixtest.Without(t, "diagnostic"), analysistest.TestData(), keepalive.New(), "percall"))
	a := keepalive.New()
	if err := a.Flags.Set("all", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "percall")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), keepalive.New(), "reqlib", "requser", "requser2", "nohttp")
}
