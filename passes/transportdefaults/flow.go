package transportdefaults

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// A transport is one http.Transport built by a composite literal or by
// new(http.Transport), with the fields it gets in its function.
type transport struct {
	anchor   ast.Expr          // the literal or the new call
	lit      *ast.CompositeLit // nil for new
	cur      inspector.Cursor  // the anchor's cursor
	fn       inspector.Cursor  // the enclosing FuncDecl or FuncLit; Root at package level
	decl     inspector.Cursor  // the statement declaring v, when declared is set
	declared bool
	v        *types.Var // the variable holding it, if any
	fields   map[string]ast.Expr
	// assigns are the statements v.F = x, in source order.
	assigns  []inspector.Cursor
	assigned map[string]ast.Expr // fields set by assignments
	lhs      int                 // assignments to v, the binding one included
	decided  bool                // a decider field is used through v
	escapes  bool                // it leaves its function, or is a package variable
	foreign  bool                // handed as *http.Transport to another package's function
}

// transportAt returns the transport built at cur, or nil.
func (c *checker) transportAt(cur inspector.Cursor) *transport {
	info := c.pass.TypesInfo
	t := &transport{cur: cur, fields: make(map[string]ast.Expr), assigned: make(map[string]ast.Expr)}
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		if !nethttp.IsNamed(info.TypeOf(n), nethttp.HTTP, "Transport") {
			return nil
		}
		t.anchor, t.lit = n, n
		for _, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok {
					t.fields[key.Name] = kv.Value
				}
			}
		}
	case *ast.CallExpr:
		if !nethttp.IsNew(info, n) || !nethttp.IsTransport(info.TypeOf(n)) {
			return nil
		}
		t.anchor = n
	}
	t.fn = cur
	found := false
	for t.fn = range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		found = true
		break
	}
	if !found {
		t.fn = cur.Inspector().Root()
	}
	c.follow(t)
	return t
}

// value returns the cursor of the value that holds the transport: the
// anchor, or &anchor.
func value(cur inspector.Cursor) inspector.Cursor {
	if parent, kind, _ := edit.Up(cur); kind == edge.UnaryExpr_X && parent.Node().(*ast.UnaryExpr).Op == token.AND {
		return parent
	}
	return cur
}

// follow finds the variable the transport is assigned to and what its
// function does with it.
func (c *checker) follow(t *transport) {
	val := value(t.cur)
	c.use(t, val)
	if t.v == nil || t.v.Kind() != types.LocalVar {
		if t.v != nil {
			t.escapes = true // a package variable: any function may change it
		}
		return
	}
	info := c.pass.TypesInfo
	for idc := range t.fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[idc.Node().(*ast.Ident)] == t.v {
			c.use(t, idc)
		}
	}
	if as, ok := t.decl.Node().(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
		t.lhs-- // the binding assignment itself
	}
	if t.lhs > 0 {
		// v holds other values too: its field assignments may be theirs.
		t.assigns = nil
		return
	}
	for f, e := range t.assigned {
		t.fields[f] = e
	}
}

// use records what the expression at cur, the transport or a variable
// holding it, does with it.
func (c *checker) use(t *transport, cur inspector.Cursor) {
	info := c.pass.TypesInfo
	parent, kind, idx := edit.Up(cur)
	switch kind {
	case edge.SelectorExpr_X:
		c.selector(t, parent)
	case edge.AssignStmt_Lhs:
		t.lhs++
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		if t.v != nil {
			t.escapes = true // copied to another variable
			return
		}
		t.v = boundVar(info, parent, idx)
		if t.v == nil {
			t.escapes = true
			return
		}
		t.decl, t.declared = parent, true
		if _, ok := parent.Node().(*ast.ValueSpec); ok {
			t.decl = parent.Parent().Parent() // ValueSpec -> GenDecl -> DeclStmt
		}
	case edge.CallExpr_Args:
		c.argument(t, parent.Node().(*ast.CallExpr), idx)
	case edge.KeyValueExpr_Value:
		// A field of a client literal or another struct: it stays
		// reachable from there.
		t.escapes = true
	default:
		t.escapes = true
	}
}

// boundVar returns the variable assigned the idx-th value of the
// assignment or value spec at cur, or nil.
func boundVar(info *types.Info, cur inspector.Cursor, idx int) *types.Var {
	var id *ast.Ident
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			id, _ = ast.Unparen(n.Lhs[idx]).(*ast.Ident)
		}
	case *ast.ValueSpec:
		if len(n.Names) == len(n.Values) {
			id = n.Names[idx]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// selector records t.F: a field assignment, a decider, or a method call.
func (c *checker) selector(t *transport, sel inspector.Cursor) {
	s := sel.Node().(*ast.SelectorExpr)
	obj := c.pass.TypesInfo.Uses[s.Sel]
	for _, d := range deciders {
		if nethttp.IsField(obj, nethttp.HTTP, "Transport", d) {
			t.decided = true
			return
		}
	}
	parent, kind, idx := edit.Up(sel)
	if kind != edge.AssignStmt_Lhs {
		return
	}
	as := parent.Node().(*ast.AssignStmt)
	if v, ok := obj.(*types.Var); ok && v.IsField() && len(as.Lhs) == len(as.Rhs) {
		t.assigned[s.Sel.Name] = as.Rhs[idx]
		t.assigns = append(t.assigns, parent)
	}
}

// argument records the transport passed as the idx-th argument of call.
// A function of this package is seen through pkgDecides; a function of
// another package that takes an *http.Transport may set ForceAttemptHTTP2
// or TLSNextProto itself (http2.ConfigureTransport does).
func (c *checker) argument(t *transport, call *ast.CallExpr, idx int) {
	t.escapes = true
	ft := c.pass.TypesInfo.TypeOf(call.Fun)
	if ft == nil {
		return
	}
	sig, ok := ft.Underlying().(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	var pt types.Type
	switch {
	case idx < params.Len():
		pt = params.At(idx).Type()
	case sig.Variadic() && params.Len() > 0:
		pt = params.At(params.Len() - 1).Type()
	}
	if s, ok := pt.(*types.Slice); ok && sig.Variadic() && idx >= params.Len()-1 {
		pt = s.Elem()
	}
	if pt == nil || !nethttp.IsTransport(pt) {
		return
	}
	fn := nethttp.Callee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		t.foreign = true
	}
}
