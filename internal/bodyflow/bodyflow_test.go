package bodyflow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/bodyflow"
)

// TestFacts checks the facts on helpers, in the package that defines
// them and through a package that does not import net/http.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), bodyflow.Analyzer, "lib", "use", "nohttp")
}
