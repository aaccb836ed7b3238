package pools

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// closureMaker reports whether the function literal at fn is kept to be
// called later, perhaps many times: returned by the function that makes
// it (a health check, a hook, a retry step), stored in a field, a slice
// or map element, or a composite literal (a callback in a config struct).
// It returns the function that makes it. A literal passed to a call is
// not: the callee may run it once (sync.Once.Do, a command's Action).
func (c *checker) closureMaker(fn inspector.Cursor) (string, bool) {
	if _, ok := fn.Node().(*ast.FuncLit); !ok {
		return "", false
	}
	cur := fn
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	maker, ok := enclosingFunc(cur.Parent())
	if !ok {
		return "", false // a package-level callback
	}
	switch k, idx := cur.ParentEdge(); k {
	case edge.ReturnStmt_Results, edge.KeyValueExpr_Value, edge.CompositeLit_Elts:
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return "", false
		}
		switch ast.Unparen(as.Lhs[idx]).(type) {
		case *ast.SelectorExpr, *ast.IndexExpr:
		default:
			return "", false // a local variable: not followed
		}
	case edge.CallExpr_Args:
		call := cur.Parent().Node().(*ast.CallExpr)
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			return "", false
		}
		if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); !ok || b.Name() != "append" || idx == 0 {
			return "", false
		}
	default:
		return "", false
	}
	return FuncName(maker), true
}
