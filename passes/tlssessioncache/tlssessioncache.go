package tlssessioncache

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	rdoc "github.com/reuselint/reuselint/internal/doc"
	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/lazyinspect"
	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/pools"
)

//go:generate go run ../../internal/doc/gendoc tlssessioncache

// Analyzer is the tlssessioncache check with its default settings.
var Analyzer = NewWith(pools.Analyzer)

// New returns a fresh tlssessioncache analyzer.
func New() *analysis.Analyzer { return NewWith(pools.New()) }

// NewWith returns a fresh tlssessioncache analyzer in a suite whose pool
// analysis is p. The check reads no pool result yet: its configs' clients
// are followed by its own uses (see local.go), but its -all flag is the
// suite's cost switch.
func NewWith(p *analysis.Analyzer) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "tlssessioncache",
		Doc:       docString,
		URL:       rdoc.URL("tlssessioncache"),
		Requires:  []*analysis.Analyzer{lazyinspect.Analyzer},
		FactTypes: []analysis.Fact{new(uncachedConfig)},
	}
	all := pools.AllFlag(&a.Flags)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, *all) }
	return a
}

const (
	msgNoCache       = "tls.Config used by a client has no ClientSessionCache: every new connection does a full TLS handshake instead of resuming a session"
	msgVerify        = "tls.Config used by a client has no ClientSessionCache, but resumed sessions would skip its VerifyPeerCertificate: move that verification to VerifyConnection before adding a session cache"
	msgForeign       = "tls.Config returned by %s is used by a client without a ClientSessionCache: every new connection does a full TLS handshake instead of resuming a session"
	msgForeignVerify = "tls.Config returned by %s is used by a client without a ClientSessionCache, but resumed sessions would skip its VerifyPeerCertificate: move that verification to VerifyConnection before adding a session cache"
	msgPerDial       = "tls.Config built for each TLS connection has no ClientSessionCache: every dial does a full handshake instead of resuming a session; share one cache across dials"
	msgPerDialCert   = "tls.Config built for each TLS connection has no ClientSessionCache: every dial does a full handshake instead of resuming a session; it sets client certificates, so share a cache only among connections of one identity"
	msgTickets       = "SessionTicketsDisabled on a tls.Config used by a client: every new connection does a full TLS handshake instead of resuming a session"
)

func run(pass *analysis.Pass, all bool) (any, error) {
	// A config literal needs crypto/tls; a client sink for a config from
	// another package's function needs net/http or crypto/tls. net/http
	// itself only clones its callers' configs and builds its server's;
	// test support (httptest included) dials its own test servers.
	if !nethttp.Imports(pass.Pkg, nethttp.HTTP, nethttp.TLS) || pass.Pkg.Path() == nethttp.HTTP || nethttp.IsTestPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	a := &checker{
		pass:      pass,
		uses:      make(map[*types.Var][]inspector.Cursor),
		testUses:  make(map[*types.Var][]inspector.Cursor),
		fieldUses: make(map[*types.Var][]inspector.Cursor),
		defs:      make(map[*types.Var]inspector.Cursor),
		calls:     make(map[*types.Func][]inspector.Cursor),
		bodies:    make(map[*types.Func]bool),
		segs:      make(map[ast.Node]*segment),
		reported:  make(map[ast.Node]bool),
		fresh:     make(map[*types.Func]*freshness),
		onlyFresh: make(map[*types.Func]bool),
		all:       all,
	}
	a.collect(lazyinspect.Inspector(pass))
	for _, o := range a.origins {
		a.check(o)
	}
	a.flushPerDial()
	a.exportFacts()
	return nil, nil
}

type checker struct {
	pass    *analysis.Pass
	origins []origin
	uses    map[*types.Var][]inspector.Cursor // identifiers using config variables
	// testUses are the uses in test files: they may add a cache or hand
	// the config to unknown code, but do not make it client-side.
	testUses map[*types.Var][]inspector.Cursor
	// fieldUses are the identifiers naming config fields of this
	// package's struct types (x.tls, Config{TLS: ...}) outside tests.
	fieldUses map[*types.Var][]inspector.Cursor
	defs      map[*types.Var]inspector.Cursor    // identifiers declaring config variables
	calls     map[*types.Func][]inspector.Cursor // calls of this package's functions returning a config
	decls     []inspector.Cursor                 // FuncDecls returning a config
	bodies    map[*types.Func]bool               // functions declared with a body outside tests
	segs      map[ast.Node]*segment              // origin node -> its segment
	// reported holds the origins and statements already reported.
	reported map[ast.Node]bool
	fresh    map[*types.Func]*freshness
	// onlyFresh caches returnsOnlyFresh.
	onlyFresh map[*types.Func]bool
	// pending holds the per-dial diagnostics until the fix knows the
	// package's shared cache (see flushPerDial).
	pending []pendingFix
	// all reports deliberate opt-outs too (SessionTicketsDisabled).
	all bool
}

// isConfig reports whether t is tls.Config or *tls.Config.
func isConfig(t types.Type) bool {
	return nethttp.IsTLSConfig(t) || nethttp.IsNamed(t, nethttp.TLS, "Config")
}

// configResult returns the index of fn's only *tls.Config result, or -1.
func configResult(fn *types.Func) int {
	res := fn.Signature().Results()
	idx := -1
	for i := range res.Len() {
		if nethttp.IsTLSConfig(res.At(i).Type()) {
			if idx >= 0 {
				return -1
			}
			idx = i
		}
	}
	return idx
}

// check reports an origin that reaches a client without a cache.
func (a *checker) check(o origin) {
	if o.lit != nil && a.copiesConfig(o.lit) {
		return
	}
	root := a.segment(o)
	if root.unknown {
		return
	}
	total := a.expand(root)
	// A config built in a function and used only for single dials
	// serves one connection: it is reported when such a connection
	// carries data (a probe that only handshakes and closes needs the
	// full handshake), and its fix shares one cache across dials.
	perDial := !total.client && !total.stored && (o.call != nil || enclosingFunc(o.cur).Valid())
	switch {
	case total.client && !total.longClient && !total.perConn:
		// Every client is a Transport that dies with its function.
		return
	case perDial:
		if !total.traffic {
			return
		}
	case total.stored && !total.client:
		// Kept in a struct field and dialed with for each connection
		// (a driver's or mail client's config): reported like a
		// per-dial config, fallback included, but the literal lives as
		// long as the field, so its fix is the literal's own cache.
		if !total.perConn || !total.traffic {
			return
		}
	case total.mixed, !total.client && !total.perConn:
		return
	}
	set := a.settings(o, &total)
	unsafe := set.verifyPeer && !set.verifyConn
	ticketsOff := set.ticketsElt >= 0 || len(total.tickets) > 0
	if ticketsOff && !a.all {
		// A deliberate opt-out of resumption (a security choice): a cache
		// could never be used, and turning tickets back on is the
		// author's call.
		return
	}
	// With tickets off, the SessionTicketsDisabled finding below says it
	// once; a missing cache is only worth saying when adding one is
	// unsafe.
	if !set.cache && (!ticketsOff || unsafe) {
		if perDial {
			a.reportPerDial(o, unsafe, set.clientCert)
		} else {
			a.reportMissing(o, unsafe)
		}
	}
	if unsafe {
		// Removing SessionTicketsDisabled would let resumption skip
		// VerifyPeerCertificate: say nothing about it.
		return
	}
	if set.ticketsElt >= 0 {
		kv := o.lit.Elts[set.ticketsElt]
		edit.ReportRemoval(a.pass, kv, msgTickets, "Remove SessionTicketsDisabled", func(src *edit.Source) []analysis.TextEdit {
			return src.DeleteElt(o.lit, set.ticketsElt)
		})
	}
	for _, stmt := range total.tickets {
		if a.reported[stmt.Node()] {
			continue
		}
		a.reported[stmt.Node()] = true
		edit.ReportRemoval(a.pass, stmt.Node(), msgTickets, "Remove SessionTicketsDisabled", func(src *edit.Source) []analysis.TextEdit {
			return src.DeleteStmt(stmt)
		})
	}
}

func funcName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if n := nethttp.NamedOf(recv.Type()); n != nil {
			return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

func astIdent(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func keyName(kv *ast.KeyValueExpr) string {
	if id, ok := kv.Key.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func (a *checker) isNil(e ast.Expr) bool {
	return a.pass.TypesInfo.Types[e].IsNil()
}

// copiesConfig reports whether lit copies a field of another tls.Config
// (RootCAs: base.RootCAs): a copy of the caller's config, made field by
// field, whose owner decides about the cache.
func (a *checker) copiesConfig(lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if sel, ok := ast.Unparen(kv.Value).(*ast.SelectorExpr); ok && isConfig(a.pass.TypesInfo.TypeOf(sel.X)) {
			return true
		}
	}
	return false
}
