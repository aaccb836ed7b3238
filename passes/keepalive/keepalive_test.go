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

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), keepalive.New(), "reqlib", "requser", "requser2", "nohttp")
}
