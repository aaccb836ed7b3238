package poolsize

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/pools"
	"github.com/reuselint/reuselint/internal/transportflow"
)

// defaultTransportIdle is DefaultTransport's MaxIdleConns: a literal with
// this value and no MaxConnsPerHost may be a copy of DefaultTransport's
// field list rather than a choice of size.
const defaultTransportIdle = 100

// transport reports t when it sizes its pool for concurrency and leaves
// the per-host idle limit at its default.
func (c *checker) transport(t *transportflow.Transport) {
	if t.Fields["MaxIdleConnsPerHost"] != nil || t.Selected["MaxIdleConnsPerHost"] ||
		nethttp.IsTrue(c.pass.TypesInfo, t.Fields["DisableKeepAlives"]) || t.Foreign ||
		t.Escapes && c.perHostElsewhere {
		return
	}
	field, size := "MaxConnsPerHost", t.Fields["MaxConnsPerHost"]
	n, ok := c.intConst(size)
	switch {
	case size != nil && !ok:
		return // the per-host limit comes from configuration
	case size != nil && n <= defaultIdle:
		return // no more than 2 connections per host: 2 idle are enough
	case size == nil:
		field, size = "MaxIdleConns", t.Fields["MaxIdleConns"]
		if n, ok = c.intConst(size); !ok || n <= defaultIdle {
			return
		}
	}
	if c.perCall(t.Cur) || c.manyHosts(t) {
		return
	}
	// A copy of DefaultTransport's list sized nothing on purpose: it
	// matters for a client kept for callers that may send concurrently
	// (an SDK's, a driver's), not for one its own function polls with,
	// one request at a time (testcontainers' HTTP wait strategy).
	if field == "MaxIdleConns" && n == defaultTransportIdle && (pools.Results(c.pass).Local(t.Anchor) || !c.oneService(t)) {
		return
	}
	src, err := edit.NewSource(c.pass, t.Anchor.Pos())
	if err != nil {
		return
	}
	value := text(src, size)
	d := analysis.Diagnostic{
		Pos: t.Anchor.Pos(), End: t.Anchor.End(),
		Message: fmt.Sprintf("http.Transport sets %s to %s but not MaxIdleConnsPerHost, so it keeps at most %d idle connections per host (DefaultMaxIdleConnsPerHost): %s",
			field, value, defaultIdle, cost),
	}
	var es []analysis.TextEdit
	if t.Lit != nil && t.Lit.Pos() <= size.Pos() && size.End() <= t.Lit.End() {
		es = src.AddElt(t.Lit, "MaxIdleConnsPerHost: "+value)
	} else {
		es = t.SetAfterAssigns(src, "MaxIdleConnsPerHost", value)
	}
	if es != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Set MaxIdleConnsPerHost to " + field, TextEdits: es}}
	}
	c.pass.Report(d)
}

// manyHostWords, found in the package path, the name of the function
// building the transport (or of its receiver's type) or of the variable
// holding it, say the transport talks to many hosts: a proxy's upstream
// transport, a crawler, a prober, a webhook sender. There the per-host
// default is a choice.
var manyHostWords = []string{"proxy", "crawl", "spider", "scrape", "scraper", "webhook", "upstream", "prober"}

// manyHosts reports whether the code says t serves many hosts.
func (c *checker) manyHosts(t *transportflow.Transport) bool {
	names := []string{c.pass.Pkg.Path()}
	if t.V != nil {
		names = append(names, t.V.Name())
	}
	top := topFunc(t.Cur)
	if decl, ok := top.Node().(*ast.FuncDecl); ok {
		names = append(names, decl.Name.Name)
		if decl.Recv != nil && len(decl.Recv.List) == 1 {
			if named := nethttp.NamedOf(c.pass.TypesInfo.TypeOf(decl.Recv.List[0].Type)); named != nil {
				names = append(names, named.Obj().Name())
			}
		}
	}
	for _, name := range names {
		name = strings.ToLower(name)
		for _, w := range manyHostWords {
			if strings.Contains(name, w) {
				return true
			}
		}
	}
	// A reverse proxy sends to whatever its director picks.
	info := c.pass.TypesInfo
	for id := range top.Preorder((*ast.Ident)(nil)) {
		if obj := info.Uses[id.Node().(*ast.Ident)]; obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "net/http/httputil" &&
			strings.Contains(obj.Name(), "ReverseProxy") {
			return true
		}
	}
	return false
}

// serviceWords, in the name of a string, []string or URL variable or
// field used by the function building the transport, say it serves one
// service: the base URL, endpoint, address or DSN of the client it
// builds.
var serviceWords = []string{"url", "endpoint", "addr", "host", "server", "dsn"}

// oneService reports whether the function building t (its outermost
// enclosing function) uses a base URL, endpoint, address or DSN: a
// client for one service, such as an SDK's or a driver's.
func (c *checker) oneService(t *transportflow.Transport) bool {
	top := topFunc(t.Cur)
	if _, ok := top.Node().(*ast.File); ok {
		return false // a package variable: who uses it is not known
	}
	info := c.pass.TypesInfo
	for id := range top.Preorder((*ast.Ident)(nil)) {
		v, ok := info.ObjectOf(id.Node().(*ast.Ident)).(*types.Var)
		if !ok || !isAddress(v.Type()) {
			continue
		}
		name := strings.ToLower(v.Name())
		if strings.Contains(name, "proxy") {
			continue
		}
		for _, w := range serviceWords {
			if strings.Contains(name, w) {
				return true
			}
		}
	}
	return false
}

// isAddress reports whether t can hold an address: a string, a slice of
// strings, or a url.URL or pointer to one.
func isAddress(t types.Type) bool {
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	return nethttp.IsNamed(t, "net/url", "URL") || nethttp.IsPointerTo(t, "net/url", "URL")
}
