package transportdefaults

import (
	"fmt"
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	rdoc "github.com/reuselint/reuselint/internal/doc"
	"github.com/reuselint/reuselint/internal/lazyinspect"
	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/pools"
	"github.com/reuselint/reuselint/internal/transportflow"
)

//go:generate go run ../../internal/doc/gendoc transportdefaults

// Analyzer is the transportdefaults check with its default settings.
var Analyzer = NewWith(pools.Analyzer)

// New returns a fresh transportdefaults analyzer with its own pool
// analysis.
func New() *analysis.Analyzer { return NewWith(pools.New()) }

// NewWith returns a fresh transportdefaults analyzer that reads the pool
// analysis p.
func NewWith(p *analysis.Analyzer) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "transportdefaults",
		Doc:      docString,
		URL:      rdoc.URL("transportdefaults"),
		Requires: []*analysis.Analyzer{lazyinspect.Analyzer, p},
	}
	all := pools.AllFlag(&a.Flags)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, *all) }
	return a
}

// triggers are the fields that make net/http leave HTTP/2 off unless
// ForceAttemptHTTP2 is set ((*Transport).protocols).
var triggers = []string{"TLSClientConfig", "Dial", "DialContext", "DialTLS", "DialTLSContext"}

// deciders are the fields that settle HTTP/2 by hand, whatever their value.
var deciders = []string{"ForceAttemptHTTP2", "Protocols", "TLSNextProto"}

const msgFormat = "http.Transport sets %s but not ForceAttemptHTTP2, so net/http turns HTTP/2 off for it: " +
	"concurrent requests to a host each open their own connection and TLS handshake instead of sharing one"

func run(pass *analysis.Pass, all bool) (any, error) {
	// A Transport literal or new(http.Transport) names net/http.
	// Test support (httptest included) talks to its own test servers.
	if !nethttp.Imports(pass.Pkg, nethttp.HTTP) || nethttp.IsTestPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	c := &checker{pass: pass, decides: make(map[ast.Node]bool), noReuse: nethttp.NewNoReuseFuncs(pass.TypesInfo)}
	in := lazyinspect.Inspector(pass)
	var files []inspector.Cursor
	for file := range in.Root().Children() {
		if nethttp.IsTestFile(pass.Fset, file.Node().(*ast.File)) {
			continue // tests build transports for test servers
		}
		files = append(files, file)
	}
	c.findDeciders(files)
	for _, file := range files {
		for cur := range file.Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
			if t := transportflow.At(pass, cur); t != nil && !c.silent(t) && (all || !shortLived(pass, t) && !c.lowValue(t)) {
				c.report(t)
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	// decides holds the function bodies (FuncDecl, FuncLit) that set a
	// decider field on some transport or call http2.ConfigureTransport(s);
	// pkgDecides is set when any function of the package does.
	decides    map[ast.Node]bool
	pkgDecides bool
	noReuse    *nethttp.NoReuseFuncs // test helpers and upgrade-request builders
}

// shortLived reports whether t dies with the call that builds it: HTTP/2
// would help no later request (a pool built per call is
// clientperrequest's finding).
func shortLived(pass *analysis.Pass, t *transportflow.Transport) bool {
	_, ok := pools.Results(pass).ShortLived(t.Anchor)
	return ok
}

// report reports t, naming the trigger fields it sets and the defaults it
// lacks, with the fix.
func (c *checker) report(t *transportflow.Transport) {
	var set []string
	for _, f := range triggers {
		if c.sets(t, f) {
			set = append(set, f)
		}
	}
	msg := fmt.Sprintf(msgFormat, list(set))
	if lost := lost(t); len(lost) > 0 {
		msg += "; it also lacks DefaultTransport's " + list(lost)
	}
	d := analysis.Diagnostic{Pos: t.Anchor.Pos(), End: t.Anchor.End(), Message: msg}
	if fix := c.fix(t); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.pass.Report(d)
}

// lost returns the defaults of DefaultTransport that t does not set, each
// with what its absence costs.
func lost(t *transportflow.Transport) []string {
	var lost []string
	if t.Fields["Proxy"] == nil {
		lost = append(lost, "Proxy (HTTP_PROXY, HTTPS_PROXY and NO_PROXY are ignored)")
	}
	if t.Fields["IdleConnTimeout"] == nil {
		lost = append(lost, "IdleConnTimeout (idle connections never expire, so the pool hands out connections the server may have dropped)")
	}
	// A custom TLS dialer does its own handshake: the timeout would not
	// apply to it anyway.
	if t.Fields["TLSHandshakeTimeout"] == nil && t.Fields["DialTLS"] == nil && t.Fields["DialTLSContext"] == nil {
		lost = append(lost, "TLSHandshakeTimeout (a stalled handshake is not cut short)")
	}
	return lost
}

// list joins items as "a", "a and b", "a, b and c".
func list(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
