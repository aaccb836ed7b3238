package lazyinspect

import (
	"go/ast"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ast/inspector"
)

// TestLazyAndShared runs two analyzers on one package, as two checks of
// the suite would: quiet requires Analyzer and never asks for the
// inspector; user asks for it twice after quiet has run. The inspector
// must not exist before the first call, must be the same for both calls
// (shared, built once), and must cover the package's files.
func TestLazyAndShared(t *testing.T) {
	quiet := &analysis.Analyzer{
		Name:       "quiet",
		Doc:        "requires lazyinspect and never calls Inspector",
		Requires:   []*analysis.Analyzer{Analyzer},
		ResultType: reflect.TypeFor[*lazy](),
		Run: func(pass *analysis.Pass) (any, error) {
			return pass.ResultOf[Analyzer].(*lazy), nil
		},
	}
	var calls int
	user := &analysis.Analyzer{
		Name:     "user",
		Doc:      "calls Inspector after quiet ran",
		Requires: []*analysis.Analyzer{Analyzer, quiet},
		Run: func(pass *analysis.Pass) (any, error) {
			calls++
			l := pass.ResultOf[quiet].(*lazy)
			if l.in != nil {
				t.Errorf("%s: inspector built before anyone asked for it", pass.Pkg.Path())
			}
			in := Inspector(pass)
			if in == nil || Inspector(pass) != in || l.in != in {
				t.Errorf("%s: Inspector is not built once and shared", pass.Pkg.Path())
			}
			var funcs []string
			for n := range in.PreorderSeq((*ast.FuncDecl)(nil)) {
				funcs = append(funcs, n.(*ast.FuncDecl).Name.Name)
			}
			if want := []string{"F", "G"}; !reflect.DeepEqual(funcs, want) {
				t.Errorf("%s: inspector sees functions %v, want %v", pass.Pkg.Path(), funcs, want)
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), user, "a")
	if calls == 0 {
		t.Fatal("the analyzer under test never ran")
	}
}

// TestInspectorWithoutRequire names the mistake instead of a nil
// interface conversion.
func TestInspectorWithoutRequire(t *testing.T) {
	a := &analysis.Analyzer{Name: "forgot"}
	pass := &analysis.Pass{Analyzer: a, ResultOf: map[*analysis.Analyzer]any{}}
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("no panic")
		}
		if msg, _ := r.(string); msg != "lazyinspect.Inspector: analyzer forgot does not require lazyinspect.Analyzer" {
			t.Errorf("panic %v", r)
		}
	}()
	var _ *inspector.Inspector = Inspector(pass)
}
