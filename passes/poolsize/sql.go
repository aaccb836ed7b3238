package poolsize

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// maxOpenConns reports db.SetMaxOpenConns(n), n a constant above 2, on a
// pool whose idle limit nothing in the package raises: database/sql then
// keeps 2 idle connections (defaultMaxIdleConns).
func (c *checker) maxOpenConns(cur inspector.Cursor, call *ast.CallExpr) {
	db, n, ok := nethttp.DBLimitCall(c.pass.TypesInfo, call, "SetMaxOpenConns")
	if !ok || constant.Compare(n, token.LEQ, constant.MakeInt64(defaultIdle)) ||
		c.idleFuncs[topFunc(cur).Node()] || !c.idleUnset(cur, db) {
		return
	}
	stmt, kind, _ := edit.Up(cur)
	src, err := edit.NewSource(c.pass, call.Pos())
	if err != nil {
		return
	}
	arg := text(src, call.Args[0])
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("sql.DB with SetMaxOpenConns(%s) and no SetMaxIdleConns keeps at most %d idle connections (database/sql's defaultMaxIdleConns): "+
			"with more than 2 queries in flight, the extra connections are closed after each use and reopened, authentication included", arg, defaultIdle),
	}
	if kind == edge.ExprStmt_X {
		if es := src.InsertAfter(stmt, text(src, db)+".SetMaxIdleConns("+arg+")"); es != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Call SetMaxIdleConns with the same limit", TextEdits: es}}
		}
	}
	c.pass.Report(d)
}

// idleUnset reports whether nothing in the package may raise the idle
// limit of the pool db (the receiver of the SetMaxOpenConns call at cur):
// a local variable opened in its function (sql.Open, sql.OpenDB, sqlx's
// openers), or a field or package variable on which no function of the
// package calls SetMaxIdleConns. A pool given as a parameter, or
// reached otherwise, may be sized by its owner. When the package calls
// SetMaxIdleConns on a parameter (a helper that sizes the pools it is
// given), any pool may go through it.
func (c *checker) idleUnset(cur inspector.Cursor, db ast.Expr) bool {
	if c.idleParam {
		return false
	}
	info := c.pass.TypesInfo
	if opener := nethttp.DBOrigin(info, cur, db); opener != nil {
		return !c.openedPerCall(cur, opener)
	}
	v := heldIn(info, db)
	return v != nil && (v.IsField() || v.Kind() == types.PackageVar) && !c.idleVars[v]
}

// openedPerCall reports whether the function around cur calls opener in
// a loop or in an HTTP handler: a pool per call, clientperrequest's
// finding.
func (c *checker) openedPerCall(cur inspector.Cursor, opener *types.Func) bool {
	info := c.pass.TypesInfo
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for cc := range fd.Preorder((*ast.CallExpr)(nil)) {
			if nethttp.Callee(info, cc.Node().(*ast.CallExpr)) == opener && c.perCall(cc) {
				return true
			}
		}
		break
	}
	return false
}
