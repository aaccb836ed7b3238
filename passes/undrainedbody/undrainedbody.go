package undrainedbody

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/bodyflow"
	rdoc "github.com/reuselint/reuselint/internal/doc"
	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/pools"
)

//go:generate go run ../../internal/doc/gendoc undrainedbody

// Analyzer is the undrainedbody check with its default settings.
var Analyzer = NewWith(pools.Analyzer)

// New returns a fresh undrainedbody analyzer with its own flags.
func New() *analysis.Analyzer { return NewWith(pools.New()) }

// NewWith returns a fresh undrainedbody analyzer that reads the pool analysis p
// for how often code runs.
func NewWith(p *analysis.Analyzer) *analysis.Analyzer {
	c := new(checker)
	a := &analysis.Analyzer{
		Name:     "undrainedbody",
		Doc:      docString,
		URL:      rdoc.URL("undrainedbody"),
		Requires: []*analysis.Analyzer{bodyflow.Analyzer, p},
		Run:      c.run,
	}
	a.Flags.BoolVar(&c.strict, "strict", false, "count only reads to EOF (io.ReadAll, io.Copy, draining helpers), not partial reads such as a JSON decoder")
	a.Flags.BoolVar(&c.errorPaths, "errorpaths", false, "also report bodies closed unread on paths that return an error, panic or exit")
	c.all = pools.AllFlag(&a.Flags)
	a.Flags.BoolVar(&c.tests, "tests", false, "also report in test code: _test.go files, test helpers (functions taking a testing.TB, *testing.T, *testing.B or *testing.F) and test-support packages (an import path element such as testutil or testing)")
	return a
}

type checker struct {
	all                       *bool // report responses of code that runs once too
	strict, errorPaths, tests bool
}

const cost = "net/http closes the connection instead of returning it to the pool"

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[bodyflow.Analyzer].(*bodyflow.Result)
	for _, r := range res.All(c.tests) {
		if r.Dropped || r.Head || r.MethodUnknown || r.HTTPTest || r.TestDouble || r.OwnTransport || r.HTTP2 {
			continue
		}
		if !*c.all && c.lowValue(pass, r) {
			continue
		}
		if r.ClosesConn || r.Upgrade {
			// The connection is not for the pool anyway: the request
			// asks to close it, or hands it to an upgraded protocol.
			continue
		}
		if (r.InTest || r.InTestHelper) && !c.tests {
			continue
		}
		if r.RequestElsewhere && !r.Read {
			// A request built elsewhere may be a HEAD or a CONNECT, whose
			// body is not there to drain; report only when this function
			// reads the body on some other path, showing it expects one.
			continue
		}
		for _, cl := range r.Closes {
			if cl.InLoop || cl.Deferred && r.InMain || !c.reported(r, cl) {
				continue
			}
			c.report(pass, r, cl)
		}
	}
	return nil, nil
}

// reported reports whether cl closes the body unread (or, with -strict,
// not read to EOF) on a path the flags ask for: by default one where
// the function carries on as normal, with -errorpaths any.
//
// A function that reads the body on its error paths only, and returns a
// bare nil on success, expects no content then (a 204 to a DELETE, a
// ping): there is nothing to drain.
func (c *checker) reported(r *bodyflow.Response, cl *bodyflow.Close) bool {
	if c.errorPaths {
		return cl.Unread || c.strict && cl.Undrained
	}
	if cl.BareOnly && r.Read && !r.ReadOnSuccess {
		return false
	}
	return cl.NormalUnread || c.strict && cl.NormalUndrained
}

func (c *checker) report(pass *analysis.Pass, r *bodyflow.Response, cl *bodyflow.Close) {
	body := r.Var.Name() + ".Body"
	if cl.Direct {
		body = types.ExprString(cl.Body)
	}
	what := "without being read"
	if c.errorPaths && !cl.Unread || !c.errorPaths && !cl.NormalUnread {
		what = "before being read to EOF"
	}
	exit := cl.NormalExit
	if c.errorPaths {
		exit = cl.Exit
	}
	var msg string
	if cl.Deferred && exit != nil {
		when := "returns"
		if r.AtEnd(exit) {
			when = "ends"
		}
		msg = fmt.Sprintf("%s is closed %s when the function %s at line %d: %s",
			body, what, when, pass.Fset.Position(exit.Pos()).Line, cost)
	} else {
		msg = fmt.Sprintf("%s is closed %s: %s", body, what, cost)
	}
	d := analysis.Diagnostic{Pos: cl.Site.Pos(), End: cl.Site.End(), Message: msg}
	if cl.Deferred && exit != nil {
		// The return that runs the close with the body unread, as a
		// related location drivers and editors can jump to.
		d.Related = []analysis.RelatedInformation{{Pos: exit.Pos(), End: exit.End(), Message: body + " is closed unread when the function returns here"}}
	}
	if fix := fix(pass, r, cl); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	pass.Report(d)
}

// hasRead reports whether values of type t have a Read method.
func hasRead(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Read")
	_, ok := obj.(*types.Func)
	return ok
}

// fix drains the body before the close: a statement before a direct or
// helper close, a deferred closure in place of `defer X.Close()`.
func fix(pass *analysis.Pass, r *bodyflow.Response, cl *bodyflow.Close) *analysis.SuggestedFix {
	if cl.Body == nil {
		return nil
	}
	src := bodyflow.NewSource(pass, cl.Site.Pos())
	if src == nil {
		return nil
	}
	body := src.Of(cl.Body)
	switch t := pass.TypesInfo.TypeOf(cl.Body); {
	case nethttp.IsResponse(t):
		body += ".Body"
	case !hasRead(t):
		return nil // closed through an io.Closer: io.Copy cannot read it
	}
	file := fileOf(pass, cl.Site)
	io, imp := ioName(pass, file, cl.Site)
	if io == "" {
		return nil
	}
	drain := io + ".Copy(" + io + ".Discard, " + body + ")"
	var edit analysis.TextEdit
	switch {
	case !cl.Deferred && cl.Stmt != nil:
		edit = analysis.TextEdit{
			Pos:     cl.Stmt.Pos(),
			End:     cl.Stmt.Pos(),
			NewText: []byte(drain + "\n" + src.Indent(cl.Stmt.Pos())),
		}
	case cl.Deferred && cl.Direct && !r.ReassignedVars && simple(cl.Body):
		// The closure reads the variables when it runs: safe only when
		// they are assigned once.
		d := cl.Site.(*ast.DeferStmt)
		indent := src.Indent(d.Pos())
		edit = analysis.TextEdit{
			Pos: d.Pos(),
			End: d.End(),
			NewText: []byte("defer func() {\n" +
				indent + "\t" + drain + "\n" +
				indent + "\t" + src.Of(d.Call) + "\n" +
				indent + "}()"),
		}
	default:
		return nil
	}
	edits := []analysis.TextEdit{edit}
	if imp != nil {
		edits = append(edits, *imp)
	}
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Drain %s before closing it", body),
		TextEdits: edits,
	}
}

// simple reports whether e is a variable or a field selection of one.
func simple(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return simple(e.X)
	}
	return false
}

func fileOf(pass *analysis.Pass, n ast.Node) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			return f
		}
	}
	return nil
}

// ioName returns the name under which file imports package io, with the
// edit adding the import when it is missing; "" when io cannot be named
// at pos (dot or blank import, or "io" means something else there).
func ioName(pass *analysis.Pass, file *ast.File, pos ast.Node) (string, *analysis.TextEdit) {
	if file == nil {
		return "", nil
	}
	for _, spec := range file.Imports {
		if path, _ := strconv.Unquote(spec.Path.Value); path != "io" {
			continue
		}
		name := "io"
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name == "_" || name == "." {
			continue
		}
		if pkgNamed(pass, pos, name) {
			return name, nil
		}
		return "", nil
	}
	scope := pass.Pkg.Scope().Innermost(pos.Pos())
	if scope != nil {
		if _, obj := scope.LookupParent("io", pos.Pos()); obj != nil {
			return "", nil // "io" is taken
		}
	}
	edit := addImport(pass, file)
	if edit == nil {
		return "", nil
	}
	return "io", edit
}

// pkgNamed reports whether name, at pos, is the import of package io.
func pkgNamed(pass *analysis.Pass, pos ast.Node, name string) bool {
	scope := pass.Pkg.Scope().Innermost(pos.Pos())
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos.Pos())
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == "io"
}

// addImport returns the edit adding `"io"` to file's imports: in the
// first group of the first import declaration, in order.
func addImport(pass *analysis.Pass, file *ast.File) *analysis.TextEdit {
	src := bodyflow.NewSource(pass, file.Package)
	if src == nil {
		return nil
	}
	var decl *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			decl = g
			break
		}
	}
	if decl == nil {
		return &analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport \"io\"")}
	}
	if !decl.Lparen.IsValid() {
		return &analysis.TextEdit{Pos: decl.Pos(), End: decl.Pos(), NewText: []byte("import \"io\"\n")}
	}
	if len(decl.Specs) == 0 {
		return nil
	}
	var last ast.Spec
	for i, s := range decl.Specs {
		spec := s.(*ast.ImportSpec)
		if i > 0 && pass.Fset.Position(spec.Pos()).Line > pass.Fset.Position(decl.Specs[i-1].End()).Line+1 {
			break // end of the first group
		}
		path, _ := strconv.Unquote(spec.Path.Value)
		if strings.Compare(path, "io") > 0 {
			return &analysis.TextEdit{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte("\"io\"\n" + src.Indent(spec.Pos()))}
		}
		last = spec
	}
	return &analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n" + src.Indent(last.Pos()) + "\"io\"")}
}

// lowValue reports whether the response r costs little, so that only -all
// reports it: its call runs once per process (pools.Result.RunsOnce).
func (c *checker) lowValue(pass *analysis.Pass, r *bodyflow.Response) bool {
	return !r.InTest && pools.Results(pass).RunsOnce(r.Func, r.Call)
}
