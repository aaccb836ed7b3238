package keepalive

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// This file decides which requests are outgoing: where a request comes
// from (http.NewRequest, a helper that returns one, WithContext, Clone, a
// literal, a parameter) and where it goes (Do, RoundTrip, a handler).

// newRequest is the fact that a function returns, at result Index, only
// client requests it builds itself with http.NewRequest or
// NewRequestWithContext (directly, through local variables, WithContext,
// Clone, or functions with this fact), or nil. A caller's request from it
// is outgoing as if it called http.NewRequest.
type newRequest struct{ Index int }

func (*newRequest) AFact() {}

func (f *newRequest) String() string {
	if f.Index != 0 {
		return "newRequest#" + strconv.Itoa(f.Index)
	}
	return "newRequest"
}

// provenance is what a request variable holds and where it goes, within
// one function.
type provenance struct {
	built   bool // assigned a request built here
	literal bool // one of them from a literal or new(http.Request)
	foreign bool // assigned a request from elsewhere, or a parameter
	handler bool // a parameter of a handler
	sent    bool // passed to Do or RoundTrip
	served  bool // passed to ServeHTTP or a call with a ResponseWriter
}

// outgoingLiteral reports whether the http.Request literal at cur is an
// outgoing request: assigned to an outgoing local variable, or passed
// straight to a call that sends it.
func (c *checker) outgoingLiteral(cur inspector.Cursor) bool {
	parent, kind, idx := edit.Up(cur)
	if kind == edge.UnaryExpr_X && parent.Node().(*ast.UnaryExpr).Op == token.AND {
		cur = parent
		parent, kind, idx = edit.Up(parent)
	}
	switch kind {
	case edge.CallExpr_Args:
		return nethttp.SendsRequest(c.pass.TypesInfo, parent.Node().(*ast.CallExpr))
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
	return c.outgoingVar(cur, c.pass.TypesInfo.ObjectOf(id))
}

// outgoingVar reports whether obj is a local variable of the function
// enclosing cur that holds outgoing requests: one the function sends with
// Client.Do or RoundTrip, whatever its origin (a handler's parameter
// excepted), or one that holds only requests built as client requests
// (http.NewRequest, NewRequestWithContext, a function with the newRequest
// fact, WithContext or Clone of such a request). A request from a
// literal or new(http.Request) counts only when sent, since servers build
// their incoming requests that way too (net/http/cgi does). A request
// handed to ServeHTTP or to a call with a ResponseWriter is a server's.
func (c *checker) outgoingVar(cur inspector.Cursor, obj types.Object) bool {
	p, ok := c.provenance(cur, obj)
	if !ok || p.served || p.handler {
		return false
	}
	return p.sent || p.built && !p.literal && !p.foreign
}

// builtVar reports whether obj holds only client requests built in the
// function enclosing cur, none of them served.
func (c *checker) builtVar(cur inspector.Cursor, obj types.Object) bool {
	p, ok := c.provenance(cur, obj)
	return ok && !p.served && p.built && !p.literal && !p.foreign
}

// provenance computes the provenance of the request variable obj in the
// function declaration enclosing cur; ok is false when obj is not a local
// request variable or when it is being computed (a cycle).
func (c *checker) provenance(cur inspector.Cursor, obj types.Object) (p provenance, ok bool) {
	v, isVar := obj.(*types.Var)
	if !isVar || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == c.pass.Pkg.Scope() {
		return p, false
	}
	if t := v.Type(); !nethttp.IsRequest(t) && !nethttp.IsNamed(t, nethttp.HTTP, "Request") {
		return p, false
	}
	var fn inspector.Cursor
	for fn = range cur.Enclosing((*ast.FuncDecl)(nil)) {
		break
	}
	if !fn.Valid() || c.visiting[v] {
		return p, false
	}
	c.visiting[v] = true
	defer delete(c.visiting, v)
	info := c.pass.TypesInfo
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
			c.assigned(idc, &p, as.Rhs, len(as.Lhs), idx, v)
		case edge.ValueSpec_Names:
			vs := parent.Node().(*ast.ValueSpec)
			if len(vs.Values) > 0 {
				c.assigned(idc, &p, vs.Values, len(vs.Names), idx, v)
			}
		case edge.CallExpr_Args:
			c.passed(parent.Node().(*ast.CallExpr), &p)
		case edge.UnaryExpr_X:
			if call, k, _ := edit.Up(parent); k == edge.CallExpr_Args {
				c.passed(call.Node().(*ast.CallExpr), &p)
			}
		case edge.Field_Names:
			p.foreign = true // a parameter
			decl := fn.Node().(*ast.FuncDecl)
			if f, ok := info.Defs[decl.Name].(*types.Func); ok && nethttp.IsHandlerSignature(f.Signature()) {
				p.handler = true
			}
		default:
			if def {
				p.foreign = true // a range variable, ...
			}
		}
	}
	return p, true
}

// passed records a call that receives the request.
func (c *checker) passed(call *ast.CallExpr, p *provenance) {
	info := c.pass.TypesInfo
	p.served = p.served || nethttp.ServesRequest(info, call)
	p.sent = p.sent || nethttp.SendsRequest(info, call)
}

// assigned records the request assigned to the idx-th of n variables
// (v among them, at cur) from rhs.
func (c *checker) assigned(cur inspector.Cursor, p *provenance, rhs []ast.Expr, n, idx int, v *types.Var) {
	info := c.pass.TypesInfo
	if len(rhs) == 1 && n > 1 {
		if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok && c.buildsRequest(call, idx) {
			p.built = true
		} else {
			p.foreign = true
		}
		return
	}
	if len(rhs) != n {
		p.foreign = true
		return
	}
	switch e := nethttp.Unaddr(rhs[idx]).(type) {
	case *ast.CompositeLit:
		p.built, p.literal = true, true
		return
	case *ast.CallExpr:
		if nethttp.IsNew(info, e) {
			p.built, p.literal = true, true
			return
		}
		if x := nethttp.DerivedRequest(info, e); x != nil {
			// req = req.WithContext(ctx) keeps what req holds;
			// r2 := req.Clone(ctx) holds what req does.
			if id, ok := ast.Unparen(x).(*ast.Ident); ok {
				if info.Uses[id] == v {
					return
				}
				if c.builtVar(cur, info.Uses[id]) {
					p.built = true
					return
				}
			}
			p.foreign = true
			return
		}
		if c.buildsRequest(e, 0) {
			p.built = true
			return
		}
	}
	if !info.Types[rhs[idx]].IsNil() {
		p.foreign = true
	}
}

// buildsRequest reports whether result idx of call is a client request
// built for the caller: http.NewRequest, NewRequestWithContext, or a
// function that has (or, in this package, earns) the newRequest fact.
func (c *checker) buildsRequest(call *ast.CallExpr, idx int) bool {
	fn := nethttp.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	if nethttp.IsNewClientRequestFunc(fn) {
		return idx == 0
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return nethttp.RequestResult(fn) == idx && c.returnsNewRequest(fn)
	}
	var fact newRequest
	return fn.Pkg() != nil && c.pass.ImportObjectFact(fn, &fact) && fact.Index == idx
}

// returnsNewRequest reports whether fn, a function of this package,
// returns only client requests it builds (at least one) or nil, computed
// once.
func (c *checker) returnsNewRequest(fn *types.Func) bool {
	if ok, done := c.newReq[fn]; done {
		return ok
	}
	c.newReq[fn] = false // while in progress
	decl, ok := c.decls[fn]
	idx := nethttp.RequestResult(fn)
	if !ok || idx < 0 || nethttp.IsTestHelper(fn.Signature()) {
		return false
	}
	n := fn.Signature().Results().Len()
	ok, some := true, false
	decl.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(rc inspector.Cursor) bool {
		ret, isRet := rc.Node().(*ast.ReturnStmt)
		switch {
		case !isRet: // a closure's returns are not fn's
		case len(ret.Results) == n:
			res := rc.ChildAt(edge.ReturnStmt_Results, idx)
			if c.pass.TypesInfo.Types[ret.Results[idx]].IsNil() {
				break
			}
			some = true
			ok = ok && c.builtExpr(res)
		case len(ret.Results) == 1 && n > 1:
			call, isCall := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			some = true
			ok = ok && isCall && c.buildsRequest(call, idx)
		default:
			ok = false // a bare return of named results
		}
		return false
	})
	ok = ok && some
	c.newReq[fn] = ok
	return ok
}

// builtExpr reports whether the request expression at cur is a client
// request built in its function.
func (c *checker) builtExpr(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(cur.Node().(ast.Expr)).(type) {
	case *ast.Ident:
		return c.builtVar(cur, info.Uses[e])
	case *ast.CallExpr:
		if x := nethttp.DerivedRequest(info, e); x != nil {
			id, ok := ast.Unparen(x).(*ast.Ident)
			return ok && c.builtVar(cur, info.Uses[id])
		}
		return c.buildsRequest(e, 0)
	}
	return false
}

// exportFacts gives the newRequest fact to this package's functions that
// return only client requests they build.
func (c *checker) exportFacts() {
	for _, fn := range c.order {
		if nethttp.RequestResult(fn) >= 0 && c.returnsNewRequest(fn) {
			c.pass.ExportObjectFact(fn, &newRequest{Index: nethttp.RequestResult(fn)})
		}
	}
}
