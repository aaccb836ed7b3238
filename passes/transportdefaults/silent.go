package transportdefaults

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/transportflow"
)

// http2Pkg is the package whose ConfigureTransport(s) turn HTTP/2 on for
// a transport, whatever it sets.
const http2Pkg = "golang.org/x/net/http2"

// findDeciders records the functions that set a decider field through any
// expression (c.Transport.(*http.Transport).ForceAttemptHTTP2 = true,
// tr.ForceAttemptHTTP2 = true on a transport from a constructor) or call
// http2.ConfigureTransport(s): the transports they may reach are settled
// by hand. A decider set on a local variable that holds a transport built
// in its own function (a literal, new or a Clone) reaches only that one.
func (c *checker) findDeciders(files []inspector.Cursor) {
	info := c.pass.TypesInfo
	own := c.ownTransports(files)
	for _, file := range files {
		for cur := range file.Preorder((*ast.SelectorExpr)(nil), (*ast.CallExpr)(nil)) {
			local := false // set on a transport built in this function
			switch n := cur.Node().(type) {
			case *ast.SelectorExpr:
				if !isDecider(info.Uses[n.Sel]) {
					continue
				}
				id, ok := ast.Unparen(n.X).(*ast.Ident)
				local = ok && own[info.Uses[id]]
			case *ast.CallExpr:
				fn := nethttp.Callee(info, n)
				if !nethttp.IsFunc(fn, http2Pkg, "ConfigureTransport") && !nethttp.IsFunc(fn, http2Pkg, "ConfigureTransports") {
					continue
				}
			}
			if !local {
				c.pkgDecides = true
			}
			for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				c.decides[fn.Node()] = true
			}
		}
	}
}

// ownTransports returns the local variables declared with a transport
// built on the spot: a literal, new(http.Transport) or a Clone.
func (c *checker) ownTransports(files []inspector.Cursor) map[types.Object]bool {
	info := c.pass.TypesInfo
	own := make(map[types.Object]bool)
	for _, file := range files {
		for cur := range file.Preorder((*ast.AssignStmt)(nil)) {
			as := cur.Node().(*ast.AssignStmt)
			if as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, rhs := range as.Rhs {
				id, ok := as.Lhs[i].(*ast.Ident)
				if ok && c.builtHere(rhs) {
					own[info.Defs[id]] = true
				}
			}
		}
	}
	return own
}

// builtHere reports whether e is a transport literal, new(http.Transport)
// or a call of (*http.Transport).Clone.
func (c *checker) builtHere(e ast.Expr) bool {
	info := c.pass.TypesInfo
	switch e := nethttp.Unaddr(e).(type) {
	case *ast.CompositeLit:
		return nethttp.IsNamed(info.TypeOf(e), nethttp.HTTP, "Transport")
	case *ast.CallExpr:
		return nethttp.IsNew(info, e) && nethttp.IsTransport(info.TypeOf(e)) ||
			nethttp.IsMethod(nethttp.Callee(info, e), nethttp.HTTP, "Transport", "Clone")
	}
	return false
}

// isDecider reports whether obj is one of the http.Transport fields that
// settle HTTP/2.
func isDecider(obj types.Object) bool {
	for _, d := range deciders {
		if nethttp.IsField(obj, nethttp.HTTP, "Transport", d) {
			return true
		}
	}
	return false
}

// silent reports whether t keeps HTTP/2, decides it by hand, may be
// configured where the check cannot see, or does not matter.
func (c *checker) silent(t *transportflow.Transport) bool {
	if t.Foreign || !c.triggered(t) {
		return true
	}
	for _, d := range deciders {
		if t.Fields[d] != nil || t.Selected[d] {
			return true
		}
	}
	if t.Escapes && c.pkgDecides {
		return true
	}
	for fn := range t.Cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c.decides[fn.Node()] {
			return true
		}
		if decl, ok := fn.Node().(*ast.FuncDecl); ok && c.noReuse.Has(decl) {
			return true
		}
	}
	return c.unixDial(t) || c.inMemoryDial(t) || c.handPickedProtos(t)
}

// lowValue reports whether losing HTTP/2 costs t little, so that only
// -all reports it: its keep-alives are off (keepalive reports that cause;
// no connection is reused at all, so multiplexing one is moot), or its
// per-host idle pool is sized for concurrency (MaxIdleConnsPerHost a
// constant above net/http's DefaultMaxIdleConnsPerHost, 2): HTTP/1.1
// keeps that many connections per host and reuses them, and HTTP/2 would
// save only their first handshakes (algoliasearch-client-go v3 and
// meilisearch-go share one such transport per client).
func (c *checker) lowValue(t *transportflow.Transport) bool {
	info := c.pass.TypesInfo
	if v := t.Fields["DisableKeepAlives"]; v != nil && nethttp.IsTrue(info, v) {
		return true
	}
	if v := t.Fields["MaxIdleConnsPerHost"]; v != nil {
		if tv := info.Types[v]; tv.Value != nil && tv.Value.Kind() == constant.Int {
			n, ok := constant.Int64Val(tv.Value)
			return n < 0 || ok && n > 2 // negative: keep-alive off in effect
		}
	}
	return false
}

// triggered reports whether t sets one of the fields that turn HTTP/2 off.
func (c *checker) triggered(t *transportflow.Transport) bool {
	for _, f := range triggers {
		if c.sets(t, f) {
			return true
		}
	}
	return false
}

// sets reports whether t sets the field f to a value that is not nil.
func (c *checker) sets(t *transportflow.Transport, f string) bool {
	e := t.Fields[f]
	return e != nil && !c.pass.TypesInfo.Types[e].IsNil() && !c.mayBeNil(e)
}

// mayBeNil reports whether e calls a function of this package that
// returns nil on some path (sentry-go's getTLSConfig builds a config only
// when custom CAs are set): net/http decides on the value at run time,
// and by default HTTP/2 stays on.
func (c *checker) mayBeNil(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	body := c.funcBody(call.Fun)
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a closure's returns are not the function's
		case *ast.ReturnStmt:
			if len(n.Results) == 1 && c.pass.TypesInfo.Types[n.Results[0]].IsNil() {
				found = true
			}
		}
		return !found
	})
	return found
}

// unixDial reports whether the Dial or DialContext function of t dials a
// constant "unix" network: plain HTTP to a local socket, where HTTP/2 was
// never in play.
func (c *checker) unixDial(t *transportflow.Transport) bool {
	for _, f := range []string{"Dial", "DialContext"} {
		if body := c.funcBody(t.Fields[f]); body != nil && c.dialsUnix(body) {
			return true
		}
	}
	return false
}

// inMemoryDial reports whether t has no TLSClientConfig and its Dial and
// DialContext functions (those set) are literals that call nothing named
// dial: they hand out a connection made in memory or earlier
// (httputil.DumpRequestOut's fake connection, a pipe), not one over the
// network.
func (c *checker) inMemoryDial(t *transportflow.Transport) bool {
	if t.Fields["TLSClientConfig"] != nil || t.Fields["DialTLS"] != nil || t.Fields["DialTLSContext"] != nil {
		return false
	}
	for _, f := range []string{"Dial", "DialContext"} {
		if e := t.Fields[f]; e != nil {
			lit, ok := ast.Unparen(e).(*ast.FuncLit)
			if !ok || callsDial(lit.Body) {
				return false
			}
		}
	}
	return true
}

// callsDial reports whether body calls a function or method whose name
// contains "dial", in any letter case.
func callsDial(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			var name string
			switch fun := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				name = fun.Name
			case *ast.SelectorExpr:
				name = fun.Sel.Name
			default:
				found = true // a call of a computed function: it may dial
			}
			if strings.Contains(strings.ToLower(name), "dial") {
				found = true
			}
		}
		return !found
	})
	return found
}

// funcBody returns the body of the function e denotes: a function literal,
// or a function of this package named by e.
func (c *checker) funcBody(e ast.Expr) ast.Node {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e.Body
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
		if !ok || fn.Pkg() != c.pass.Pkg {
			return nil
		}
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && c.pass.TypesInfo.Defs[fd.Name] == fn {
					return fd.Body
				}
			}
		}
	}
	return nil
}

// dialsUnix reports whether body passes the constant "unix" to a call.
func (c *checker) dialsUnix(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		for _, arg := range call.Args {
			if v := c.pass.TypesInfo.Types[arg].Value; v != nil && v.Kind() == constant.String {
				if s := constant.StringVal(v); s == "unix" || s == "unixpacket" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// handPickedProtos reports whether t's TLSClientConfig is a literal that
// sets NextProtos: the application protocols were chosen by hand.
func (c *checker) handPickedProtos(t *transportflow.Transport) bool {
	lit, ok := nethttp.Unaddr(t.Fields["TLSClientConfig"]).(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && nethttp.IsField(c.pass.TypesInfo.Uses[key], nethttp.TLS, "Config", "NextProtos") {
				return true
			}
		}
	}
	return false
}
