package keepalive

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	rdoc "github.com/reuselint/reuselint/internal/doc"
	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/lazyinspect"
	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/pools"
)

//go:generate go run ../../internal/doc/gendoc keepalive

// Analyzer is the keepalive check with its default settings.
var Analyzer = NewWith(pools.Analyzer)

// New returns a fresh keepalive analyzer with its own pool analysis.
func New() *analysis.Analyzer { return NewWith(pools.New()) }

// NewWith returns a fresh keepalive analyzer that reads the pool
// analysis p.
func NewWith(p *analysis.Analyzer) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "keepalive",
		Doc:       docString,
		URL:       rdoc.URL("keepalive"),
		Requires:  []*analysis.Analyzer{lazyinspect.Analyzer, p},
		FactTypes: []analysis.Fact{new(newRequest)},
	}
	all := pools.AllFlag(&a.Flags)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, *all) }
	return a
}

const (
	msgDisable = "http.Transport with DisableKeepAlives: every request opens a new connection (and does a full TLS handshake over HTTPS) instead of reusing one"
	msgIdle    = "http.Transport with a negative MaxIdleConnsPerHost keeps no idle connection: every request opens a new connection instead of reusing one"
	msgClose   = "outgoing request with Close set: its connection is closed after the response instead of going back to the pool"
	msgHeader  = `outgoing request with a "Connection: close" header: its connection is closed after the response instead of going back to the pool`
	msgIdleDB  = "sql.DB with SetMaxIdleConns(%s) keeps no idle connection: every query opens a new connection (TLS handshake and authentication included) instead of reusing one"
)

func run(pass *analysis.Pass, all bool) (any, error) {
	// Every pattern names a type, field or method of net/http or
	// database/sql: with an import, or by selecting a field or method on a
	// value from another package (req.Close, req.Header.Set).
	// net/http and database/sql themselves implement the pools and
	// select their own fields.
	if path := pass.Pkg.Path(); path == nethttp.HTTP || path == nethttp.SQL ||
		!nethttp.Imports(pass.Pkg, nethttp.HTTP, nethttp.SQL) && !nethttp.Selects(pass.TypesInfo, nethttp.HTTP, nethttp.SQL) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		decls:    make(map[*types.Func]inspector.Cursor),
		newReq:   make(map[*types.Func]bool),
		visiting: make(map[*types.Var]bool),
		noReuse:  nethttp.NewNoReuseFuncs(pass.TypesInfo),
		all:      all,
		first:    make(map[causeKey]int),
	}
	in := lazyinspect.Inspector(pass)
	var files []inspector.Cursor
	for file := range in.Root().Children() {
		// Tests switch keep-alive off on purpose, and the connections
		// they pay for are not the users'.
		if nethttp.IsTestFile(pass.Fset, file.Node().(*ast.File)) {
			continue
		}
		files = append(files, file)
		for fd := range file.Children() {
			if decl, ok := fd.Node().(*ast.FuncDecl); ok && decl.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
					c.decls[fn] = fd
					c.order = append(c.order, fn)
				}
			}
		}
	}
	for _, file := range files {
		for cur := range file.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				c.literal(cur, n)
			case *ast.AssignStmt:
				c.assign(cur, n)
			case *ast.CallExpr:
				c.headerCall(cur, n)
				c.maxIdleConns(cur, n)
			}
		}
	}
	c.exportFacts()
	for _, d := range c.diags {
		pass.Report(d)
	}
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	decls    map[*types.Func]inspector.Cursor // this package's function declarations
	order    []*types.Func                    // their order in the files
	newReq   map[*types.Func]bool             // returnsNewRequest, computed once
	visiting map[*types.Var]bool              // request variables whose provenance is being computed
	noReuse  *nethttp.NoReuseFuncs            // test helpers and functions building a protocol-upgrade request
	all      bool                             // report requests sent through a pool that dies with its call too
	diags    []analysis.Diagnostic            // the findings, reported when the package is done
	first    map[causeKey]int                 // index in diags of the first finding of each cause
}

// report reports n with edit.ReportRemoval unless cur is in a function
// that skipped rejects. It asks only for a finding: skipped reads the
// whole enclosing function, which every node of a package would pay for.
// One function switching keep-alive off several times for one purpose
// (two fields of one transport, the same field in two branches, Close and
// a Connection header on one request) gets one finding, at the first
// site, with the others as related locations: one cause, one finding.
func (c *checker) report(cur inspector.Cursor, n ast.Node, msg, fix string, edits func(*edit.Source) []analysis.TextEdit) {
	if c.skipped(cur) || !c.all && c.shortLivedPool(cur) {
		return
	}
	key := causeKey{group: causeOf(msg)}
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		key.fn = fn.Node()
		break
	}
	var d analysis.Diagnostic
	inner := *c.pass
	inner.Report = func(rd analysis.Diagnostic) { d = rd }
	edit.ReportRemoval(&inner, n, msg, fix, edits)
	i, ok := c.first[key]
	if !ok || key.fn == nil {
		c.first[key] = len(c.diags)
		c.diags = append(c.diags, d)
		return
	}
	first := &c.diags[i]
	first.Related = append(first.Related, analysis.RelatedInformation{Pos: d.Pos, End: d.End, Message: "also here: " + d.Message})
	mergeFix(first, d)
}

// mergeFix adds the edits of d's fix to first's, so that one fix removes
// every site of the cause. When they would overlap, or a site has no
// fix, first keeps no fix: a partial one would leave the cause in place.
func mergeFix(first *analysis.Diagnostic, d analysis.Diagnostic) {
	if len(first.SuggestedFixes) == 0 {
		return
	}
	if len(d.SuggestedFixes) == 0 {
		first.SuggestedFixes = nil
		return
	}
	fix := &first.SuggestedFixes[0]
	for _, e := range d.SuggestedFixes[0].TextEdits {
		for _, f := range fix.TextEdits {
			if e.Pos < f.End && f.Pos < e.End || e.Pos == f.Pos {
				first.SuggestedFixes = nil
				return
			}
		}
	}
	fix.TextEdits = append(fix.TextEdits, d.SuggestedFixes[0].TextEdits...)
	if !strings.HasSuffix(fix.Message, " and the other switches") {
		fix.Message += " and the other switches"
	}
}

// causeKey groups the findings of one function that share a cause.
type causeKey struct {
	fn    ast.Node // the enclosing function; nil at package level
	group string
}

// causeOf names the cause a message reports: the transport's pool, the
// request's connection, or the database's pool.
func causeOf(msg string) string {
	switch msg {
	case msgDisable, msgIdle:
		return "transport"
	case msgClose, msgHeader:
		return "request"
	}
	return msg
}

// shortLivedPool reports whether cur is in a function that builds an
// HTTP pool dying with its call (see pools.Result.BuildsShortLived): its
// requests have no pool to return a connection to, so Close or a
// Connection header costs nothing more (clientperrequest reports the
// pool when the function runs often).
func (c *checker) shortLivedPool(cur inspector.Cursor) bool {
	res := pools.Results(c.pass)
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		_, ok := res.BuildsShortLived(fn.Node())
		return ok
	}
	return false
}

// skipped reports whether cur is in a function whose settings cost no
// reuse: a test helper, or a function that builds a protocol-upgrade
// request (WebSocket, h2c), whose connection is taken over after the
// 101 response, so DisableKeepAlives or Connection headers there (and on
// the transport built for it) close nothing that could be reused.
func (c *checker) skipped(cur inspector.Cursor) bool {
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.noReuse.Has(fd.Node().(*ast.FuncDecl))
	}
	return false
}

// literal reports DisableKeepAlives: true and a negative
// MaxIdleConnsPerHost in an http.Transport literal, Close: true in an
// outgoing http.Request literal, and a Connection: close entry of an
// http.Header literal that becomes an outgoing request's header.
func (c *checker) literal(cur inspector.Cursor, lit *ast.CompositeLit) {
	info := c.pass.TypesInfo
	if nethttp.IsNamed(info.TypeOf(lit), nethttp.HTTP, "Header") {
		c.headerLiteral(cur, lit)
		return
	}
	for i, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		field := info.Uses[key]
		var msg, fix string
		switch {
		case nethttp.IsField(field, nethttp.HTTP, "Transport", "DisableKeepAlives") && nethttp.IsTrue(c.pass.TypesInfo, kv.Value) && !c.throwaway(cur):
			msg, fix = msgDisable, "Remove DisableKeepAlives"
		case nethttp.IsField(field, nethttp.HTTP, "Transport", "MaxIdleConnsPerHost") && c.isNegative(kv.Value) && !c.throwaway(cur):
			msg, fix = msgIdle, "Remove MaxIdleConnsPerHost"
		case nethttp.IsField(field, nethttp.HTTP, "Request", "Close") && nethttp.IsTrue(c.pass.TypesInfo, kv.Value) && c.outgoingLiteral(cur):
			msg, fix = msgClose, "Remove Close"
		default:
			continue
		}
		c.report(cur, kv, msg, fix, func(src *edit.Source) []analysis.TextEdit { return src.DeleteElt(lit, i) })
	}
}

// headerLiteral reports the "Connection": {"close"} entry of an
// http.Header literal assigned to an outgoing request's Header, in an
// assignment (req.Header = http.Header{...}) or a request literal.
func (c *checker) headerLiteral(cur inspector.Cursor, lit *ast.CompositeLit) {
	info := c.pass.TypesInfo
	parent, kind, idx := edit.Up(cur)
	switch kind {
	case edge.KeyValueExpr_Value:
		kv := parent.Node().(*ast.KeyValueExpr)
		key, ok := kv.Key.(*ast.Ident)
		if !ok || !nethttp.IsField(info.Uses[key], nethttp.HTTP, "Request", "Header") {
			return
		}
		req := parent.Parent()
		if _, ok := req.Node().(*ast.CompositeLit); !ok || !c.outgoingLiteral(req) {
			return
		}
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return
		}
		if !c.requestHeaderOf(cur, as.Lhs[idx]) {
			return
		}
	default:
		return
	}
	for i, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || !c.isString(kv.Key, "connection") {
			continue
		}
		vals, ok := kv.Value.(*ast.CompositeLit)
		if !ok || len(vals.Elts) != 1 || !c.isString(vals.Elts[0], "close") {
			continue
		}
		c.report(cur, kv, msgHeader, "Remove the Connection: close header", func(src *edit.Source) []analysis.TextEdit {
			return src.DeleteElt(lit, i)
		})
	}
}

// assign reports t.DisableKeepAlives = true, t.MaxIdleConnsPerHost = -1
// on an http.Transport, and req.Close = true on an outgoing request. A
// Close set under a condition (after a timeout, for a retry) retires one
// possibly broken connection, or follows configuration: not reported.
func (c *checker) assign(cur inspector.Cursor, as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	info := c.pass.TypesInfo
	for i, lhs := range as.Lhs {
		if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
			c.headerIndex(cur, as, ix, as.Rhs[i])
			continue
		}
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		field := info.Uses[sel.Sel]
		rhs := as.Rhs[i]
		var msg, fix string
		switch {
		case nethttp.IsField(field, nethttp.HTTP, "Transport", "DisableKeepAlives") && nethttp.IsTrue(c.pass.TypesInfo, rhs):
			msg, fix = msgDisable, "Remove DisableKeepAlives"
		case nethttp.IsField(field, nethttp.HTTP, "Transport", "MaxIdleConnsPerHost") && c.isNegative(rhs):
			msg, fix = msgIdle, "Remove MaxIdleConnsPerHost"
		case nethttp.IsField(field, nethttp.HTTP, "Request", "Close") && nethttp.IsTrue(c.pass.TypesInfo, rhs) && !edit.Conditional(cur) && c.outgoingExpr(cur, sel.X):
			msg, fix = msgClose, "Remove Close"
		default:
			continue
		}
		c.report(cur, as, msg, fix, func(src *edit.Source) []analysis.TextEdit {
			if len(as.Lhs) != 1 {
				return nil
			}
			return src.DeleteStmt(cur)
		})
	}
}

// headerIndex reports req.Header["Connection"] = []string{"close"} on an
// outgoing request.
func (c *checker) headerIndex(cur inspector.Cursor, as *ast.AssignStmt, ix *ast.IndexExpr, rhs ast.Expr) {
	vals, ok := ast.Unparen(rhs).(*ast.CompositeLit)
	if !ok || len(vals.Elts) != 1 || !c.isString(vals.Elts[0], "close") ||
		!c.isString(ix.Index, "connection") || edit.Conditional(cur) || !c.requestHeaderOf(cur, ix.X) {
		return
	}
	c.report(cur, as, msgHeader, "Remove the Connection: close header", func(src *edit.Source) []analysis.TextEdit {
		if len(as.Lhs) != 1 {
			return nil
		}
		return src.DeleteStmt(cur)
	})
}

// headerCall reports req.Header.Set("Connection", "close") and
// req.Header.Add("Connection", "close") on an outgoing request.
func (c *checker) headerCall(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	fn := nethttp.Callee(c.pass.TypesInfo, call)
	if !nethttp.IsMethod(fn, nethttp.HTTP, "Header", "Set") && !nethttp.IsMethod(fn, nethttp.HTTP, "Header", "Add") {
		return
	}
	recv, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || edit.Conditional(cur) || !c.requestHeaderOf(cur, recv.X) {
		return
	}
	if !c.isString(call.Args[0], "connection") || !c.isString(call.Args[1], "close") {
		return
	}
	c.report(cur, call, msgHeader, "Remove the Connection: close header", func(src *edit.Source) []analysis.TextEdit {
		stmt := cur.Parent()
		if _, ok := stmt.Node().(*ast.ExprStmt); !ok {
			return nil
		}
		return src.DeleteStmt(stmt)
	})
}

// requestHeaderOf reports whether e is req.Header for an outgoing
// request req.
func (c *checker) requestHeaderOf(cur inspector.Cursor, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && nethttp.IsField(c.pass.TypesInfo.Uses[sel.Sel], nethttp.HTTP, "Request", "Header") &&
		c.outgoingExpr(cur, sel.X)
}

func (c *checker) constant(e ast.Expr) constant.Value {
	return c.pass.TypesInfo.Types[e].Value
}

func (c *checker) isNegative(e ast.Expr) bool {
	v := c.constant(e)
	return v != nil && v.Kind() == constant.Int && constant.Sign(v) < 0
}

// isString reports whether e is a string constant equal to want, ignoring
// case and surrounding blanks, as net/http compares header tokens.
func (c *checker) isString(e ast.Expr, want string) bool {
	v := c.constant(e)
	return v != nil && v.Kind() == constant.String && strings.EqualFold(strings.TrimSpace(constant.StringVal(v)), want)
}
