package keepalive

import (
	_ "embed"
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
)

//go:embed doc.go
var doc string

// Analyzer is the keepalive check with its default settings.
var Analyzer = New()

// New returns a fresh keepalive analyzer.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "keepalive",
		Doc:      rdoc.MustExtract(doc, "keepalive"),
		URL:      rdoc.URL("keepalive"),
		Requires: []*analysis.Analyzer{lazyinspect.Analyzer},
		Run:      run,
	}
}

const (
	msgDisable = "http.Transport with DisableKeepAlives: every request opens a new connection (and does a full TLS handshake over HTTPS) instead of reusing one"
	msgIdle    = "http.Transport with a negative MaxIdleConnsPerHost keeps no idle connection: every request opens a new connection instead of reusing one"
	msgClose   = "outgoing request with Close set: its connection is closed after the response instead of going back to the pool"
	msgHeader  = `outgoing request with a "Connection: close" header: its connection is closed after the response instead of going back to the pool`
)

func run(pass *analysis.Pass) (any, error) {
	// Every pattern needs a value of a net/http type.
	if !nethttp.ImportsTransitively(pass.Pkg, nethttp.HTTP) {
		return nil, nil
	}
	c := &checker{pass: pass}
	in := lazyinspect.Inspector(pass)
	for file := range in.Root().Children() {
		// Tests switch keep-alive off on purpose, and the connections
		// they pay for are not the users'.
		if nethttp.IsTestFile(pass.Fset, file.Node().(*ast.File)) {
			continue
		}
		for cur := range file.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				c.literal(cur, n)
			case *ast.AssignStmt:
				c.assign(cur, n)
			case *ast.CallExpr:
				c.headerCall(cur, n)
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
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
		case nethttp.IsField(field, nethttp.HTTP, "Transport", "DisableKeepAlives") && nethttp.IsTrue(c.pass.TypesInfo, kv.Value):
			msg, fix = msgDisable, "Remove DisableKeepAlives"
		case nethttp.IsField(field, nethttp.HTTP, "Transport", "MaxIdleConnsPerHost") && c.isNegative(kv.Value):
			msg, fix = msgIdle, "Remove MaxIdleConnsPerHost"
		case nethttp.IsField(field, nethttp.HTTP, "Request", "Close") && nethttp.IsTrue(c.pass.TypesInfo, kv.Value) && c.outgoingLiteral(cur):
			msg, fix = msgClose, "Remove Close"
		default:
			continue
		}
		edit.ReportRemoval(c.pass, kv, msg, fix, func(src *edit.Source) []analysis.TextEdit { return src.DeleteElt(lit, i) })
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
		edit.ReportRemoval(c.pass, kv, msgHeader, "Remove the Connection: close header", func(src *edit.Source) []analysis.TextEdit {
			return src.DeleteElt(lit, i)
		})
	}
}

// assign reports t.DisableKeepAlives = true, t.MaxIdleConnsPerHost = -1
// on an http.Transport, and req.Close = true on an outgoing request.
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
		case nethttp.IsField(field, nethttp.HTTP, "Request", "Close") && nethttp.IsTrue(c.pass.TypesInfo, rhs) && c.outgoingExpr(cur, sel.X):
			msg, fix = msgClose, "Remove Close"
		default:
			continue
		}
		edit.ReportRemoval(c.pass, as, msg, fix, func(src *edit.Source) []analysis.TextEdit {
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
		!c.isString(ix.Index, "connection") || !c.requestHeaderOf(cur, ix.X) {
		return
	}
	edit.ReportRemoval(c.pass, as, msgHeader, "Remove the Connection: close header", func(src *edit.Source) []analysis.TextEdit {
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
	if !ok || !c.requestHeaderOf(cur, recv.X) {
		return
	}
	if !c.isString(call.Args[0], "connection") || !c.isString(call.Args[1], "close") {
		return
	}
	edit.ReportRemoval(c.pass, call, msgHeader, "Remove the Connection: close header", func(src *edit.Source) []analysis.TextEdit {
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

// outgoingLiteral reports whether the http.Request literal at cur is an
// outgoing request: assigned to an outgoing local variable, or passed
// straight to a call that does not serve it.
func (c *checker) outgoingLiteral(cur inspector.Cursor) bool {
	parent, kind, idx := edit.Up(cur)
	if kind == edge.UnaryExpr_X && parent.Node().(*ast.UnaryExpr).Op == token.AND {
		cur = parent
		parent, kind, idx = edit.Up(parent)
	}
	switch kind {
	case edge.CallExpr_Args:
		return c.sends(parent.Node().(*ast.CallExpr))
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			return c.outgoingExpr(cur, as.Lhs[idx])
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			return c.outgoingVar(cur, c.pass.TypesInfo.Defs[vs.Names[idx]])
		}
	}
	return false
}

// outgoingExpr reports whether e, an expression of type *http.Request or
// http.Request, names an outgoing request held in a local variable.
func (c *checker) outgoingExpr(cur inspector.Cursor, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.ObjectOf(id)
	return c.outgoingVar(cur, obj)
}

// outgoingVar reports whether obj is a local variable of the function
// enclosing cur that holds only requests built in that function, never
// one it received, and that is never handed to a handler with a
// ResponseWriter. http.NewRequest and http.NewRequestWithContext build
// client requests (their documentation says so); a request built from a
// literal or new(http.Request) may be a server's (net/http/cgi builds
// one), so it counts only when the function also sends it with Do or
// RoundTrip. That is what "outgoing" means here; anything else stays
// silent.
func (c *checker) outgoingVar(cur inspector.Cursor, obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == c.pass.Pkg.Scope() {
		return false
	}
	t := v.Type()
	if !nethttp.IsRequest(t) && !nethttp.IsNamed(t, nethttp.HTTP, "Request") {
		return false
	}
	var fn inspector.Cursor
	for fn = range cur.Enclosing((*ast.FuncDecl)(nil)) {
		break
	}
	if !fn.Valid() {
		return false
	}
	info := c.pass.TypesInfo
	built, literal, sent := false, false, false
	for idc := range fn.Preorder((*ast.Ident)(nil)) {
		id := idc.Node().(*ast.Ident)
		def := info.Defs[id] == v
		if !def && info.Uses[id] != v {
			continue
		}
		parent, kind, idx := edit.Up(idc)
		switch kind {
		case edge.AssignStmt_Lhs:
			as := parent.Node().(*ast.AssignStmt)
			b := c.buildsRequest(as.Rhs, len(as.Lhs), idx)
			if b == notBuilt {
				return false
			}
			built, literal = true, literal || b == byLiteral
		case edge.ValueSpec_Names:
			vs := parent.Node().(*ast.ValueSpec)
			if len(vs.Values) > 0 {
				b := c.buildsRequest(vs.Values, len(vs.Names), idx)
				if b == notBuilt {
					return false
				}
				built, literal = true, literal || b == byLiteral
			}
		case edge.CallExpr_Args:
			call := parent.Node().(*ast.CallExpr)
			if c.serves(call) {
				return false
			}
			sent = sent || c.sends(call)
		case edge.UnaryExpr_X:
			if p, k, _ := edit.Up(parent); k == edge.CallExpr_Args {
				call := p.Node().(*ast.CallExpr)
				if c.serves(call) {
					return false
				}
				sent = sent || c.sends(call)
			}
		default:
			if def {
				return false // a parameter, a range variable, ...
			}
		}
	}
	return built && (sent || !literal)
}

// How a request was built.
type building int

const (
	notBuilt  building = iota
	byNew              // http.NewRequest, http.NewRequestWithContext
	byLiteral          // &http.Request{...}, new(http.Request)
)

// sends reports whether call sends a request: (*http.Client).Do or a
// RoundTrip method.
func (c *checker) sends(call *ast.CallExpr) bool {
	switch nethttp.ClassifyRequestCall(c.pass.TypesInfo, call) {
	case nethttp.Do, nethttp.RoundTrip:
		return true
	}
	return false
}

// buildsRequest reports how the value assigned to the idx-th of n
// variables from rhs was built.
func (c *checker) buildsRequest(rhs []ast.Expr, n, idx int) building {
	info := c.pass.TypesInfo
	if len(rhs) == 1 && n > 1 {
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		if !ok || idx != 0 {
			return notBuilt
		}
		fn := nethttp.Callee(info, call)
		if nethttp.IsFunc(fn, nethttp.HTTP, "NewRequest") || nethttp.IsFunc(fn, nethttp.HTTP, "NewRequestWithContext") {
			return byNew
		}
		return notBuilt
	}
	if len(rhs) != n {
		return notBuilt
	}
	switch e := nethttp.Unaddr(rhs[idx]).(type) {
	case *ast.CompositeLit:
		return byLiteral
	case *ast.CallExpr:
		if nethttp.IsNew(info, e) {
			return byLiteral
		}
	}
	return notBuilt
}

func astIdent(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// serves reports whether call hands a request to a handler: a ServeHTTP
// method, or any call that also receives a ResponseWriter (a handler
// function, httptest in tests).
func (c *checker) serves(call *ast.CallExpr) bool {
	if fn := nethttp.Callee(c.pass.TypesInfo, call); fn != nil && fn.Name() == "ServeHTTP" {
		return true
	}
	for _, arg := range call.Args {
		if t := c.pass.TypesInfo.TypeOf(arg); t != nil && nethttp.ImplementsResponseWriter(t) {
			return true
		}
	}
	return false
}
