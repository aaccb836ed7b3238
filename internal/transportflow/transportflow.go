// Package transportflow reads the http.Transport values a function
// builds: a composite literal, or &http.Transport{} or new(http.Transport)
// completed by field assignments in the same function, with the fields
// they get and what the function does with them (kept in a local
// variable, returned, stored, handed to another function). The checks
// that judge a transport by its settings (transportdefaults, poolsize)
// share this one reading.
package transportflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// A Transport is one http.Transport built by a composite literal or by
// new(http.Transport), with the fields it gets in its function.
type Transport struct {
	Anchor   ast.Expr          // the literal or the new call
	Lit      *ast.CompositeLit // nil for new
	Cur      inspector.Cursor  // the anchor's cursor
	Fn       inspector.Cursor  // the enclosing FuncDecl or FuncLit; Root at package level
	Decl     inspector.Cursor  // the statement declaring V, when Declared is set
	Declared bool
	V        *types.Var // the variable holding it, if any
	// Fields are the fields set by the literal and, when V holds
	// nothing else, by the assignments V.F = x of the function.
	Fields map[string]ast.Expr
	// Assigns are the statements V.F = x, in source order (nil when V
	// holds other values too).
	Assigns []inspector.Cursor
	// Selected are the fields of http.Transport named through V in the
	// function, read or written.
	Selected map[string]bool
	Escapes  bool // it leaves its function, or is a package variable
	Foreign  bool // handed as *http.Transport to another package's function

	assigned map[string]ast.Expr // fields set by assignments
	lhs      int                 // assignments to V, the binding one included
}

// At returns the transport built at cur, a composite literal or a call,
// or nil.
func At(pass *analysis.Pass, cur inspector.Cursor) *Transport {
	info := pass.TypesInfo
	t := &Transport{Cur: cur, Fields: make(map[string]ast.Expr), Selected: make(map[string]bool), assigned: make(map[string]ast.Expr)}
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		if !nethttp.IsNamed(info.TypeOf(n), nethttp.HTTP, "Transport") {
			return nil
		}
		t.Anchor, t.Lit = n, n
		for _, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok {
					t.Fields[key.Name] = kv.Value
				}
			}
		}
	case *ast.CallExpr:
		if !nethttp.IsNew(info, n) || !nethttp.IsTransport(info.TypeOf(n)) {
			return nil
		}
		t.Anchor = n
	default:
		return nil
	}
	found := false
	for t.Fn = range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		found = true
		break
	}
	if !found {
		t.Fn = cur.Inspector().Root()
	}
	r := reader{pass: pass, t: t}
	r.follow()
	return t
}

// SetAfterAssigns returns the edit that adds V.field = value after the
// statement of V's block that holds the last field assignment, so that it
// runs on every path that set a field, or nil.
func (t *Transport) SetAfterAssigns(src *edit.Source, field, value string) []analysis.TextEdit {
	if t.V == nil || len(t.Assigns) == 0 || !t.Declared {
		return nil
	}
	last, ok := sibling(t.Assigns[len(t.Assigns)-1], t.Decl.Parent())
	if !ok {
		return nil
	}
	return src.InsertAfter(last, t.V.Name()+"."+field+" = "+value)
}

// sibling returns the ancestor of cur (cur included) whose parent is
// block.
func sibling(cur, block inspector.Cursor) (inspector.Cursor, bool) {
	for c := cur; c.Node() != nil; c = c.Parent() {
		if c.Parent() == block {
			return c, true
		}
	}
	return inspector.Cursor{}, false
}

type reader struct {
	pass *analysis.Pass
	t    *Transport
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
func (r *reader) follow() {
	t := r.t
	r.use(value(t.Cur))
	if t.V == nil || t.V.Kind() != types.LocalVar {
		if t.V != nil {
			t.Escapes = true // a package variable: any function may change it
		}
		return
	}
	info := r.pass.TypesInfo
	for idc := range t.Fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[idc.Node().(*ast.Ident)] == t.V {
			r.use(idc)
		}
	}
	if as, ok := t.Decl.Node().(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
		t.lhs-- // the binding assignment itself
	}
	if t.lhs > 0 {
		// V holds other values too: its field assignments may be theirs.
		t.Assigns = nil
		return
	}
	for f, e := range t.assigned {
		t.Fields[f] = e
	}
}

// use records what the expression at cur, the transport or a variable
// holding it, does with it.
func (r *reader) use(cur inspector.Cursor) {
	t := r.t
	parent, kind, idx := edit.Up(cur)
	switch kind {
	case edge.SelectorExpr_X:
		r.selector(parent)
	case edge.AssignStmt_Lhs:
		t.lhs++
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		if t.V != nil {
			t.Escapes = true // copied to another variable
			return
		}
		t.V = boundVar(r.pass.TypesInfo, parent, idx)
		if t.V == nil {
			t.Escapes = true
			return
		}
		t.Decl, t.Declared = parent, true
		if _, ok := parent.Node().(*ast.ValueSpec); ok {
			t.Decl = parent.Parent().Parent() // ValueSpec -> GenDecl -> DeclStmt
		}
	case edge.CallExpr_Args:
		r.argument(parent.Node().(*ast.CallExpr), idx)
	default:
		// A field of a client literal or another struct (it stays
		// reachable from there), a return, a send.
		t.Escapes = true
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

// selector records V.F: the field named, and a field assignment.
func (r *reader) selector(sel inspector.Cursor) {
	t := r.t
	s := sel.Node().(*ast.SelectorExpr)
	obj := r.pass.TypesInfo.Uses[s.Sel]
	if nethttp.IsField(obj, nethttp.HTTP, "Transport", s.Sel.Name) {
		t.Selected[s.Sel.Name] = true
	}
	parent, kind, idx := edit.Up(sel)
	if kind != edge.AssignStmt_Lhs {
		return
	}
	as := parent.Node().(*ast.AssignStmt)
	if v, ok := obj.(*types.Var); ok && v.IsField() && len(as.Lhs) == len(as.Rhs) {
		t.assigned[s.Sel.Name] = as.Rhs[idx]
		t.Assigns = append(t.Assigns, parent)
	}
}

// argument records the transport passed as the idx-th argument of call.
// A function of another package that takes an *http.Transport may set
// its fields itself (http2.ConfigureTransport does).
func (r *reader) argument(call *ast.CallExpr, idx int) {
	t := r.t
	t.Escapes = true
	ft := r.pass.TypesInfo.TypeOf(call.Fun)
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
	fn := nethttp.Callee(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != r.pass.Pkg {
		t.Foreign = true
	}
}
