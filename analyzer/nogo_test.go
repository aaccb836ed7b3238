package analyzer

import (
	"flag"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/reuselint/reuselint/internal/pools"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestNogoContract checks, for every check of the suite, what Bazel's
// nogo (and any driver taking an analyzer by import path) relies on: the
// package passes/<check> exports Analyzer, a valid analyzer named <check>
// that runs with its flags at their defaults (no flag is required).
func TestNogoContract(t *testing.T) {
	if len(checks) == 0 {
		t.Fatal("no checks")
	}
	for _, c := range checks {
		a := c.analyzer
		if a == nil {
			t.Fatal("a check without Analyzer")
		}
		t.Run(a.Name, func(t *testing.T) {
			if pkg, want := funcPackage(a.Run), "github.com/reuselint/reuselint/passes/"+a.Name; pkg != want {
				t.Errorf("check %s comes from package %s, want %s (nogo names analyzers by package)", a.Name, pkg, want)
			}
			if fresh := c.new(pools.New()); fresh.Name != a.Name || fresh == a {
				t.Errorf("New() of %s gives %q (same value: %v); want a fresh analyzer of the same name", a.Name, fresh.Name, fresh == a)
			}
			if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
				t.Fatal(err)
			}
			a.Flags.VisitAll(func(f *flag.Flag) {
				if f.Value.String() != f.DefValue {
					t.Errorf("flag %s.%s is %q, not its default %q", a.Name, f.Name, f.Value, f.DefValue)
				}
			})
			// The unwrapped Analyzer, defaults only, as nogo runs it: no
			// error, no finding on code that does it right.
			analysistest.Run(t, analysistest.TestData(), a, "nogo")
		})
	}
}

// TestSuiteBuiltOnce checks that Suite wraps the passes' own Analyzer
// values (sharing their flags) instead of building every check again.
func TestSuiteBuiltOnce(t *testing.T) {
	if len(Suite) != len(checks) {
		t.Fatalf("Suite has %d checks, checks %d", len(Suite), len(checks))
	}
	for i, c := range checks {
		s := Suite[i]
		if s.Name != c.analyzer.Name || !slices.Equal(s.Requires, append(slices.Clip(c.analyzer.Requires), directiveComments)) {
			t.Errorf("Suite[%d] = %s, want the wrapped %s", i, s.Name, c.analyzer.Name)
		}
		c.analyzer.Flags.VisitAll(func(f *flag.Flag) {
			if s.Flags.Lookup(f.Name) != f {
				t.Errorf("Suite's %s has its own flag %s: the check was built twice", s.Name, f.Name)
			}
		})
	}
}

func funcPackage(fn any) string {
	name := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()).Name() // path/to/pkg.New.func1
	slash := strings.LastIndex(name, "/")
	if dot := strings.Index(name[slash+1:], "."); dot >= 0 {
		return name[:slash+1+dot]
	}
	return name
}
