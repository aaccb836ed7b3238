package edit

import (
	"go/ast"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Conditional reports whether cur is in a branch of an if, switch or
// select statement of its function: code that runs only in some cases.
func Conditional(cur inspector.Cursor) bool {
	for c := cur; ; c = c.Parent() {
		if _, ok := c.Node().(*ast.File); ok || c.Node() == nil {
			return false
		}
		switch k, _ := c.ParentEdge(); k {
		case edge.IfStmt_Body, edge.IfStmt_Else, edge.CaseClause_Body, edge.CommClause_Body:
			return true
		case edge.FuncDecl_Body, edge.FuncLit_Body:
			return false
		}
	}
}
