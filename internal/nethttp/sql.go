package nethttp

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
)

// SQLOpeners lists, by package path, the functions that open a new
// database/sql pool on every call and return it as an *sql.DB or a type
// embedding one (sqlx.DB). clientperrequest's catalog, keepalive and
// poolsize read it.
var SQLOpeners = map[string][]string{
	SQL:                       {"Open", "OpenDB"},
	"github.com/jmoiron/sqlx": {"Open", "MustOpen", "Connect", "ConnectContext", "MustConnect"},
}

// IsSQLOpener reports whether fn is one of SQLOpeners.
func IsSQLOpener(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Signature().Recv() == nil &&
		slices.Contains(SQLOpeners[fn.Pkg().Path()], fn.Name())
}

// DBOrigin returns the opener (one of SQLOpeners) whose result the
// function enclosing cur assigns to db, a local variable, or nil when db
// is not such a variable or gets no opener's result there.
func DBOrigin(info *types.Info, cur inspector.Cursor, db ast.Expr) *types.Func {
	id, ok := ast.Unparen(db).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Kind() != types.LocalVar {
		return nil
	}
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for cc := range fd.Preorder((*ast.CallExpr)(nil)) {
			fn := Callee(info, cc.Node().(*ast.CallExpr))
			if !IsSQLOpener(fn) {
				continue
			}
			parent, kind, _ := edit.Up(cc)
			var lhs []ast.Expr
			switch kind {
			case edge.AssignStmt_Rhs:
				lhs = parent.Node().(*ast.AssignStmt).Lhs
			case edge.ValueSpec_Values:
				for _, n := range parent.Node().(*ast.ValueSpec).Names {
					lhs = append(lhs, n)
				}
			}
			for _, l := range lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
					return fn
				}
			}
		}
		break
	}
	return nil
}

// DBLimitCall returns the receiver and the constant integer argument of
// call when it is db.<method>(n), a method of *sql.DB taking one int
// (SetMaxIdleConns, SetMaxOpenConns) given a constant.
func DBLimitCall(info *types.Info, call *ast.CallExpr, method string) (db ast.Expr, n constant.Value, ok bool) {
	if len(call.Args) != 1 || !IsMethod(Callee(info, call), SQL, "DB", method) {
		return nil, nil, false
	}
	n = info.Types[call.Args[0]].Value
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if n == nil || n.Kind() != constant.Int || !isSel {
		return nil, nil, false
	}
	return sel.X, n, true
}
