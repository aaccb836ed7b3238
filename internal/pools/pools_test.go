package pools_test

import (
	"go/ast"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/internal/lazyinspect"
	"github.com/reuselint/reuselint/internal/pools"
)

// cprTestdata is clientperrequest's testdata: its // want comments hold
// both the facts of the pool analysis and clientperrequest's findings.
var cprTestdata, _ = filepath.Abs(filepath.Join("..", "..", "passes", "clientperrequest", "testdata"))

// TestFacts checks the facts the pool analysis exports (returnsFreshPool,
// borrowsPool, keepsPool) against clientperrequest's testdata.
func TestFacts(t *testing.T) {
	analysistest.Run(fixtest.Without(t, "diagnostic"), cprTestdata, pools.Analyzer,
		"a", "b", "catalog", "cli", "closures", "traps", "fix", "percall")
	p := pools.New()
	if err := p.Flags.Set("constructors", "grpcish.NewClient, grpcish.NewRedis,(*grpcish.Factory).Conn"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(fixtest.Without(t, "diagnostic"), cprTestdata, p, "flagged")
}

// shortReporter reports, at each expression that builds an HTTP pool,
// why the pool analysis says it dies with its call, and each pool built
// per call of hot code.
var shortReporter = &analysis.Analyzer{
	Name:     "shortreporter",
	Doc:      "reports pools.Result for tests",
	Requires: []*analysis.Analyzer{pools.Analyzer, lazyinspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pools.Results(pass)
		for cur := range lazyinspect.Inspector(pass).Root().Preorder((*ast.UnaryExpr)(nil), (*ast.CallExpr)(nil)) {
			if why, ok := res.ShortLived(cur.Node()); ok {
				pass.Reportf(cur.Node().Pos(), "short: %s", why)
			}
		}
		for _, p := range res.PerCall {
			pass.Reportf(p.Cur.Node().Pos(), "percall: %s", p.Where)
		}
		return nil, nil
	},
}

func TestShortLived(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), shortReporter, "short", "shortmain")
}
