package analyzer

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/reuselint/reuselint/internal/fixtest"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
)

// newFake returns a check named name that reports every call to the
// functions named by its -funcs flag, with message "<func> called", the
// way a real check of the suite would (no check name in the message).
func newFake(name, funcs string) func() *analysis.Analyzer {
	return func() *analysis.Analyzer {
		a := &analysis.Analyzer{
			Name:     name,
			Doc:      name + ": a fake check for the wrapper's tests",
			URL:      "https://example.com/" + name,
			Requires: []*analysis.Analyzer{inspect.Analyzer},
		}
		fs := flag.NewFlagSet(name, flag.ExitOnError)
		names := fs.String("funcs", funcs, "report calls to these functions (comma-separated)")
		a.Flags = *fs
		a.Run = func(pass *analysis.Pass) (any, error) {
			want := map[string]bool{}
			for _, n := range splitComma(*names) {
				want[n] = true
			}
			ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			for n := range ins.PreorderSeq((*ast.CallExpr)(nil)) {
				call := n.(*ast.CallExpr)
				if id, ok := call.Fun.(*ast.Ident); ok && want[id.Name] {
					pass.ReportRangef(call, "%s called", id.Name)
				}
			}
			return nil, nil
		}
		return a
	}
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// fakeSuite is a suite of two fake checks: fakea reports calls to bad
// and worse, fakeb calls to bad and other.
func fakeSuite() []*analysis.Analyzer {
	return wrapAll([]*analysis.Analyzer{
		newFake("fakea", "bad,worse")(),
		newFake("fakeb", "bad,other")(),
	}, true)
}

// TestWrapUntagged checks that the checks built for golangci-lint, which
// prefixes every message with the check's name, do not end their
// messages with it too, directive problems included.
func TestWrapUntagged(t *testing.T) {
	suite := wrapAll([]*analysis.Analyzer{newFake("fakea", "bad")()}, false)
	analysistest.Run(t, analysistest.TestData(), suite[0], "untagged")
}

// TestWrapDirectives runs each wrapped fake check on packages whose
// "want" comments hold its findings, directive problems and fixes.
func TestWrapDirectives(t *testing.T) {
	suite := fakeSuite()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), suite[0], "a")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), suite[1], "b")
}

// TestWrapKeepsIdentity checks that the wrapper keeps everything a driver
// or the plugin relies on, and that its flags are the check's own.
func TestWrapKeepsIdentity(t *testing.T) {
	raw := newFake("fakea", "bad")()
	w := wrap(raw, []string{"fakea"}, true)
	if w == raw {
		t.Fatal("wrap returned its argument, want a copy")
	}
	if w.Name != raw.Name || w.Doc != raw.Doc || w.URL != raw.URL ||
		w.RunDespiteErrors != raw.RunDespiteErrors ||
		!slices.Equal(w.Requires, append(slices.Clip(raw.Requires), directiveComments)) ||
		!reflect.DeepEqual(w.FactTypes, raw.FactTypes) ||
		w.ResultType != raw.ResultType {
		t.Errorf("wrapped analyzer differs from the original: %+v vs %+v", w, raw)
	}
	if err := analysis.Validate([]*analysis.Analyzer{w}); err != nil {
		t.Fatal(err)
	}
	// A flag set through the wrapper reaches the check.
	if err := w.Flags.Set("funcs", "worse"); err != nil {
		t.Fatal(err)
	}
	if got := raw.Flags.Lookup("funcs").Value.String(); got != "worse" {
		t.Errorf("after setting -funcs on the wrapper, the check sees %q, want %q", got, "worse")
	}
	analysistest.Run(t, analysistest.TestData(), w, "flags")
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"keepalive", "keepaliv", 1}, {"kitten", "sitting", 3}} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if got := closest("fakeb2", []string{"fakea", "fakeb"}); got != "fakeb" {
		t.Errorf("closest = %q, want fakeb", got)
	}
}

// TestWrapSuite runs both fake checks together, as a driver runs the
// suite, and checks that each reports only its own findings and
// directive problems, each message ending with its own name.
func TestWrapSuite(t *testing.T) {
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(testdata, "src", "together"),
		Env:  append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "together")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata package together has errors")
	}
	graph, err := checker.Analyze(fakeSuite(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%d: %s", posn.Line, d.Message))
		}
	}
	slices.Sort(got)
	want := []string{
		"10: bad called (fakea)",
		"10: bad called (fakeb)",
		"11: reuselint:ignore directive suppresses no fakeb finding on the next line; remove fakeb from it (fakeb)",
		"16: bad called (fakeb)",
		"17: reuselint:ignore directive needs a reason after the check names (fakea)",
		"17: reuselint:ignore directive needs a reason after the check names (fakeb)",
		"18: bad called (fakea)",
		"18: bad called (fakeb)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRemovalIsGofmtClean applies the fixes for stale directives to the
// raw source (analysistest compares formatted files) and checks that the
// result is exactly what gofmt would keep.
func TestRemovalIsGofmtClean(t *testing.T) {
	const src = `package p

func f() {
	x := 1

	//reuselint:ignore fakea between blank lines
	_ = x // keep
	_ = x //reuselint:ignore fakea trailing
	//reuselint:ignore fakea above a line
	_ = x

	//reuselint:ignore fakea before a blank line

	_ = x
}
`
	const want = `package p

func f() {
	x := 1

	_ = x // keep
	_ = x
	_ = x

	_ = x
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{
		Fset:     fset,
		Files:    []*ast.File{f},
		ReadFile: func(string) ([]byte, error) { return []byte(src), nil },
	}
	s := newSuppressor(pass, "fakea", []string{"fakea"}, []string{"fakea"}, findDirectiveComments(pass))
	var edits []analysis.TextEdit
	for _, d := range s.problems() {
		for _, fix := range d.SuggestedFixes {
			edits = append(edits, fix.TextEdits...)
		}
	}
	if len(edits) != 4 {
		t.Fatalf("%d edits, want one per stale directive (4)", len(edits))
	}
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
	out := []byte(src)
	tf := fset.File(f.Pos())
	for _, e := range edits {
		out = slices.Concat(out[:tf.Offset(e.Pos)], e.NewText, out[tf.Offset(e.End):])
	}
	if string(out) != want {
		t.Errorf("fixed source:\n%s\nwant:\n%s", out, want)
	}
	if formatted, err := format.Source(out); err != nil || !bytes.Equal(formatted, out) {
		t.Errorf("fixed source is not gofmt-clean (%v):\n%s", err, out)
	}
}

// TestNoSource checks the fallback when the file cannot be read (or is
// not what was parsed): an ignore directive covers its line and the next,
// and a stale one is reported without a fix.
func TestNoSource(t *testing.T) {
	const src = `package p

func f() {
	//reuselint:ignore fakea covers the next line
	_ = 1
	_ = 2 //reuselint:ignore fakea covers this line
	//reuselint:ignore fakea stale
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{
		Fset:     fset,
		Files:    []*ast.File{f},
		ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist },
	}
	s := newSuppressor(pass, "fakea", []string{"fakea"}, []string{"fakea"}, findDirectiveComments(pass))
	tf := fset.File(f.Pos())
	for _, line := range []int{5, 6} {
		if !s.suppress(analysis.Diagnostic{Pos: tf.LineStart(line) + 1, Message: "x"}) {
			t.Errorf("finding on line %d not suppressed", line)
		}
	}
	ps := s.problems()
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "on this or the next line") || ps[0].SuggestedFixes != nil {
		t.Errorf("problems = %+v, want one stale directive, without a fix", ps)
	}
}

// TestSubsetReportsDirectiveProblems runs one check of a two-check suite:
// a malformed directive whose owner would be the other check (it names
// it, misspelled) is still reported, by the check that runs.
func TestSubsetReportsDirectiveProblems(t *testing.T) {
	suite := fakeSuite()
	Running(suite[:1])
	analysistest.Run(t, analysistest.TestData(), suite[0], "subset")
	// With both running, fakeb owns it and fakea says nothing of it.
	Running(suite)
	for _, r := range analysistest.Run(fixtest.Without(t, "diagnostic"), analysistest.TestData(), suite[0], "subset") {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, "fakebb") {
				t.Errorf("fakea reports %q although fakeb runs", d.Message)
			}
		}
	}
}
