package clientperrequest

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/pools"
)

// report reports p, with a fix when one is safe.
func (c *checker) report(p *pools.Pool) {
	fix := c.fix(p)
	where := p.Where
	var subject, cost, remedy string
	switch p.Kind {
	case pools.Transport:
		subject = "http.Transport created"
	case pools.Client:
		subject = "http.Client with its own Transport created"
	case pools.DB:
		subject = "sql.DB opened"
	case pools.Constructor:
		subject = "connection pool from " + p.Callee + " created"
		if p.Desc != "" {
			subject = p.Desc + " from " + p.Callee + " created"
		}
		if p.Conn {
			subject = p.Desc + " from " + p.Callee + " opened"
		}
	}
	switch {
	case p.Desc != "":
		cost = "pays connect, TLS and authentication again"
	case p.HTTP:
		cost = "opens new connections and TLS handshakes"
	case p.SQL:
		cost = "opens new database connections"
	default:
		cost = "opens new connections"
	}
	switch where {
	case "per request in an HTTP handler":
		cost = "each request " + cost
	case "on every loop iteration":
		cost = "each iteration " + cost
	case "per request in RoundTrip":
		cost = "each request it carries " + cost
	case "for a single request and dropped":
		cost = "each call of " + pools.FuncName(p.Fn) + " " + cost
	default:
		if strings.HasPrefix(where, "per RPC") {
			cost = "each RPC " + cost
		} else {
			cost = "each call " + cost
		}
	}
	noun := p.Noun
	if p.Kind == pools.Constructor {
		noun = "pool"
		if p.Desc != "" {
			noun = p.Desc
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
	node := p.Cur.Node()
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
