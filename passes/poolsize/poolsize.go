package poolsize

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	rdoc "github.com/reuselint/reuselint/internal/doc"
	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/lazyinspect"
	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/pools"
	"github.com/reuselint/reuselint/internal/transportflow"
)

//go:generate go run ../../internal/doc/gendoc poolsize

// Analyzer is the poolsize check with its default settings.
var Analyzer = NewWith(pools.Analyzer)

// New returns a fresh poolsize analyzer with its own pool analysis.
func New() *analysis.Analyzer { return NewWith(pools.New()) }

// NewWith returns a fresh poolsize analyzer that reads the pool analysis
// p: a pool that dies with its call is clientperrequest's finding.
func NewWith(p *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "poolsize",
		Doc:      docString,
		URL:      rdoc.URL("poolsize"),
		Requires: []*analysis.Analyzer{lazyinspect.Analyzer, p},
		Run:      run,
	}
}

// defaultIdle is the idle limit in force when none is set: net/http's
// DefaultMaxIdleConnsPerHost and database/sql's defaultMaxIdleConns.
const defaultIdle = 2

const cost = "with more than 2 requests in flight to one host, the extra connections are closed after each response and reopened"

func run(pass *analysis.Pass) (any, error) {
	// Every pattern names a type, field or method of net/http or
	// database/sql (through an import, or a method promoted by sqlx.DB).
	// net/http declares DefaultTransport itself; test support talks to
	// its own servers.
	if path := pass.Pkg.Path(); path == nethttp.HTTP || path == nethttp.SQL || nethttp.IsTestPackage(path) ||
		!nethttp.Imports(pass.Pkg, nethttp.HTTP, nethttp.SQL) && !nethttp.Selects(pass.TypesInfo, nethttp.HTTP, nethttp.SQL) {
		return nil, nil
	}
	c := &checker{
		pass:      pass,
		idleFuncs: make(map[ast.Node]bool),
		idleVars:  make(map[*types.Var]bool),
		noReuse:   nethttp.NewNoReuseFuncs(pass.TypesInfo),
	}
	in := lazyinspect.Inspector(pass)
	var files []inspector.Cursor
	for file := range in.Root().Children() {
		if nethttp.IsTestFile(pass.Fset, file.Node().(*ast.File)) {
			continue // tests size pools for their own servers
		}
		files = append(files, file)
	}
	c.scan(files)
	for _, file := range files {
		for cur := range file.Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
			if t := transportflow.At(pass, cur); t != nil {
				c.transport(t)
			} else if call, ok := cur.Node().(*ast.CallExpr); ok {
				c.maxOpenConns(cur, call)
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	// perHostElsewhere is set when the package names
	// Transport.MaxIdleConnsPerHost on something other than a local
	// variable (c.Transport.(*http.Transport).MaxIdleConnsPerHost = n):
	// a transport that leaves its function may get it there.
	perHostElsewhere bool
	// idleFuncs are the top-level functions that call SetMaxIdleConns;
	// idleVars the fields and package variables it is called on;
	// idleParam is set when it is called on a parameter (a helper that
	// sizes any pool it is given).
	idleFuncs map[ast.Node]bool
	idleVars  map[*types.Var]bool
	idleParam bool
	noReuse   *nethttp.NoReuseFuncs
}

// scan records where the package sets MaxIdleConnsPerHost and calls
// SetMaxIdleConns.
func (c *checker) scan(files []inspector.Cursor) {
	info := c.pass.TypesInfo
	for _, file := range files {
		for cur := range file.Preorder((*ast.SelectorExpr)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.SelectorExpr:
				if nethttp.IsField(info.Uses[n.Sel], nethttp.HTTP, "Transport", "MaxIdleConnsPerHost") && !isLocal(info, n.X) {
					c.perHostElsewhere = true
				}
			case *ast.CallExpr:
				if !nethttp.IsMethod(nethttp.Callee(info, n), nethttp.SQL, "DB", "SetMaxIdleConns") {
					continue
				}
				c.idleFuncs[topFunc(cur).Node()] = true
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if v := heldIn(info, sel.X); v != nil {
					switch {
					case v.IsField() || v.Kind() == types.PackageVar:
						c.idleVars[v] = true
					case v.Kind() == types.ParamVar || v.Kind() == types.RecvVar:
						c.idleParam = true
					}
				}
			}
		}
	}
}

// isLocal reports whether e is a local variable.
func isLocal(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Kind() == types.LocalVar
}

// heldIn returns the variable or field that e, an identifier or a field
// selection, names.
func heldIn(info *types.Info, e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := info.Uses[e.Sel].(*types.Var)
		return v
	}
	return nil
}

// topFunc returns the outermost function declaration or literal around
// cur, or the file when cur is at package level.
func topFunc(cur inspector.Cursor) inspector.Cursor {
	var top inspector.Cursor
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.File)(nil)) {
		if _, ok := f.Node().(*ast.File); !ok || top.Node() == nil {
			top = f
		}
	}
	return top
}

// perCall reports whether the pool built at cur dies with its call (the
// pool analysis: built per request or per iteration, which
// clientperrequest reports, or carrying one request): its sizing never
// matters. A test helper's pool is for its test server.
func (c *checker) perCall(cur inspector.Cursor) bool {
	res := pools.Results(c.pass)
	if _, ok := res.ShortLived(cur.Node()); ok || res.BuiltPerCall(cur.Node()) {
		return true
	}
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.noReuse.Has(fd.Node().(*ast.FuncDecl))
	}
	return false
}

// intConst returns the value of e when it is an integer constant.
func (c *checker) intConst(e ast.Expr) (int64, bool) {
	if e == nil {
		return 0, false
	}
	v := c.pass.TypesInfo.Types[e].Value
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// text returns the source text of e.
func text(src *edit.Source, e ast.Expr) string {
	return string(src.Text[src.File.Offset(e.Pos()):src.File.Offset(e.End())])
}
