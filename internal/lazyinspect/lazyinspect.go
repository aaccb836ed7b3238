// Package lazyinspect gives the checks a package's syntax inspector that
// is built on first use, so packages where a check returns early cost
// nothing.
//
// Under go vet, an analyzer that declares facts runs on every dependency
// of the packages being vetted, the standard library included, and so
// does everything it Requires. Requiring inspect.Analyzer therefore builds
// an inspector (a walk of every file into an event list as large as the
// syntax tree) for every one of those packages, although on most of them
// the check returns at once because they import nothing it looks at.
// Under go vet on net/... and k8s.io/client-go/..., that was the largest
// single cost of reuselint above the do-nothing floor of bench/vet.sh,
// about 5% of the tool's CPU time. Requiring Analyzer instead costs
// nothing until a check calls Inspector, and every check of the package
// then shares one inspector.
package lazyinspect

import (
	"fmt"
	"go/ast"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer provides the lazily built inspector of the package's files.
// Require it, then call Inspector.
var Analyzer = &analysis.Analyzer{
	Name:             "lazyinspect",
	Doc:              "provide the package's syntax inspector, built on first use",
	URL:              "https://pkg.go.dev/github.com/reuselint/reuselint/internal/lazyinspect",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*lazy](),
}

// lazy is Analyzer's result: the files, and their inspector once built.
type lazy struct {
	files []*ast.File
	once  sync.Once
	in    *inspector.Inspector
}

func run(pass *analysis.Pass) (any, error) {
	return &lazy{files: pass.Files}, nil
}

// get returns the inspector, building it on the first call. Checks of the
// same package may call it concurrently.
func (l *lazy) get() *inspector.Inspector {
	l.once.Do(func() { l.in = inspector.New(l.files) })
	return l.in
}

// Inspector returns the inspector of pass's files, building it on the
// first call for the package. Call it after the check's early return, not
// before. The pass's analyzer must Require Analyzer.
func Inspector(pass *analysis.Pass) *inspector.Inspector {
	l, ok := pass.ResultOf[Analyzer].(*lazy)
	if !ok {
		panic(fmt.Sprintf("lazyinspect.Inspector: analyzer %s does not require lazyinspect.Analyzer", pass.Analyzer.Name))
	}
	return l.get()
}
