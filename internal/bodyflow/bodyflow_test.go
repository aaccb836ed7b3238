package bodyflow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/bodyflow"
)

// TestFacts checks the facts on helpers, in the package that defines
// them and through a package that does not import net/http.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), bodyflow.Analyzer, "lib", "use", "nohttp")
}

// TestResponsesSplit checks that Responses holds the calls outside
// _test.go files and TestResponses those in them, so that a check that
// skips tests never has their flow analyzed.
func TestResponsesSplit(t *testing.T) {
	a := &analysis.Analyzer{
		Name:     "split",
		Doc:      "report Responses and TestResponses",
		Requires: []*analysis.Analyzer{bodyflow.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[bodyflow.Analyzer].(*bodyflow.Result)
			for _, r := range res.Responses {
				pass.ReportRangef(r.Call, "response")
			}
			for _, r := range res.TestResponses() {
				if !r.InTest {
					t.Errorf("TestResponses has a call outside a test file")
				}
				pass.ReportRangef(r.Call, "test response")
			}
			if n := len(res.All(true)); n != len(res.Responses)+len(res.TestResponses()) {
				t.Errorf("All(true) has %d responses, want Responses and TestResponses", n)
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), a, "split")
}
