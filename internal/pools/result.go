package pools

import (
	"flag"
	"go/ast"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Result is what the pool analysis found in one package.
type Result struct {
	// PerCall holds the pools built and dropped on every run of code
	// that runs many times: clientperrequest's findings.
	PerCall []*Pool

	// short maps the expressions that build an HTTP pool dying with its
	// call (and the Transport literal inside such a Client) to why.
	short map[ast.Node]string
	// shortFns maps the functions that build such a pool to why.
	shortFns map[ast.Node]string
	// local holds the expressions of HTTP pools that stay in the
	// function that builds them (neither kept nor returned).
	local map[ast.Node]bool

	c  *checker   // for frequency questions; nil when no pool can be built here
	mu sync.Mutex // RunsOnce fills c's caches; checks of a package run in parallel
}

// RunsOnce reports whether the code at n, inside the function fn (a
// FuncDecl or FuncLit), runs at most once per process as far as this
// package shows: fn is main, init, a test, a command-line action, or an
// unexported function whose every call runs once (up to three callers
// up), and n is in no loop of fn. A connection lost there is lost once.
func (r *Result) RunsOnce(fn, n ast.Node) bool {
	if r.c == nil {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	fcur, ok := r.c.insp.Root().FindNode(fn)
	if !ok {
		return false
	}
	ncur, ok := fcur.FindNode(n)
	if !ok {
		return false
	}
	if _, inLoop := loopBody(ncur); inLoop {
		return false
	}
	return r.c.runsOnce(fcur, 3) || r.c.inCLIAction(fcur)
}

// Results returns the pool analysis' result for pass, which must list
// the analysis (its Analyzer or a fresh instance) in Requires.
func Results(pass *analysis.Pass) *Result {
	for a, r := range pass.ResultOf {
		if res, ok := r.(*Result); ok && a.Name == "pools" {
			return res
		}
	}
	panic("pools: the analyzer does not require the pool analysis")
}

// ShortLived reports why the HTTP pool built by e (a Transport literal,
// new(http.Transport), a Clone, or a Client literal with its own
// Transport) dies with the call that builds it: "built per request in an
// HTTP handler" and the like when clientperrequest reports it, "used for
// at most one request" when it carries one request or none. Settings on
// such a pool (HTTP/2, keep-alives, a session cache) have no later
// request to help, so the checks stay silent on it: the one finding that
// matters, if any, is clientperrequest's.
func (r *Result) ShortLived(e ast.Node) (string, bool) {
	why, ok := r.short[e]
	return why, ok
}

// Local reports whether the HTTP pool built by e stays in the function
// that builds it: neither stored, captured, handed on nor returned. Its
// requests are that function's own.
func (r *Result) Local(e ast.Node) bool { return r.local[e] }

// BuiltPerCall reports whether the expression n builds a pool on every
// run of code that runs many times (one of PerCall).
func (r *Result) BuiltPerCall(n ast.Node) bool {
	for _, p := range r.PerCall {
		if p.Cur.Node() == n {
			return true
		}
	}
	return false
}

// BuildsShortLived reports why the function fn (a FuncDecl or FuncLit)
// builds an HTTP pool that dies with its call: the requests it sends go
// through that pool, so settings of those requests (Close, a Connection
// header) have no pool to return their connection to.
func (r *Result) BuildsShortLived(fn ast.Node) (string, bool) {
	why, ok := r.shortFns[fn]
	return why, ok
}

// Kind says what a pool-building expression builds.
type Kind int

const (
	Transport   Kind = iota // &http.Transport{}, new(http.Transport), t.Clone()
	Client                  // &http.Client{Transport: <a fresh transport>}
	DB                      // sql.Open, sql.OpenDB
	Constructor             // a call of a constructor (catalog, fact or -constructors)
)

// Pool is a pool built per run of code that runs many times.
// Built is an expression that builds a new connection pool.
type Built struct {
	Cur    inspector.Cursor // the expression that builds it
	Kind   Kind
	Result int    // index of the pool among the call's results; -1 if the expression has one value
	Callee string // Constructor: the constructor, as in source (b.NewClient)
	HTTP   bool   // HTTP connections: TLS handshakes
	SQL    bool   // database connections
	Noun   string // Transport, Client, DB, or the constructor's result type
	Desc   string // Constructor from the catalog: what it builds, for the message
	Conn   bool   // Constructor: a single connection rather than a pool
}

// Pool is a pool built per run of code that runs many times.
type Pool struct {
	Built
	Fn    inspector.Cursor // the function around it
	Where string           // how it is built per run: "per request in an HTTP handler"...

	Closed  bool // Close or CloseIdleConnections is called on it
	Mutated bool // configured after construction
}

func (c *checker) export(p Built, fn inspector.Cursor, lt *lifetime, where string) *Pool {
	return &Pool{Built: p, Fn: fn, Where: where, Closed: lt.closed, Mutated: lt.mutated}
}

// shortLived says why a pool that is neither kept nor returned dies with
// its call, or "" if it may serve many requests.
func shortLived(p Built, lt *lifetime, where string) string {
	switch {
	case where != "":
		return "built " + where
	case lt.bound:
		return "dials through a connection of this call"
	case lt.opaque || len(lt.uses) > 1:
		return ""
	case len(lt.uses) == 0:
		return "sends no request"
	}
	if body, inLoop := loopBody(lt.uses[0]); inLoop && !(body.Pos() <= p.Cur.Node().Pos() && p.Cur.Node().End() <= body.End()) {
		return "" // one call in a loop: a request per iteration through one pool
	}
	return "used for at most one request"
}

// markShort records why the pool built at cur dies with its call.
func (r *Result) markShort(cur, fn inspector.Cursor, why string) {
	r.shortFns[fn.Node()] = why
	for _, e := range standsFor(cur) {
		r.short[e] = why
	}
}

// markLocal records that the HTTP pool built at cur stays in its
// function.
func (r *Result) markLocal(cur inspector.Cursor) {
	for _, e := range standsFor(cur) {
		r.local[e] = true
	}
}

// standsFor returns the expressions that stand for the pool built at
// cur, for the checks look at any: the expression, the literal inside
// &T{...}, and the Transport of a Client literal (and its literal).
func standsFor(cur inspector.Cursor) []ast.Node {
	var out []ast.Node
	add := func(e ast.Expr) {
		e = ast.Unparen(e)
		out = append(out, e)
		if lit, ok := literal(e); ok {
			out = append(out, lit)
		}
	}
	e := cur.Node().(ast.Expr)
	add(e)
	if lit, ok := literal(e); ok {
		if v := transportField(lit); v != nil {
			add(v)
		}
	}
	return out
}

// literal returns the composite literal of &T{...}.
func literal(e ast.Expr) (*ast.CompositeLit, bool) {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok {
		return nil, false
	}
	lit, ok := ast.Unparen(u.X).(*ast.CompositeLit)
	return lit, ok
}

// FuncName names the function declared at fn.
func FuncName(fn inspector.Cursor) string {
	if d, ok := fn.Node().(*ast.FuncDecl); ok {
		return d.Name.Name
	}
	return "the function"
}

// AllFlag registers a check's -all flag: with it set, the check also
// reports what the cost model leaves out by default (settings of a pool
// that dies with its call, which no later request could profit from).
func AllFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("all", false, "also report what costs little: settings on a pool that dies with its call (see the cost model in the docs)")
}
