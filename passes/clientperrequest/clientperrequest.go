package clientperrequest

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	rdoc "github.com/reuselint/reuselint/internal/doc"
	"github.com/reuselint/reuselint/internal/pools"
)

//go:generate go run ../../internal/doc/gendoc clientperrequest

// Analyzer is the clientperrequest check with its default settings.
var Analyzer = NewWith(pools.Analyzer)

// New returns a fresh clientperrequest analyzer with its own flags and
// pool analysis.
func New() *analysis.Analyzer { return NewWith(pools.New()) }

// NewWith returns a fresh clientperrequest analyzer that reads the pool
// analysis p (its -constructors flag sets p's).
func NewWith(p *analysis.Analyzer) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "clientperrequest",
		Doc:      docString,
		URL:      rdoc.URL("clientperrequest"),
		Requires: []*analysis.Analyzer{p},
		Run:      run,
	}
	// The flag is the pool analysis' own: it decides which calls build
	// pools, for every check.
	f := p.Flags.Lookup("constructors")
	a.Flags.Var(f.Value, f.Name, f.Usage)
	return a
}

// checker holds what the fixes of one package need.
type checker struct {
	pass  *analysis.Pass
	names map[string]bool           // package-level names the fixes of this pass introduce
	decls map[types.Object]ast.Node // package-level funcs and vars, for the fixes' init-cycle check
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{pass: pass, names: make(map[string]bool)}
	for _, p := range pools.Results(pass).PerCall {
		c.report(p)
	}
	return nil, nil
}
