package tlssessioncache

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// A Transport built in a function and gone when it returns (testcontainers'
// HTTP wait strategy builds one to poll a container) keeps its session
// cache for that call only: a cache in its config would serve one call's
// connections, and the transport built per call is what costs handshakes.
// Such a client use does not make the config long-lived. The analysis
// proves it only for the plain shape, local variables and local
// http.Clients that send requests; anything else (returned, stored,
// handed on, captured by a closure, in main or init) may outlive the call.

// holder is what a local value is: a Transport or a Client.
type holder int

const (
	transportHolder holder = iota
	clientHolder
)

// shortLivedTransport reports whether the http.Transport configured at
// cur (the TLSClientConfig element of its literal, or tr.TLSClientConfig
// on the left of an assignment) is built in the enclosing function and
// cannot outlive it.
func (a *checker) shortLivedTransport(cur inspector.Cursor) bool {
	fn := enclosingFunc(cur)
	if !fn.Valid() || a.livesForTheProgram(fn) {
		return false
	}
	switch n := cur.Node().(type) {
	case *ast.KeyValueExpr:
		return a.localValue(cur.Parent(), fn, transportHolder)
	case *ast.SelectorExpr:
		id := astIdent(n.X)
		if id == nil {
			return false
		}
		v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
		return ok && a.freshLocal(v, fn) && a.localVar(v, fn, transportHolder)
	}
	return false
}

// livesForTheProgram reports whether fn is main or init, whose locals
// live as long as the program.
func (a *checker) livesForTheProgram(fn inspector.Cursor) bool {
	decl, ok := fn.Node().(*ast.FuncDecl)
	return ok && nethttp.IsMainOrInit(a.pass.Pkg, decl)
}

// enclosingFunc returns the innermost function declaration or literal
// around cur.
func enclosingFunc(cur inspector.Cursor) inspector.Cursor {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc
	}
	return inspector.Cursor{}
}

// localValue reports whether the composite literal at cur (a Transport or
// a Client, by h) stays in fn: it is stored only in local variables of fn
// that keep it there, or used on the spot ((&http.Client{...}).Do(req)),
// and a Transport only by such Clients.
func (a *checker) localValue(cur inspector.Cursor, fn inspector.Cursor, h holder) bool {
	parent, kind, idx := edit.Up(cur)
	switch kind {
	case edge.UnaryExpr_X:
		if parent.Node().(*ast.UnaryExpr).Op == token.AND {
			return a.localValue(parent, fn, h)
		}
	case edge.SelectorExpr_X:
		return a.localSelector(parent, h)
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			if id := astIdent(as.Lhs[idx]); id != nil {
				v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
				return ok && a.declaredIn(v, fn) && a.localVar(v, fn, h)
			}
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			v, ok := a.pass.TypesInfo.Defs[vs.Names[idx]].(*types.Var)
			return ok && a.declaredIn(v, fn) && a.localVar(v, fn, h)
		}
	case edge.KeyValueExpr_Value:
		return h == transportHolder && a.clientTransport(parent) && a.localValue(parent.Parent(), fn, clientHolder)
	}
	return false
}

// clientTransport reports whether the key-value element at kv sets the
// Transport of an http.Client literal.
func (a *checker) clientTransport(kv inspector.Cursor) bool {
	key, ok := kv.Node().(*ast.KeyValueExpr).Key.(*ast.Ident)
	return ok && nethttp.IsField(a.pass.TypesInfo.Uses[key], nethttp.HTTP, "Client", "Transport")
}

// localVar reports whether every use of the local variable v in fn keeps
// the value it holds in fn: calls of its methods, its fields set or read
// (a Client's Transport aside), comparisons, new values assigned, and for
// a Transport the Transport field of a local Client. A use in a closure
// may run after fn returns.
func (a *checker) localVar(v *types.Var, fn inspector.Cursor, h holder) bool {
	// fn itself, not localUses: fn may be a function literal outside any
	// declaration (var DefaultTransport = func() *http.Transport {...}).
	for use := range fn.Preorder((*ast.Ident)(nil)) {
		if a.pass.TypesInfo.Uses[use.Node().(*ast.Ident)] != v {
			continue
		}
		if enclosingFunc(use) != fn {
			return false
		}
		parent, kind, _ := edit.Up(use)
		switch kind {
		case edge.AssignStmt_Lhs, edge.BinaryExpr_X, edge.BinaryExpr_Y:
			continue
		case edge.SelectorExpr_X:
			if a.localSelector(parent, h) {
				continue
			}
		case edge.KeyValueExpr_Value:
			if h == transportHolder && a.clientTransport(parent) && a.localValue(parent.Parent(), fn, clientHolder) {
				continue
			}
		}
		return false
	}
	return true
}

// localSelector reports whether the selector at sel, on a local Transport
// or Client, keeps the value local: a method called on the spot, or a
// field other than a Client's Transport. A method value (f := c.Do) or a
// field's address may outlive the call.
func (a *checker) localSelector(sel inspector.Cursor, h holder) bool {
	selection := a.pass.TypesInfo.Selections[sel.Node().(*ast.SelectorExpr)]
	if selection == nil {
		return false
	}
	parent, kind, _ := edit.Up(sel)
	switch selection.Kind() {
	case types.MethodVal:
		return kind == edge.CallExpr_Fun
	case types.FieldVal:
		if kind == edge.UnaryExpr_X && parent.Node().(*ast.UnaryExpr).Op == token.AND {
			return false
		}
		return h == transportHolder || selection.Obj().Name() != "Transport"
	}
	return false
}

// freshLocal reports whether v, a local variable of fn, is declared with
// a new http.Transport (tr := &http.Transport{...}) and assigned nothing
// else.
func (a *checker) freshLocal(v *types.Var, fn inspector.Cursor) bool {
	values, ok := a.valuesOf(v, fn)
	if !ok || len(values) == 0 {
		return false
	}
	for _, rhs := range values {
		lit, ok := nethttp.Unaddr(rhs).(*ast.CompositeLit)
		if !ok || !nethttp.IsNamed(a.pass.TypesInfo.TypeOf(lit), nethttp.HTTP, "Transport") {
			return false
		}
	}
	return true
}

// valuesOf returns every value assigned to v, a local variable declared in
// fn, within fn: ok is false when one is not an expression of its own (a
// declaration without a value, a multi-value call) other than the value
// of a comma-ok form (t, ok := x.(*http.Transport)).
func (a *checker) valuesOf(v *types.Var, fn inspector.Cursor) (values []ast.Expr, ok bool) {
	if !a.declaredIn(v, fn) {
		return nil, false
	}
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		if a.pass.TypesInfo.ObjectOf(id.Node().(*ast.Ident)) != v {
			continue
		}
		parent, kind, idx := edit.Up(id)
		var lhs, rhs []ast.Expr
		switch kind {
		case edge.AssignStmt_Lhs:
			as := parent.Node().(*ast.AssignStmt)
			lhs, rhs = as.Lhs, as.Rhs
		case edge.ValueSpec_Names:
			vs := parent.Node().(*ast.ValueSpec)
			lhs, rhs = make([]ast.Expr, len(vs.Names)), vs.Values
		default:
			continue // a use
		}
		switch {
		case len(lhs) == len(rhs):
			values = append(values, rhs[idx])
		case len(rhs) == 1 && idx == 0 && isCommaOk(rhs[0]):
			values = append(values, rhs[0])
		default:
			return nil, false
		}
	}
	return values, true
}

// isCommaOk reports whether e yields a value and a bool in a two-value
// assignment: a type assertion, a map index or a receive.
func isCommaOk(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr, *ast.IndexExpr:
		return true
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	}
	return false
}

// declaredIn reports whether v is a local variable declared in fn.
func (a *checker) declaredIn(v *types.Var, fn inspector.Cursor) bool {
	return v.Kind() == types.LocalVar && v.Pkg() == a.pass.Pkg &&
		fn.Node().Pos() <= v.Pos() && v.Pos() < fn.Node().End()
}
