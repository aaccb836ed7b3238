package clientperrequest

import (
	"fmt"
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// report reports p, with a fix when one is safe.
func (c *checker) report(p pool, fn inspector.Cursor, lt *lifetime, where string) {
	fix := c.fix(p, fn, lt)
	var subject, cost, remedy string
	switch p.kind {
	case transportPool:
		subject = "http.Transport created"
	case clientPool:
		subject = "http.Client with its own Transport created"
	case dbPool:
		subject = "sql.DB opened"
	case ctorPool:
		subject = "connection pool from " + p.callee + " created"
		if p.desc != "" {
			subject = p.desc + " from " + p.callee + " created"
		}
		if p.conn {
			subject = p.desc + " from " + p.callee + " opened"
		}
	}
	switch {
	case p.desc != "":
		cost = "pays connect, TLS and authentication again"
	case p.http:
		cost = "opens new connections and TLS handshakes"
	case p.sql:
		cost = "opens new database connections"
	default:
		cost = "opens new connections"
	}
	switch where {
	case "per request in an HTTP handler":
		cost = "each request " + cost
	case "on every loop iteration":
		cost = "each iteration " + cost
	case "for a single request and dropped":
		cost = "each call of " + funcName(fn) + " " + cost
	default:
		cost = "each call " + cost
	}
	noun := p.noun
	if p.kind == ctorPool {
		noun = "pool"
		if p.desc != "" {
			noun = p.desc
		}
	}
	switch {
	case fix != nil:
		remedy = "reuse one shared " + noun
	case strings.HasPrefix(where, "on every call of a closure made in "):
		remedy = "build one " + noun + " where the closure is made, or pass it in"
	default:
		remedy = "build one " + noun + " and reuse it"
	}
	node := p.cur.Node()
	d := analysis.Diagnostic{
		Pos:     node.Pos(),
		End:     node.End(),
		Message: fmt.Sprintf("%s %s: %s; %s", subject, where, cost, remedy),
	}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.pass.Report(d)
}

// funcName names the function declared at fn.
func funcName(fn inspector.Cursor) string {
	if d, ok := fn.Node().(*ast.FuncDecl); ok {
		return d.Name.Name
	}
	return "the function"
}
