// Package pools answers, once per package for every check, where each
// connection pool built there lives: which expressions build a pool (an
// http.Transport, an http.Client with its own Transport, an *sql.DB, a
// catalog or -constructors client), what happens to it in the function
// that builds it (kept, returned, handed on, or used and dropped: its
// Lifetime), and how often that code runs (where it is built per request,
// per loop iteration, per call of a kept closure). clientperrequest
// reports the pools built per run of hot code; the other checks ask
// ShortLived so that they stay silent on a pool that dies with its call:
// one mistake, one finding.
//
// The facts (returnsFreshPool, borrowsPool, keepsPool) carry that
// knowledge across packages.
package pools

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/lazyinspect"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// Analyzer is the pool analysis with its default settings, shared by the
// checks' default instances.
var Analyzer = New()

// New returns a fresh pool analysis with its own flags. A suite of fresh
// checks shares one (see analyzer.New): fact types belong to one
// analyzer per run.
func New() *analysis.Analyzer {
	var constructors string
	a := &analysis.Analyzer{
		Name:       "pools",
		Doc:        "find connection pools, how long they live and how often they are built",
		Requires:   []*analysis.Analyzer{lazyinspect.Analyzer},
		FactTypes:  []analysis.Fact{new(poolConstructor), new(borrowsPool), new(keepsPool)},
		ResultType: reflect.TypeFor[*Result](),
	}
	a.Flags.StringVar(&constructors, "constructors", "",
		"comma-separated fully qualified functions that build a connection pool, "+
			"e.g. google.golang.org/grpc.NewClient,github.com/redis/go-redis/v9.NewClient")
	a.Run = func(pass *analysis.Pass) (any, error) {
		extra, err := parseConstructors(constructors)
		if err != nil {
			return nil, err
		}
		return run(pass, extra), nil
	}
	return a
}

// poolConstructor is the fact that a function returns a connection pool it
// has just built (an *http.Transport, an *http.Client with its own
// Transport, an *sql.DB, or the result of another constructor), so each
// call builds a new pool.
type poolConstructor struct {
	Result int    // index of the pool among the function's results
	HTTP   bool   // the pool makes HTTP connections (TLS handshakes)
	SQL    bool   // the pool is an *sql.DB
	Noun   string // what the pool is, for the fix's variable name: Transport, Client, DB...
	Desc   string // what the pool is, for the message, when the catalog says: "gRPC ClientConn"
	Conn   bool   // a single connection rather than a pool
}

func (*poolConstructor) AFact() {}

func (*poolConstructor) String() string { return "returnsFreshPool" }

// borrowsPool is the fact that an exported function uses the pools passed
// as some of its parameters (an *http.Client, *http.Transport,
// http.RoundTripper or *sql.DB) without keeping or returning them, so a
// caller that built the pool still decides its lifetime.
type borrowsPool struct {
	Params []borrowedParam
}

type borrowedParam struct {
	Index    int // the parameter
	Requests int // requests it sends with it: 0, 1, or 2 for several or unknown
}

func (*borrowsPool) AFact() {}

func (*borrowsPool) String() string { return "borrowsPool" }

// keepsPool is the fact that an exported function keeps the pools passed
// as some of its parameters (stores them in a global, a field, a
// registry, or captures them in a closure), even if it returns a value:
// the caller's pool may outlive the call.
type keepsPool struct {
	Params []int
}

func (*keepsPool) AFact() {}

func (*keepsPool) String() string { return "keepsPool" }

// extraConstructors are the functions named by the -constructors flag, by
// full name ("pkg/path.Func" or "(*pkg/path.Type).Method"), and the paths
// of their packages.
type extraConstructors struct {
	names map[string]bool
	pkgs  []string
}

func parseConstructors(s string) (extraConstructors, error) {
	extra := extraConstructors{names: make(map[string]bool)}
	for name := range strings.SplitSeq(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		qual := name
		if strings.HasPrefix(qual, "(") {
			end := strings.Index(qual, ")")
			if end < 0 {
				return extra, fmt.Errorf("-constructors: malformed method name %q", name)
			}
			qual = strings.TrimPrefix(qual[1:end], "*")
		}
		dot := strings.LastIndex(qual, ".")
		if dot <= 0 || strings.HasSuffix(qual, ".") {
			return extra, fmt.Errorf("-constructors: %q is not a fully qualified name like example.com/pkg.NewClient", name)
		}
		extra.names[name] = true
		extra.pkgs = append(extra.pkgs, qual[:dot])
	}
	return extra, nil
}

type checker struct {
	pass    *analysis.Pass
	extra   extraConstructors
	ctors   map[*types.Func]*poolConstructor // constructors of this package
	insp    *inspector.Inspector
	funcs   map[*types.Func]inspector.Cursor   // declarations of this package's functions
	borrows map[borrowKey]borrowSummary        // what they do with their parameters
	refs    map[*types.Func][]inspector.Cursor // references to this package's functions
}

func run(pass *analysis.Pass, extra extraConstructors) *Result {
	res := &Result{short: make(map[ast.Node]string), shortFns: make(map[ast.Node]string), local: make(map[ast.Node]bool)}
	paths := append([]string{nethttp.HTTP, nethttp.SQL}, extra.pkgs...)
	if !nethttp.Imports(pass.Pkg, paths...) && !importsCatalog(pass.Pkg) && !importsConstructor(pass) {
		return res // no pool can be built here
	}
	insp := lazyinspect.Inspector(pass)
	c := &checker{
		pass:    pass,
		extra:   extra,
		ctors:   make(map[*types.Func]*poolConstructor),
		insp:    insp,
		borrows: make(map[borrowKey]borrowSummary),
	}
	res.c = c

	// Candidates: every call and &T{} inside a function, outside
	// _test.go files. Test code is exempt, and a constructor declared
	// there can only be called from test code.
	var cands []inspector.Cursor
	for file := range insp.Root().Children() {
		if nethttp.IsTestFile(pass.Fset, file.Node().(*ast.File)) {
			continue
		}
		for cur := range file.Preorder((*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil)) {
			if u, ok := cur.Node().(*ast.UnaryExpr); ok && u.Op != token.AND {
				continue
			}
			cands = append(cands, cur)
		}
	}

	// Find this package's constructors first: a constructor may call
	// another one declared later, so iterate until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, cur := range cands {
			p, ok := c.poolAt(cur)
			if !ok {
				continue
			}
			fn, ok := enclosingFunc(cur)
			if !ok {
				continue
			}
			decl, ok := fn.Node().(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if obj == nil || c.ctors[obj] != nil {
				continue
			}
			lt := c.lifetime(p, fn)
			if lt.returned >= 0 && !lt.escaped && !lt.bound && c.freshOnEveryPath(decl, lt) {
				noun := p.Noun
				if nethttp.IsClient(obj.Signature().Results().At(lt.returned).Type()) {
					noun = "Client" // a transport returned inside the client that holds it
				}
				c.ctors[obj] = &poolConstructor{Result: lt.returned, HTTP: p.HTTP, SQL: p.SQL, Noun: noun, Desc: p.Desc, Conn: p.Conn}
				changed = true
			}
		}
	}
	for fn, fact := range c.ctors {
		pass.ExportObjectFact(fn, fact)
	}
	c.exportBorrows()

	for _, cur := range cands {
		p, ok := c.poolAt(cur)
		if !ok || c.insideClientPool(cur) {
			continue
		}
		fn, ok := enclosingFunc(cur)
		if !ok {
			continue
		}
		lt := c.lifetime(p, fn)
		if lt.escaped || lt.returned >= 0 {
			continue // kept, or returned to a caller who decides
		}
		if p.Kind == Transport || p.Kind == Client {
			res.markLocal(cur)
		}
		where := ""
		if !lt.bound && !c.exempt(fn) {
			where = c.perRequest(p, fn, lt)
		}
		if where != "" {
			res.PerCall = append(res.PerCall, c.export(p, fn, lt, where))
		}
		if why := shortLived(p, lt, where); why != "" && (p.Kind == Transport || p.Kind == Client) {
			res.markShort(cur, fn, why)
		}
	}
	return res
}

// importsConstructor reports whether a package pass imports directly
// declares a pool constructor.
func importsConstructor(pass *analysis.Pass) bool {
	facts := pass.AllObjectFacts()
	if len(facts) == 0 {
		return false
	}
	direct := make(map[*types.Package]bool)
	for _, imp := range pass.Pkg.Imports() {
		direct[imp] = true
	}
	for _, f := range facts {
		if _, ok := f.Fact.(*poolConstructor); ok && direct[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

// poolAt reports whether the expression at cur builds a new pool.
func (c *checker) poolAt(cur inspector.Cursor) (Built, bool) {
	p, ok := c.poolExpr(cur.Node().(ast.Expr))
	p.Cur = cur
	return p, ok
}

func (c *checker) poolExpr(e ast.Expr) (Built, bool) {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		lit, ok := ast.Unparen(e.X).(*ast.CompositeLit)
		if e.Op != token.AND || !ok {
			break
		}
		t := info.TypeOf(lit)
		if nethttp.IsNamed(t, nethttp.HTTP, "Transport") {
			if c.boundDialer(lit) {
				break
			}
			return Built{Kind: Transport, Result: -1, HTTP: true, Noun: "Transport"}, true
		}
		if nethttp.IsNamed(t, nethttp.HTTP, "Client") {
			if v := transportField(lit); v != nil {
				if _, ok := c.poolExpr(v); ok {
					return Built{Kind: Client, Result: -1, HTTP: true, Noun: "Client"}, true
				}
			}
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && len(e.Args) == 1 {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" &&
				nethttp.IsNamed(info.TypeOf(e.Args[0]), nethttp.HTTP, "Transport") {
				return Built{Kind: Transport, Result: -1, HTTP: true, Noun: "Transport"}, true
			}
		}
		fn := nethttp.Callee(info, e)
		if fn == nil {
			break
		}
		fn = fn.Origin()
		multi := fn.Signature().Results().Len() > 1
		switch {
		case nethttp.IsMethod(fn, nethttp.HTTP, "Transport", "Clone"):
			return Built{Kind: Transport, Result: -1, HTTP: true, Noun: "Transport"}, true
		case nethttp.IsFunc(fn, nethttp.SQL, "Open"):
			return Built{Kind: DB, Result: 0, SQL: true, Noun: "DB"}, true
		case nethttp.IsFunc(fn, nethttp.SQL, "OpenDB"):
			return Built{Kind: DB, Result: -1, SQL: true, Noun: "DB"}, true
		case c.inCatalog(e, fn):
			ent, _ := lookupCatalog(fn)
			p := Built{Kind: Constructor, Result: -1, Callee: calleeName(e, fn), HTTP: ent.http,
				Noun: resultNoun(fn, 0), Desc: ent.desc, Conn: ent.conn}
			if multi {
				p.Result = 0
			}
			return p, true
		case len(c.extra.names) > 0 && c.extra.names[fn.FullName()]: // FullName allocates: ask only with -constructors set
			p := Built{Kind: Constructor, Result: -1, Callee: calleeName(e, fn), Noun: resultNoun(fn, 0)}
			if multi {
				p.Result = 0
			}
			return p, true
		}
		fact := c.ctors[fn]
		if fact == nil && fn.Pkg() != c.pass.Pkg {
			var f poolConstructor
			if c.pass.ImportObjectFact(fn, &f) {
				fact = &f
			}
		}
		if fact != nil {
			p := Built{Kind: Constructor, Result: -1, Callee: calleeName(e, fn), HTTP: fact.HTTP, SQL: fact.SQL,
				Noun: fact.Noun, Desc: fact.Desc, Conn: fact.Conn}
			if multi {
				p.Result = fact.Result
			}
			return p, true
		}
	}
	return Built{}, false
}

// dialFields are the Transport fields that make its connections.
var dialFields = map[string]bool{"Dial": true, "DialContext": true, "DialTLS": true, "DialTLSContext": true}

// boundDialer reports whether the Transport literal lit dials with a
// function bound to this call (see boundDial).
func (c *checker) boundDialer(lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && dialFields[id.Name] && c.boundDial(kv.Value) {
				return true
			}
		}
	}
	return false
}

// boundDial reports whether the dial function fn refers to a local value
// that reads or writes (a net.Conn, a pipe, a buffer) or a channel: its
// connections exist for this call only, so the Transport cannot be
// shared, as in httputil.DumpRequestOut. A local *net.Dialer is not such
// a value: a Transport dialing with it can be built once.
func (c *checker) boundDial(fn ast.Expr) bool {
	info := c.pass.TypesInfo
	bound := false
	ast.Inspect(fn, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if bound || !ok {
			return !bound
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() ||
			v.Pos() >= fn.Pos() && v.Pos() < fn.End() {
			return true
		}
		t := v.Type()
		if _, ok := t.Underlying().(*types.Chan); ok {
			bound = true
		}
		if types.Implements(t, readerOrWriter["Read"]) || types.Implements(t, readerOrWriter["Write"]) ||
			types.Implements(types.NewPointer(t), readerOrWriter["Read"]) ||
			types.Implements(types.NewPointer(t), readerOrWriter["Write"]) {
			bound = true
		}
		return true
	})
	return bound
}

// readerOrWriter holds the interfaces io.Reader and io.Writer, built here
// since the package under analysis need not import io.
var readerOrWriter = func() map[string]*types.Interface {
	m := make(map[string]*types.Interface)
	errType := types.Universe.Lookup("error").Type()
	for _, name := range []string{"Read", "Write"} {
		sig := types.NewSignatureType(nil, nil, nil,
			types.NewTuple(types.NewParam(token.NoPos, nil, "p", types.NewSlice(types.Typ[types.Byte]))),
			types.NewTuple(types.NewParam(token.NoPos, nil, "n", types.Typ[types.Int]), types.NewParam(token.NoPos, nil, "err", errType)),
			false)
		m[name] = types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, name, sig)}, nil).Complete()
	}
	return m
}()

// transportField returns the value of the Transport field of an
// http.Client literal, or nil.
func transportField(lit *ast.CompositeLit) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Transport" {
				return kv.Value
			}
		}
	}
	return nil
}

// insideClientPool reports whether cur is the Transport of an http.Client
// literal that is itself reported as a pool.
func (c *checker) insideClientPool(cur inspector.Cursor) bool {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	if cur.ParentEdgeKind() != edge.KeyValueExpr_Value {
		return false
	}
	kv := cur.Parent().Node().(*ast.KeyValueExpr)
	if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "Transport" {
		return false
	}
	lit := cur.Parent().Parent()
	if lit.ParentEdgeKind() != edge.UnaryExpr_X {
		return false
	}
	_, ok := c.poolExpr(lit.Parent().Node().(ast.Expr))
	return ok
}

// calleeName names the called function as the source does: newClient,
// b.NewClient, f.Client.
func calleeName(call *ast.CallExpr, fn *types.Func) string {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr: // an instantiation: f[T]()
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name + "." + sel.Sel.Name
		}
	}
	return fn.Name()
}

// resultNoun names the type of fn's i-th result, for a variable name:
// *grpc.ClientConn gives ClientConn.
func resultNoun(fn *types.Func, i int) string {
	if n := nethttp.NamedOf(fn.Signature().Results().At(i).Type()); n != nil {
		return n.Obj().Name()
	}
	return "Pool"
}

// enclosingFunc returns the innermost function declaration or literal
// around cur.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fn, true
	}
	return inspector.Cursor{}, false
}

// outermostFunc returns the top-level function declaration around fn, if
// any.
func outermostFunc(fn inspector.Cursor) (*ast.FuncDecl, bool) {
	for f := range fn.Enclosing((*ast.FuncDecl)(nil)) {
		return f.Node().(*ast.FuncDecl), true
	}
	return nil, false
}

// exempt reports whether code in fn runs once or is test code: main,
// init, and the functions of _test.go files (tests, benchmarks and their
// helpers build throwaway transports on purpose).
func (c *checker) exempt(fn inspector.Cursor) bool {
	decl, ok := outermostFunc(fn)
	if !ok {
		return false
	}
	if nethttp.IsMainOrInit(c.pass.Pkg, decl) {
		return true
	}
	return nethttp.InTestFile(c.pass.Fset, decl.Pos())
}

// signature returns the signature of a function declaration or literal.
func (c *checker) signature(fn inspector.Cursor) *types.Signature {
	switch f := fn.Node().(type) {
	case *ast.FuncDecl:
		if obj, ok := c.pass.TypesInfo.Defs[f.Name].(*types.Func); ok {
			return obj.Signature()
		}
	case *ast.FuncLit:
		sig, _ := c.pass.TypesInfo.TypeOf(f).(*types.Signature)
		return sig
	}
	return nil
}
