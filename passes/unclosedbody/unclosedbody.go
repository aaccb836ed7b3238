package unclosedbody

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/bodyflow"
	rdoc "github.com/reuselint/reuselint/internal/doc"
	"github.com/reuselint/reuselint/internal/pools"
)

//go:generate go run ../../internal/doc/gendoc unclosedbody

// Analyzer is the unclosedbody check with its default settings.
var Analyzer = NewWith(pools.Analyzer)

// New returns a fresh unclosedbody analyzer with its own -tests flag.
func New() *analysis.Analyzer { return NewWith(pools.New()) }

// NewWith returns a fresh unclosedbody analyzer that reads the pool analysis p
// for how often code runs.
func NewWith(p *analysis.Analyzer) *analysis.Analyzer {
	c := new(checker)
	a := &analysis.Analyzer{
		Name:     "unclosedbody",
		Doc:      docString,
		URL:      rdoc.URL("unclosedbody"),
		Requires: []*analysis.Analyzer{bodyflow.Analyzer, p},
		Run:      c.run,
	}
	c.all = pools.AllFlag(&a.Flags)
	a.Flags.BoolVar(&c.tests, "tests", false, "also report in test code: _test.go files, test helpers (functions taking a testing.TB, *testing.T, *testing.B or *testing.F) and test-support packages (an import path element such as testutil or testing)")
	return a
}

type checker struct {
	all   *bool // report responses of code that runs once too
	tests bool
}

const cost = "its connection stays busy and is never reused"

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[bodyflow.Analyzer].(*bodyflow.Result)
	for _, r := range res.All(c.tests) {
		if r.Head || r.HTTPTest || r.OwnTransport || r.TestDouble {
			continue
		}
		if !*c.all && c.lowValue(pass, r) {
			continue
		}
		if (r.InTest || r.InTestHelper) && !c.tests {
			continue
		}
		fun := types.ExprString(r.Call.Fun)
		switch {
		case r.Dropped && r.InTest:
			// Tests discard responses of fake transports, or of calls
			// expected to fail.
		case r.Dropped:
			pass.ReportRangef(r.Call, "response of %s is discarded, so its body is never closed: %s", fun, cost)
		case r.DeferInLoop != nil:
			pass.Report(analysis.Diagnostic{
				Pos: r.DeferInLoop.Pos(),
				End: r.DeferInLoop.End(),
				Message: fmt.Sprintf("%s.Body is closed by a defer inside the loop, which runs only when the function returns: "+
					"every iteration keeps its connection busy; close the body at the end of each iteration", r.Var.Name()),
			})
		default:
			// A response returned on some paths is still reported
			// where it is dropped: the caller gets nil on those.
			report(pass, r)
		}
	}
	return nil, nil
}

func report(pass *analysis.Pass, r *bodyflow.Response) {
	leaks := r.Leaks
	if r.InMain {
		// Returning from main.main ends the process: only leaks before
		// another request count.
		leaks = slices.DeleteFunc(slices.Clone(leaks), func(n ast.Node) bool {
			_, ret := n.(*ast.ReturnStmt)
			return ret
		})
	}
	if len(leaks) == 0 {
		return
	}
	name := r.Var.Name()
	leak := leaks[0]
	line := pass.Fset.Position(leak.Pos()).Line
	var where string
	switch leak.(type) {
	case *ast.ReturnStmt:
		if r.AtEnd(leak) {
			where = fmt.Sprintf("when the function ends at line %d", line)
		} else {
			where = fmt.Sprintf("on the return at line %d", line)
		}
	case *ast.CallExpr:
		where = fmt.Sprintf("before the next iteration calls %s again", types.ExprString(r.Call.Fun))
	default:
		where = fmt.Sprintf("before %s is reassigned at line %d", name, line)
	}
	d := analysis.Diagnostic{
		Pos:     r.Call.Pos(),
		End:     r.Call.End(),
		Message: fmt.Sprintf("%s.Body is not closed %s: %s", name, where, cost),
	}
	// Every leak site, as a related location drivers and editors can
	// show and jump to (lostcancel does the same for its return).
	for _, l := range leaks {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: l.Pos(), End: l.End(), Message: leakSite(l, name)})
	}
	if fix := fix(pass, r); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	pass.Report(d)
}

// fix inserts `defer resp.Body.Close()` right after the error check,
// moving there the deferred closes of the same block; nil when the
// layout does not allow it.
func fix(pass *analysis.Pass, r *bodyflow.Response) *analysis.SuggestedFix {
	if r.ErrCheck == nil || r.InLoop || r.Returned {
		return nil
	}
	src := bodyflow.NewSource(pass, r.ErrCheck.Pos())
	if src == nil {
		return nil
	}
	stmt := "defer " + r.Var.Name() + ".Body.Close()"
	var edits []analysis.TextEdit
	for _, c := range r.Closes {
		d, ok := c.Site.(*ast.DeferStmt)
		if !ok || !c.Direct || src.Of(d) != stmt || d.Pos() < r.ErrCheck.End() || !slices.Contains(r.Block, ast.Stmt(d)) {
			return nil // closed some other way too: leave it to the author
		}
		from, to, ok := src.OwnLine(d)
		if !ok {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: from, End: to})
	}
	edits = append(edits, analysis.TextEdit{
		Pos:     r.ErrCheck.End(),
		End:     r.ErrCheck.End(),
		NewText: []byte("\n" + src.Indent(r.ErrCheck.Pos()) + stmt),
	})
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Close %s.Body right after the error check", r.Var.Name()),
		TextEdits: edits,
	}
}

// lowValue reports whether the response r costs little, so that only -all
// reports it: its call runs once per process (pools.Result.RunsOnce). An HTTP/2-only transport's response holds a stream, not a
// pooled connection.
func (c *checker) lowValue(pass *analysis.Pass, r *bodyflow.Response) bool {
	// A response of an HTTP/2-only transport (x/net/http2.Transport, one
	// multiplexed connection) holds a stream, not a pooled connection.
	if r.HTTP2 {
		return true
	}
	return !r.InTest && pools.Results(pass).RunsOnce(r.Func, r.Call)
}

// leakSite says what happens at the leak site n of the body of name.
func leakSite(n ast.Node, name string) string {
	switch n.(type) {
	case *ast.ReturnStmt:
		return name + ".Body is still open here"
	case *ast.CallExpr:
		return "the call is made again here with " + name + ".Body still open"
	}
	return name + " is reassigned here with its body still open"
}
