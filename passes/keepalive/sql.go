package keepalive

import (
	"fmt"
	"go/ast"
	"go/constant"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// maxIdleConns reports db.SetMaxIdleConns(n) with a constant n <= 0:
// database/sql then keeps no idle connection (maxIdleCount = -1 in
// database/sql), so every query dials, does its TLS handshake and
// authenticates again. A value from configuration is the user's choice.
// A pool opened with sql.OpenDB in the same function is left alone: its
// connector may lend connections from a pool of its own (pgx's
// stdlib.OpenDBFromPool sets 0 so that pgxpool keeps them).
func (c *checker) maxIdleConns(cur inspector.Cursor, call *ast.CallExpr) {
	db, v, ok := nethttp.DBLimitCall(c.pass.TypesInfo, call, "SetMaxIdleConns")
	if !ok || constant.Sign(v) > 0 || c.openedWithConnector(cur, db) {
		return
	}
	c.report(cur, call, fmt.Sprintf(msgIdleDB, v.ExactString()), "Remove SetMaxIdleConns", func(src *edit.Source) []analysis.TextEdit {
		stmt, kind, _ := edit.Up(cur)
		if kind != edge.ExprStmt_X {
			return nil
		}
		return src.DeleteStmt(stmt)
	})
}

// openedWithConnector reports whether db is a local variable that the
// function enclosing cur assigns from sql.OpenDB.
func (c *checker) openedWithConnector(cur inspector.Cursor, db ast.Expr) bool {
	return nethttp.IsFunc(nethttp.DBOrigin(c.pass.TypesInfo, cur, db), nethttp.SQL, "OpenDB")
}
