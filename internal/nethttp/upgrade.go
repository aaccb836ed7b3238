package nethttp

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// BuildsUpgradeRequest reports whether body sets, on some HTTP header, both
// "Connection: Upgrade" (a constant value that lists the upgrade token) and
// an "Upgrade" header: a protocol-upgrade handshake (WebSocket, h2c, SPDY).
// The 101 response's body becomes the connection, which is taken over by
// the caller and never goes back to a pool, so keep-alive, draining and the
// transport's HTTP/2 settings cost nothing there.
//
// It recognizes h.Set(k, v), h.Add(k, v), h[k] = v and http.Header
// composite literals, with constant keys (canonical or not).
func BuildsUpgradeRequest(info *types.Info, body ast.Node) bool {
	if body == nil {
		return false
	}
	var connUpgrade, upgrade bool
	note := func(key, val ast.Expr) {
		k, ok := constString(info, key)
		if !ok {
			return
		}
		switch strings.ToLower(k) {
		case "connection":
			if v, ok := constString(info, headerValue(val)); ok && hasToken(v, "upgrade") {
				connUpgrade = true
			}
		case "upgrade":
			upgrade = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if isHeaderMethod(info, n, "Set", "Add") && len(n.Args) == 2 {
				note(n.Args[0], n.Args[1])
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				idx, ok := ast.Unparen(lhs).(*ast.IndexExpr)
				if !ok || i >= len(n.Rhs) || !isHeader(info, idx.X) {
					continue
				}
				note(idx.Index, n.Rhs[i])
			}
		case *ast.CompositeLit:
			if tv, ok := info.Types[n]; ok && IsNamed(tv.Type, HTTP, "Header") {
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						note(kv.Key, kv.Value)
					}
				}
			}
		}
		return !(connUpgrade && upgrade)
	})
	return connUpgrade && upgrade
}

// headerValue returns the first element of a []string literal, or e.
func headerValue(e ast.Expr) ast.Expr {
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok && len(lit.Elts) > 0 {
		return lit.Elts[0]
	}
	return e
}

// isHeaderMethod reports whether call is a call of one of the named
// methods of http.Header.
func isHeaderMethod(info *types.Info, call *ast.CallExpr, names ...string) bool {
	fn := Callee(info, call)
	for _, name := range names {
		if IsMethod(fn, HTTP, "Header", name) {
			return true
		}
	}
	return false
}

// isHeader reports whether e has type http.Header.
func isHeader(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && IsNamed(tv.Type, HTTP, "Header")
}

// constString returns the value of e when it is a constant string.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// hasToken reports whether the comma-separated header value v lists tok,
// ignoring case.
func hasToken(v, tok string) bool {
	for _, f := range strings.Split(v, ",") {
		if strings.EqualFold(strings.TrimSpace(f), tok) {
			return true
		}
	}
	return false
}

// NoReuseFuncs tells, per function declaration, whether the connection
// settings made in it cost no reuse: a test helper (its requests go to a
// test server), or a function that builds a protocol-upgrade request (its
// connection is taken over after the 101 response). Answers are cached:
// checks ask once per transport or request, and BuildsUpgradeRequest walks
// the whole body.
type NoReuseFuncs struct {
	info *types.Info
	memo map[*ast.FuncDecl]bool
}

// NewNoReuseFuncs returns an empty NoReuseFuncs for a package's info.
func NewNoReuseFuncs(info *types.Info) *NoReuseFuncs {
	return &NoReuseFuncs{info: info, memo: make(map[*ast.FuncDecl]bool)}
}

// Has reports whether decl is a test helper or builds a protocol-upgrade
// request.
func (n *NoReuseFuncs) Has(decl *ast.FuncDecl) bool {
	if fn, ok := n.info.Defs[decl.Name].(*types.Func); ok && IsTestHelper(fn.Signature()) {
		return true
	}
	v, done := n.memo[decl]
	if !done {
		v = BuildsUpgradeRequest(n.info, decl.Body)
		n.memo[decl] = v
	}
	return v
}
