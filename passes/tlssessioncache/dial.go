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

// This file decides what a per-connection use of a config costs: a
// dial whose connection carries data pays a full handshake each time,
// a probe that only handshakes and closes wants one.

// perConnUse records that the config is used by the connections the
// calls at dials start.
func (a *checker) perConnUse(dials []inspector.Cursor, s *segment) {
	s.perConn = true
	for _, d := range dials {
		if a.carriesTraffic(d) && !a.inOneShotFunc(d) {
			s.traffic = true
		}
	}
}

// dialerDials returns the Dial and DialContext calls of the tls.Dialer
// literal at lit when the dialer is built for them: the literal is the
// receiver of such a call, or a local variable used only as their
// receiver. ok is false for a dialer kept for later (stored, returned,
// handed on), whose config lives as long as it does.
func (a *checker) dialerDials(lit inspector.Cursor) (dials []inspector.Cursor, ok bool) {
	info := a.pass.TypesInfo
	cur := lit
	parent, kind, idx := edit.Up(cur)
	if kind == edge.UnaryExpr_X && parent.Node().(*ast.UnaryExpr).Op == token.AND {
		cur = parent
		parent, kind, idx = edit.Up(cur)
	}
	var obj types.Object
	switch kind {
	case edge.SelectorExpr_X:
		if call, ok := a.methodCall(parent, nethttp.IsTLSDialMethod); ok {
			return []inspector.Cursor{call}, true
		}
		return a.methodValueCalls(parent)
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return nil, false
		}
		if id := astIdent(as.Lhs[idx]); id != nil {
			obj = info.ObjectOf(id)
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Names) != len(vs.Values) {
			return nil, false
		}
		obj = info.Defs[vs.Names[idx]]
	}
	v, isVar := obj.(*types.Var)
	if !isVar || v.Kind() != types.LocalVar {
		return nil, false
	}
	for use := range a.localUses(cur, v) {
		parent, kind, _ := edit.Up(use)
		if kind != edge.SelectorExpr_X {
			return nil, false
		}
		if call, ok := a.methodCall(parent, nethttp.IsTLSDialMethod); ok {
			dials = append(dials, call)
			continue
		}
		calls, ok := a.methodValueCalls(parent)
		if !ok {
			return nil, false
		}
		dials = append(dials, calls...)
	}
	return dials, len(dials) > 0
}

// methodValueCalls returns the calls of the local variable that the
// method value at sel (dial = d.DialContext) is assigned to, when sel is
// a tls.Dialer's Dial or DialContext and the variable is only called,
// compared or assigned another dial function: go-mail picks a plain or a
// TLS dialer's DialContext and calls it for each connection.
func (a *checker) methodValueCalls(sel inspector.Cursor) ([]inspector.Cursor, bool) {
	fn, ok := a.pass.TypesInfo.Uses[sel.Node().(*ast.SelectorExpr).Sel].(*types.Func)
	if !ok || !nethttp.IsTLSDialMethod(fn) {
		return nil, false
	}
	parent, kind, idx := edit.Up(sel)
	if kind != edge.AssignStmt_Rhs || len(parent.Node().(*ast.AssignStmt).Lhs) != len(parent.Node().(*ast.AssignStmt).Rhs) {
		return nil, false
	}
	id := astIdent(parent.Node().(*ast.AssignStmt).Lhs[idx])
	if id == nil {
		return nil, false
	}
	v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Kind() != types.LocalVar {
		return nil, false
	}
	var calls []inspector.Cursor
	for use := range a.localUses(sel, v) {
		call, kind, _ := edit.Up(use)
		switch kind {
		case edge.CallExpr_Fun:
			calls = append(calls, call)
		case edge.AssignStmt_Lhs, edge.BinaryExpr_X, edge.BinaryExpr_Y:
		default:
			return nil, false
		}
	}
	return calls, len(calls) > 0
}

// methodCall returns the call whose function is the selector at sel,
// when the selected method satisfies is.
func (a *checker) methodCall(sel inspector.Cursor, is func(*types.Func) bool) (inspector.Cursor, bool) {
	s, ok := sel.Node().(*ast.SelectorExpr)
	if !ok {
		return inspector.Cursor{}, false
	}
	fn, ok := a.pass.TypesInfo.Uses[s.Sel].(*types.Func)
	if !ok || !is(fn) {
		return inspector.Cursor{}, false
	}
	call, kind, _ := edit.Up(sel)
	return call, kind == edge.CallExpr_Fun
}

// localUses yields the identifiers that use v in the function declaration
// enclosing cur, closures included.
func (a *checker) localUses(cur inspector.Cursor, v *types.Var) func(func(inspector.Cursor) bool) {
	return func(yield func(inspector.Cursor) bool) {
		for fd := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			for id := range fd.Preorder((*ast.Ident)(nil)) {
				if a.pass.TypesInfo.Uses[id.Node().(*ast.Ident)] == v && !yield(id) {
					return
				}
			}
		}
	}
}

// carriesTraffic reports whether the connection the call at cur starts
// is used for data: returned, stored, handed to other code or read and
// written. A connection only handshaken, inspected and closed is a
// one-shot probe, which needs the full handshake and no session; a mail
// client upgraded by StartTLS goes on over the new connection.
func (a *checker) carriesTraffic(cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	if nethttp.IsStartTLS(nethttp.Callee(a.pass.TypesInfo, call)) {
		return true
	}
	parent, kind, idx := edit.Up(cur)
	switch kind {
	case edge.ExprStmt_X:
		return false
	case edge.SelectorExpr_X:
		_, probe := a.methodCall(parent, isProbe)
		return !probe
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Rhs) == 1 {
			idx = 0 // conn, err := tls.Dial(...)
		}
		if idx < len(as.Lhs) {
			return a.connVarTraffic(cur, as.Lhs[idx])
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Values) == 1 {
			idx = 0
		}
		if idx < len(vs.Names) {
			return a.connVarTraffic(cur, vs.Names[idx])
		}
	}
	return true // returned, stored, handed on
}

func isProbe(fn *types.Func) bool { return nethttp.IsProbeConnMethod(fn.Name()) }

// connVarTraffic reports whether the connection assigned to lhs is used
// for more than a probe.
func (a *checker) connVarTraffic(cur inspector.Cursor, lhs ast.Expr) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return true // a field: kept for later
	}
	if id.Name == "_" {
		return false
	}
	v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Kind() != types.LocalVar {
		return true
	}
	for use := range a.localUses(cur, v) {
		parent, kind, _ := edit.Up(use)
		switch kind {
		case edge.AssignStmt_Lhs, edge.BinaryExpr_X, edge.BinaryExpr_Y:
			continue // reassigned, compared with nil
		case edge.SelectorExpr_X:
			if _, probe := a.methodCall(parent, isProbe); probe {
				continue
			}
		}
		return true
	}
	return false
}

// inOneShotFunc reports whether cur is in main, init or a test helper:
// code that dials once per run, or against a test server.
func (a *checker) inOneShotFunc(cur inspector.Cursor) bool {
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		if a.livesForTheProgram(fd) {
			return true
		}
		fn, _ := a.pass.TypesInfo.Defs[fd.Node().(*ast.FuncDecl).Name].(*types.Func)
		return fn != nil && nethttp.IsTestHelper(fn.Signature())
	}
	return false
}
