package keepalive

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// throwaway reports whether the http.Transport literal at lit is built
// and dropped within its function call: used on the spot, or held (alone
// or as the Transport of a client literal) by local variables that are
// only used as receivers and never returned, stored or handed on. Such
// a transport has no pool to reuse across calls (clientperrequest
// reports it); DisableKeepAlives there closes each connection instead of
// leaking it idle until the transport is garbage (amqp091-go's
// management calls do it so that goleak stays quiet), and removing it
// would make things worse.
func (c *checker) throwaway(lit inspector.Cursor) bool {
	for range lit.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.localOnly(lit)
	}
	return false // a package-level transport lives as long as the program
}

// localOnly reports whether the transport or client value at cur stays
// in its function (see throwaway).
func (c *checker) localOnly(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	parent, kind, idx := edit.Up(cur)
	if kind == edge.UnaryExpr_X && parent.Node().(*ast.UnaryExpr).Op == token.AND {
		cur = parent
		parent, kind, idx = edit.Up(cur)
	}
	var obj types.Object
	switch kind {
	case edge.SelectorExpr_X:
		return true // (&http.Client{...}).Do(req)
	case edge.KeyValueExpr_Value:
		return c.clientTransport(parent) && c.localOnly(parent.Parent())
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return false
		}
		if id, ok := ast.Unparen(as.Lhs[idx]).(*ast.Ident); ok {
			obj = info.ObjectOf(id)
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Names) != len(vs.Values) {
			return false
		}
		obj = info.Defs[vs.Names[idx]]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.Kind() != types.LocalVar {
		return false
	}
	var fn inspector.Cursor
	for fn = range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		break
	}
	for idc := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[idc.Node().(*ast.Ident)] != v {
			continue
		}
		parent, kind, _ := edit.Up(idc)
		switch kind {
		case edge.SelectorExpr_X, edge.AssignStmt_Lhs:
			continue // client.Do(req), tr.CloseIdleConnections(), reassigned
		case edge.KeyValueExpr_Value:
			if c.clientTransport(parent) && c.localOnly(parent.Parent()) {
				continue
			}
		}
		return false
	}
	return true
}

// clientTransport reports whether the key-value pair at kv sets the
// Transport of an http.Client literal.
func (c *checker) clientTransport(kv inspector.Cursor) bool {
	key, ok := kv.Node().(*ast.KeyValueExpr).Key.(*ast.Ident)
	return ok && nethttp.IsField(c.pass.TypesInfo.Uses[key], nethttp.HTTP, "Client", "Transport")
}
