// Package bodyflow follows each *http.Response that a client call
// returns through the function that made the call: on which paths its
// body is read, read to EOF, closed, or handed to someone else. The
// unclosedbody and undrainedbody checks both Require its Analyzer, so
// the flow is computed once per package.
//
// It also records, as facts, what functions do with a response or body
// they receive as a parameter (close it, drain it, read it, keep it),
// so a helper in another package counts.
//
// The analysis is path-sensitive without SSA: it builds a
// golang.org/x/tools/go/cfg graph only for functions that contain a
// client call (and for helpers and closures that receive a body), and
// propagates a small set of abstract states per response over it. On
// the branch where the call's error is non-nil, or the response is
// nil, there is nothing to close. Whatever it cannot follow (a body
// returned, stored, sent, captured by a goroutine, passed to an
// unknown function) counts as handed off, and the checks stay silent.
package bodyflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/reuselint/reuselint/internal/lazyinspect"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// Analyzer computes the Result and the Facts. It reports nothing and is
// not part of the suite: checks Require it.
var Analyzer = &analysis.Analyzer{
	Name:       "bodyflow",
	Doc:        "follow HTTP response bodies through the functions that receive them (internal to reuselint)",
	URL:        "https://pkg.go.dev/github.com/reuselint/reuselint/internal/bodyflow",
	Requires:   []*analysis.Analyzer{lazyinspect.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Fact), new(helpersFact)},
}

// Result lists the responses of the package's client calls.
type Result struct {
	// Responses are the client calls outside _test.go files.
	Responses []*Response

	testOnce  sync.Once
	testSites func() []*Response
	tests     []*Response
}

// TestResponses returns the responses of the client calls in _test.go
// files, analyzing them on the first call. The checks report in tests
// only when asked (-tests), so by default a package's tests, which often
// hold most of its client calls, cost no flow analysis. Checks of one
// package may call it concurrently.
func (r *Result) TestResponses() []*Response {
	r.testOnce.Do(func() {
		if r.testSites != nil {
			r.tests = r.testSites()
		}
	})
	return r.tests
}

// All returns Responses and, with tests, TestResponses too.
func (r *Result) All(tests bool) []*Response {
	if !tests {
		return r.Responses
	}
	return slices.Concat(r.Responses, r.TestResponses())
}

// Response is one client call and what happens to its response.
type Response struct {
	Call *ast.CallExpr
	Kind nethttp.RequestCall
	Func ast.Node // the *ast.FuncDecl or *ast.FuncLit that makes the call

	// Var is the variable the response is assigned to; nil when the
	// response is dropped or handed off where it is made.
	Var *types.Var
	// Bind is the statement that assigns the response to Var.
	Bind ast.Stmt
	// Dropped: the response is discarded (blank identifier, call used
	// as a statement), so its body is never closed.
	Dropped bool
	// Returned: the response or its body is returned on some path; the
	// function's job is to hand it to its caller.
	Returned bool
	// Head: a HEAD (or CONNECT) request, whose response has no body
	// holding a pooled connection. MethodUnknown: the request's method is
	// not a constant, or the request is not built here, so it may be HEAD.
	Head, MethodUnknown bool
	// RequestElsewhere: the request sent by Do or RoundTrip is not built
	// by http.NewRequest in this function (a parameter, a field, a
	// table), so its method is not known here.
	RequestElsewhere bool
	// Wrapper: the call is to a function that returns a client call's
	// response (a Fact with Returns), not a client call itself.
	Wrapper bool
	// HandedOff: the response or its body is handed to someone else
	// (stored, sent, passed on, replaced) other than by returning it.
	HandedOff bool
	// Read: the body is read on some path. ReadOnSuccess: on some path
	// that returns no error (see normalExit).
	Read, ReadOnSuccess bool
	// HTTPTest: the request goes to an httptest.Server.
	HTTPTest bool
	// OwnTransport: the call goes through an http.Transport literal of a
	// local variable (of the function or an enclosing one; a RoundTrip
	// on it, or a client of it): its pool dies with the function, so
	// there is no reuse to lose.
	OwnTransport bool
	// HTTP2: the call goes through a golang.org/x/net/http2 Transport or
	// ClientConn (see overHTTP2). Closing an unread HTTP/2 body resets
	// its stream, not the connection.
	HTTP2 bool
	// InTest: the call is in a _test.go file. InTestHelper: the
	// function making it, or one enclosing it, takes a testing.TB,
	// *testing.T, *testing.B or *testing.F, or the package is a
	// test-support one (nethttp.IsTestPackage).
	InTest, InTestHelper bool
	// ClosesConn: the function asks for the connection to be closed
	// after the response (Request.Close, a "Connection: close" header).
	ClosesConn bool
	// Upgrade: the function builds a protocol-upgrade request; the
	// connection of a 101 response is taken over, and on other paths
	// the request was not one for a pool.
	Upgrade bool
	// InMain: the call is in main.main, whose return ends the process.
	InMain bool
	// TestDouble: a RoundTrip, in a _test.go file, on an interface or a
	// type of the test's own: a fake that fabricates its responses.
	TestDouble bool
	// InLoop: the call is inside a loop of its function.
	InLoop bool
	// ReassignedVars: the response variable, or an alias of it or of its
	// body, is assigned more than once in the function.
	ReassignedVars bool

	// Leaks are the statements reached with the body still open, not
	// read to EOF (net/http returns the connection to the pool on EOF
	// even before Close), and no close deferred: returns, reassignments of the variable, or the call
	// itself when a loop makes it again. Sorted by position.
	Leaks []ast.Node
	// DeferInLoop is a deferred close inside a loop that also makes the
	// call: it runs only when the function returns, and the loop makes the
	// call again with only that close pending (a path that closes the body
	// itself, drains it or returns before the next iteration holds no
	// connection).
	DeferInLoop *ast.DeferStmt
	// Closes are the places the body is closed, in source order.
	Closes []*Close
	// ErrCheck is the `if err != nil { ... }` statement right after
	// Bind, whose body does not fall through; nil if there is none.
	ErrCheck *ast.IfStmt
	// Block is the statement list holding Bind.
	Block []ast.Stmt
}

// AtEnd reports whether n is the implicit return at the closing brace
// of the function that makes the call.
func (r *Response) AtEnd(n ast.Node) bool {
	ret, ok := n.(*ast.ReturnStmt)
	if !ok {
		return false
	}
	switch fn := r.Func.(type) {
	case *ast.FuncDecl:
		return ret.Return == fn.Body.Rbrace
	case *ast.FuncLit:
		return ret.Return == fn.Body.Rbrace
	}
	return false
}

// Close is a place where a response body is closed.
type Close struct {
	// Site is the *ast.CallExpr that closes (Body.Close(), a helper or
	// closure call) or, when deferred, the *ast.DeferStmt.
	Site     ast.Node
	Deferred bool
	// Direct: Site is X.Close() or defer X.Close() on the body itself.
	Direct bool
	// Body is the expression closed (X above, or the argument handed to
	// a closing helper); nil for a closure that closes a captured body.
	Body ast.Expr
	// Unread: on some path the body was never read before this close.
	// Undrained: on some path it was not read to EOF before this close.
	Unread, Undrained bool
	// NormalUnread and NormalUndrained are Unread and Undrained on the
	// paths where the function then carries on as normal: it returns
	// without an error (see normalExit), or makes the call again (a
	// retry). Paths that return an error, panic or exit are not counted.
	NormalUnread, NormalUndrained bool
	// BareOnly: every normal path that closes it unread is a bare
	// success, `return nil` from a function whose only result is an
	// error (see bareSuccess).
	BareOnly bool
	valued   bool // some normal path closes it unread and is not bare
	// Exit is, for a deferred close, a return through which it runs with
	// the body unread (or, if there is none, undrained), the first one;
	// NormalExit the same among returns that return no error.
	Exit, NormalExit             ast.Node
	exitUnread, normalExitUnread bool
	// InLoop: this deferred close is in a loop that also makes the call.
	InLoop bool
	// Stmt is, for a close that is not deferred, the statement of a
	// statement list that evaluates it first (the close's own statement,
	// or the if or switch whose init holds it); nil otherwise.
	Stmt ast.Stmt
}

// Abstract state of one response on one path.
type state uint16

const (
	sLive          state = 1 << iota // non-nil, still ours
	sErrTied                         // the error variable still holds the call's error
	sClosed                          // closed
	sDeferClosed                     // a close is deferred
	sRead                            // read
	sDrained                         // read to EOF
	sDeferRead                       // the deferred close reads first
	sDeferDrained                    // the deferred close drains first
	sMoved                           // handed off: not ours any more (canonical state)
	sMarkUnread                      // the marked close found the body unread (see flow.mark)
	sMarkUndrained                   // the marked close found the body not read to EOF

	nStates = 1 << 11
	sMarks  = sMarkUnread | sMarkUndrained
)

type stateSet [nStates / 64]uint64

func (s *stateSet) add(x state) bool {
	w, b := x/64, uint64(1)<<(x%64)
	if s[w]&b != 0 {
		return false
	}
	s[w] |= b
	return true
}

func (s *stateSet) union(o *stateSet) bool {
	changed := false
	for i := range s {
		if n := s[i] | o[i]; n != s[i] {
			s[i] = n
			changed = true
		}
	}
	return changed
}

func (s *stateSet) states() []state {
	var out []state
	for i, w := range s {
		for w != 0 {
			j := 0
			for w&(1<<j) == 0 {
				j++
			}
			w &^= 1 << j
			out = append(out, state(i*64+j))
		}
	}
	return out
}

func open(s state) bool {
	return s&sLive != 0 && s&sMoved == 0 && s&(sClosed|sDeferClosed) == 0
}

// pkgState is the per-package state of the analysis.
type pkgState struct {
	pass    *analysis.Pass
	decls   map[*types.Func]*ast.FuncDecl
	facts   map[*types.Func]*Fact
	busy    map[*types.Func]bool
	parents map[ast.Node]*tree
	cfgs    map[*ast.BlockStmt]*cfg.CFG
	resps   map[*ast.CallExpr]*Response
}

// tree is the parent map of a top-level declaration, and the boolean
// conditions of its if, for and tagless switch statements.
type tree struct {
	parent map[ast.Node]ast.Node
	conds  map[ast.Expr]bool
}

func run(pass *analysis.Pass) (any, error) {
	res := new(Result)
	if !nethttp.Imports(pass.Pkg, nethttp.HTTP) && !importsHelpers(pass) {
		return res, nil
	}
	p := &pkgState{
		pass:    pass,
		decls:   make(map[*types.Func]*ast.FuncDecl),
		facts:   make(map[*types.Func]*Fact),
		busy:    make(map[*types.Func]bool),
		parents: make(map[ast.Node]*tree),
		cfgs:    make(map[*ast.BlockStmt]*cfg.CFG),
		resps:   make(map[*ast.CallExpr]*Response),
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					p.decls[fn] = fd
				}
			}
		}
	}

	// Client calls, grouped by the function that makes them.
	type site struct {
		top, fn ast.Node
		calls   []*ast.CallExpr
	}
	var order []ast.Node
	sites := make(map[ast.Node]*site)
	insp := lazyinspect.Inspector(pass)
	insp.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		if !p.tracked(call) {
			return true
		}
		var fn ast.Node
		for i := len(stack) - 1; i >= 0 && fn == nil; i-- {
			switch s := stack[i].(type) {
			case *ast.FuncLit, *ast.FuncDecl:
				fn = s
			}
		}
		if fn == nil || len(stack) < 2 {
			return true // package-level initializer: not a function
		}
		s := sites[fn]
		if s == nil {
			s = &site{top: stack[1], fn: fn}
			sites[fn] = s
			order = append(order, fn)
		}
		s.calls = append(s.calls, call)
		return true
	})
	// Calls in _test.go files are analyzed only when a check asks for
	// them (TestResponses). Nothing else reads their responses: facts
	// come from the functions' own bodies.
	responses := func(inTest bool) []*Response {
		var out []*Response
		for _, fn := range order {
			s := sites[fn]
			if nethttp.InTestFile(p.pass.Fset, s.top.Pos()) != inTest {
				continue
			}
			for _, call := range s.calls {
				if r := p.response(s.top, s.fn, call); r != nil {
					out = append(out, r)
				}
			}
		}
		return out
	}
	res.Responses = responses(false)
	res.testSites = func() []*Response { return responses(true) }

	// Facts for every function with a parameter that can hold a body.
	exported := 0
	fns := make([]*types.Func, 0, len(p.decls))
	for fn := range p.decls {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		if f := p.localFact(fn); f != nil {
			pass.ExportObjectFact(fn, f)
			exported++
		}
	}
	if exported > 0 {
		pass.ExportPackageFact(&helpersFact{Funcs: exported})
	}
	return res, nil
}

// importsHelpers reports whether a direct import exported body facts.
func importsHelpers(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(helpersFact)) {
			return true
		}
	}
	return false
}

// tree returns the parent map of the top-level declaration top.
func (p *pkgState) tree(top ast.Node) *tree {
	if t := p.parents[top]; t != nil {
		return t
	}
	t := &tree{parent: make(map[ast.Node]ast.Node), conds: make(map[ast.Expr]bool)}
	var stack []ast.Node
	ast.Inspect(top, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			t.parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.IfStmt:
			t.conds[n.Cond] = true
		case *ast.ForStmt:
			if n.Cond != nil {
				t.conds[n.Cond] = true
			}
		case *ast.SwitchStmt:
			if n.Tag == nil {
				for _, c := range n.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						t.conds[e] = true
					}
				}
			}
		}
		return true
	})
	p.parents[top] = t
	return t
}

// cfg returns the control-flow graph of body, built on first use.
func (p *pkgState) cfg(body *ast.BlockStmt) *cfg.CFG {
	g := p.cfgs[body]
	if g == nil {
		g = cfg.New(body, p.mayReturn)
		p.cfgs[body] = g
	}
	return g
}

// mayReturn reports whether a call statement may return: panic,
// os.Exit, log.Fatal, t.Fatal and the like do not, and a leak on their
// path does not matter.
func (p *pkgState) mayReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := p.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return false
		}
	}
	fn := nethttp.Callee(p.pass.TypesInfo, call)
	if fn == nil {
		return true
	}
	switch fn.Name() {
	case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
		return false
	case "Exit", "Goexit":
		return fn.Signature().Recv() != nil
	case "FailNow", "SkipNow", "Skip", "Skipf":
		return fn.Pkg() == nil || fn.Pkg().Path() != "testing"
	}
	return true
}

// paramKind tells whether a parameter of type t can hold a response
// (resp) or its body (body).
func paramKind(t types.Type) (resp, body bool) {
	if nethttp.IsResponse(t) {
		return true, false
	}
	for _, name := range [...]string{"Reader", "Closer", "ReadCloser"} {
		if nethttp.IsNamed(t, "io", name) {
			return false, true
		}
	}
	return false, false
}

// factOf returns the Fact of fn: computed here for a function of this
// package, imported otherwise; nil if there is none.
func (p *pkgState) factOf(fn *types.Func) *Fact {
	if fn.Pkg() == p.pass.Pkg {
		return p.localFact(fn)
	}
	f := new(Fact)
	if p.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// localFact computes the Fact of a function of this package, or nil
// when it has no relevant parameter, no body, or is being computed (a
// recursive call: unknown).
func (p *pkgState) localFact(fn *types.Func) *Fact {
	if f, ok := p.facts[fn]; ok {
		return f
	}
	decl := p.decls[fn]
	if decl == nil || p.busy[fn] {
		return nil
	}
	sig := fn.Signature()
	params := sig.Params()
	f := &Fact{
		Params:   make([]Effect, params.Len()),
		Relevant: make([]bool, params.Len()),
		Names:    make([]string, params.Len()),
	}
	relevant := false
	for i := range params.Len() {
		v := params.At(i)
		f.Names[i] = v.Name()
		if sig.Variadic() && i == params.Len()-1 {
			continue
		}
		resp, body := paramKind(v.Type())
		if !resp && !body {
			continue
		}
		f.Relevant[i] = true
		relevant = true
	}
	res := sig.Results()
	returnsResp := res.Len() == 2 && nethttp.IsResponse(res.At(0).Type()) &&
		types.Identical(res.At(1).Type(), types.Universe.Lookup("error").Type())
	if !relevant && !returnsResp {
		p.facts[fn] = nil
		return nil
	}
	p.busy[fn] = true
	if returnsResp {
		f.Returns = p.returnsFresh(decl)
	}
	t := p.tree(decl)
	for i := range params.Len() {
		if !f.Relevant[i] {
			continue
		}
		v := params.At(i)
		if v.Name() == "" || v.Name() == "_" {
			continue // unused: borrows
		}
		resp, _ := paramKind(v.Type())
		roots := map[*types.Var]bool{v: resp}
		f.Params[i] = p.summarize(decl.Body, t, roots)
	}
	delete(p.busy, fn)
	if !relevant && !f.Returns {
		f = nil // nothing to tell
	}
	p.facts[fn] = f
	return f
}

// returnsFresh reports whether every return of decl returns nil or the
// fresh response of a tracked call made in decl, neither read, closed
// nor handed to anyone else, and at least one returns such a response.
func (p *pkgState) returnsFresh(decl *ast.FuncDecl) bool {
	info := p.pass.TypesInfo
	var calls []*ast.CallExpr
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if p.tracked(n) {
				calls = append(calls, n)
			}
		}
		return true
	})
	fresh, ok := 0, true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		ret, isRet := n.(*ast.ReturnStmt)
		switch {
		case !ok:
			return false
		case !isRet:
			_, lit := n.(*ast.FuncLit)
			return !lit
		case len(ret.Results) == 1:
			call, isCall := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			ok = isCall && slices.Contains(calls, call)
			fresh++
		case len(ret.Results) == 2 && isNil(info, ret.Results[0]):
		case len(ret.Results) == 2:
			id, isID := ast.Unparen(ret.Results[0]).(*ast.Ident)
			found := false
			for _, call := range calls {
				r := p.response(decl, decl, call)
				if isID && r != nil && r.Var != nil && r.Var == identVar(info, id) {
					found = true
					ok = ok && len(r.Closes) == 0 && !r.HandedOff && !r.Read
				}
			}
			ok = ok && found
			fresh++
		default:
			ok = false // a naked return
		}
		return ok
	})
	return ok && fresh > 0
}

// summarize runs the flow over body with the variables of roots (true:
// a response, false: a body) live at entry, and returns the effect on
// them.
func (p *pkgState) summarize(body *ast.BlockStmt, t *tree, roots map[*types.Var]bool) Effect {
	f := p.newFlow(body, t)
	for v, isResp := range roots {
		if isResp {
			f.resp[v] = true
		} else {
			f.bodies[v] = true
		}
	}
	f.summary = true
	f.aliases()
	f.solve(sLive)
	if f.moved || f.exitSeen == 0 {
		return Keeps
	}
	var e Effect
	switch {
	case f.exitOpen && f.exitClosed:
		return Keeps // closes on some paths only
	case f.exitClosed:
		e |= Closes
	}
	if f.anyRead {
		e |= Reads
	}
	if f.anyDrain {
		e |= Drains
	}
	return e
}

// response analyzes one client call made in fn.
func (p *pkgState) response(top, fn ast.Node, call *ast.CallExpr) *Response {
	if r, ok := p.resps[call]; ok {
		return r
	}
	r := p.analyze(top, fn, call)
	p.resps[call] = r
	return r
}

// tracked reports whether call returns a fresh response: a client call,
// or a call to a function whose Fact says it returns one.
func (p *pkgState) tracked(call *ast.CallExpr) bool {
	if nethttp.ClassifyRequestCall(p.pass.TypesInfo, call) != nethttp.NotRequest || p.doLike(call) {
		return true
	}
	return p.wrapper(call)
}

func (p *pkgState) wrapper(call *ast.CallExpr) bool {
	fn := nethttp.Callee(p.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	f := p.factOf(fn.Origin())
	return f != nil && f.Returns
}

func (p *pkgState) analyze(top, fn ast.Node, call *ast.CallExpr) *Response {
	info := p.pass.TypesInfo
	t := p.tree(top)
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	r := &Response{Call: call, Kind: nethttp.ClassifyRequestCall(info, call), Func: fn}
	if r.Kind == nethttp.NotRequest && p.doLike(call) {
		r.Kind = nethttp.Do
	}
	r.Head, r.MethodUnknown = p.method(body, t, r)
	if r.Kind == nethttp.NotRequest {
		r.Wrapper = true
		r.MethodUnknown = true // the wrapper may send a HEAD request
	}
	r.HTTPTest = p.httptest(body, t, call)
	r.OwnTransport = p.ownTransport(top, call)
	if fd, ok := fn.(*ast.FuncDecl); ok {
		r.InMain = fd.Name.Name == "main" && fd.Recv == nil && p.pass.Pkg.Name() == "main"
	}
	r.InTest = nethttp.InTestFile(p.pass.Fset, call.Pos())
	r.InTestHelper = p.testHelper(t, fn) || nethttp.IsTestPackage(p.pass.Pkg.Path())
	r.ClosesConn = closesConn(info, body)
	r.Upgrade = nethttp.BuildsUpgradeRequest(info, body)
	r.HTTP2 = p.overHTTP2(top, call)
	if r.InTest && r.Kind == nethttp.RoundTrip {
		r.TestDouble = testDouble(info, call)
	}
	for n := t.parent[call]; n != nil && n != fn; n = t.parent[n] {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			r.InLoop = true
		}
	}

	// How the response is bound.
	var lhs, errLHS ast.Expr
	parent := t.parent[call]
	for {
		pe, ok := parent.(*ast.ParenExpr)
		if !ok {
			break
		}
		parent = t.parent[pe]
	}
	switch s := parent.(type) {
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 && len(s.Lhs) == 2 {
			lhs, errLHS = s.Lhs[0], s.Lhs[1]
			r.Bind = s
		}
	case *ast.ValueSpec:
		if len(s.Values) == 1 && len(s.Names) == 2 {
			lhs, errLHS = s.Names[0], s.Names[1]
			if ds, ok := t.parent[t.parent[s]].(*ast.DeclStmt); ok {
				r.Bind = ds
			}
		}
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		r.Dropped = true
		return r
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil // passed on, returned, stored: handed off
	}
	if id.Name == "_" {
		r.Dropped = true
		return r
	}
	v := identVar(info, id)
	if v == nil || !within(v.Pos(), body) {
		return nil // a variable of an enclosing function or a named result
	}
	r.Var = v
	f := p.newFlow(body, t)
	f.call = call
	f.primary = v
	f.resp[v] = true
	if eid, ok := errLHS.(*ast.Ident); ok && eid.Name != "_" {
		f.errVar = identVar(info, eid)
	}
	f.sig = funcSig(info, fn)
	f.aliases()
	f.solve(0)
	for _, c := range f.closes {
		if !c.Deferred && (c.Unread || c.Undrained) {
			f.markNormal(c)
		}
	}

	r.Returned = f.returned
	r.HandedOff = f.handedOff
	r.Read = f.anyRead
	r.ReadOnSuccess = f.normRead
	r.ReassignedVars = f.reassigned()
	for n := range f.leaks {
		r.Leaks = append(r.Leaks, n)
	}
	sort.Slice(r.Leaks, func(i, j int) bool { return r.Leaks[i].Pos() < r.Leaks[j].Pos() })
	for _, c := range f.closes {
		if c.Deferred && r.InLoop && f.deferHeld && p.inLoopWith(t, fn, c.Site, call) {
			c.InLoop = true
			if r.DeferInLoop == nil {
				r.DeferInLoop = c.Site.(*ast.DeferStmt)
			}
		}
		if !c.Deferred {
			c.Stmt = listStmt(t, c.Site)
		}
		c.BareOnly = c.NormalUnread && !c.valued
		r.Closes = append(r.Closes, c)
	}
	sort.Slice(r.Closes, func(i, j int) bool { return r.Closes[i].Site.Pos() < r.Closes[j].Site.Pos() })
	r.ErrCheck = p.errCheck(t, r.Bind, f.errVar)
	if r.Bind != nil {
		r.Block = stmtList(t.parent[r.Bind])
	}
	return r
}

// inLoopWith reports whether site is inside a loop of fn that also
// contains call.
func (p *pkgState) inLoopWith(t *tree, fn, site, call ast.Node) bool {
	for n := t.parent[site]; n != nil && n != fn; n = t.parent[n] {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() <= call.Pos() && call.End() <= n.End() {
				return true
			}
		case *ast.FuncLit:
			return false
		}
	}
	return false
}

// errCheck returns the `if err != nil { ...; return }` right after bind.
func (p *pkgState) errCheck(t *tree, bind ast.Stmt, errVar *types.Var) *ast.IfStmt {
	if bind == nil || errVar == nil {
		return nil
	}
	list := stmtList(t.parent[bind])
	for i, s := range list {
		if s != bind || i+1 == len(list) {
			continue
		}
		ifs, ok := list[i+1].(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) == 0 {
			return nil
		}
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.NEQ || !isNil(p.pass.TypesInfo, cond.Y) {
			return nil
		}
		if id, ok := ast.Unparen(cond.X).(*ast.Ident); !ok || p.pass.TypesInfo.Uses[id] != errVar {
			return nil
		}
		if !p.terminates(ifs.Body.List[len(ifs.Body.List)-1]) {
			return nil
		}
		return ifs
	}
	return nil
}

// terminates reports whether s never falls through to the next statement.
func (p *pkgState) terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			return !p.mayReturn(call)
		}
	}
	return false
}

// listStmt returns the statement holding n that sits in a statement
// list and evaluates n before anything else it does, or nil.
func listStmt(t *tree, n ast.Node) ast.Stmt {
	for ; n != nil; n = t.parent[n] {
		if _, ok := n.(ast.Stmt); ok {
			break
		}
	}
	s, _ := n.(ast.Stmt)
	if s == nil {
		return nil
	}
	switch p := t.parent[s].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return s
	case *ast.IfStmt:
		if p.Init == s && stmtList(t.parent[p]) != nil {
			return p
		}
	case *ast.SwitchStmt:
		if p.Init == s && stmtList(t.parent[p]) != nil {
			return p
		}
	}
	return nil
}

// stmtList returns the statement list of a block, case or select clause.
func stmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// method reports whether the request of r is a HEAD request, or one
// whose method is not a constant.
func (p *pkgState) method(body *ast.BlockStmt, t *tree, r *Response) (head, unknown bool) {
	switch r.Kind {
	case nethttp.Head:
		return true, false
	case nethttp.Do, nethttp.RoundTrip:
	default:
		return false, false
	}
	if len(r.Call.Args) != 1 {
		return false, false
	}
	nrs := p.newRequests(body, requestVar(p.pass.TypesInfo, r.Call.Args[0]))
	r.RequestElsewhere = len(nrs) == 0
	for _, nr := range nrs {
		m := nr.Args[0]
		if nethttp.IsFunc(nethttp.Callee(p.pass.TypesInfo, nr), nethttp.HTTP, "NewRequestWithContext") {
			m = nr.Args[1]
		}
		tv := p.pass.TypesInfo.Types[m]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			unknown = true
		} else if m := constant.StringVal(tv.Value); m == "HEAD" || m == "CONNECT" {
			// Neither has a body to drain: a HEAD response has none, and
			// a CONNECT response's body is the tunnel itself.
			head = true
		}
	}
	return head, unknown
}

// requestVar returns the expression naming the request that arg sends:
// arg itself, or the request it copies or converts (req.WithContext(ctx),
// (*http.Request)(req) of an SDK's own request type).
func requestVar(info *types.Info, arg ast.Expr) ast.Expr {
	for {
		switch e := ast.Unparen(arg).(type) {
		case *ast.CallExpr:
			if tv := info.Types[e.Fun]; tv.IsType() && len(e.Args) == 1 {
				arg = e.Args[0] // a conversion
				continue
			}
			fn := nethttp.Callee(info, e)
			if nethttp.IsMethod(fn, nethttp.HTTP, "Request", "WithContext") || nethttp.IsMethod(fn, nethttp.HTTP, "Request", "Clone") {
				arg = ast.Unparen(e.Fun).(*ast.SelectorExpr).X
				continue
			}
		}
		return arg
	}
}

// isSDKNewRequest reports whether fn is a request constructor outside
// net/http that takes the method first (olivere/elastic's
// NewRequest(method, url), go-github's NewRequest(method, urlStr, body)):
// a function or method named NewRequest whose first parameter is a string
// named method.
func isSDKNewRequest(fn *types.Func) bool {
	if fn == nil || fn.Name() != "NewRequest" || fn.Pkg() == nil || fn.Pkg().Path() == nethttp.HTTP {
		return false
	}
	params := fn.Signature().Params()
	return params.Len() >= 2 && types.Identical(params.At(0).Type(), types.Typ[types.String]) &&
		strings.EqualFold(params.At(0).Name(), "method")
}

// newRequests returns the http.NewRequest(WithContext) calls, and those of
// request constructors that take the method first (isSDKNewRequest),
// assigned in body to the variable that arg names.
func (p *pkgState) newRequests(body *ast.BlockStmt, arg ast.Expr) []*ast.CallExpr {
	info := p.pass.TypesInfo
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok {
		return nil
	}
	v := info.Uses[id]
	if v == nil {
		return nil
	}
	var out []*ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return true
		}
		lid, ok := as.Lhs[0].(*ast.Ident)
		if !ok || identVar(info, lid) != v {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := nethttp.Callee(info, call)
		if nethttp.IsFunc(fn, nethttp.HTTP, "NewRequest") && len(call.Args) == 3 ||
			nethttp.IsFunc(fn, nethttp.HTTP, "NewRequestWithContext") && len(call.Args) == 4 ||
			isSDKNewRequest(fn) && len(call.Args) >= 2 {
			out = append(out, call)
		}
		return true
	})
	return out
}

// httptest reports whether call goes to an httptest.Server: the client,
// the URL or the request mention one.
func (p *pkgState) httptest(body *ast.BlockStmt, t *tree, call *ast.CallExpr) bool {
	info := p.pass.TypesInfo
	var mentions func(n ast.Node, depth int) bool
	mentions = func(n ast.Node, depth int) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if found {
				return false
			}
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			if tv, ok := info.Types[e]; ok && nethttp.IsPointerTo(tv.Type, nethttp.HTTPTest, "Server") {
				found = true
				return false
			}
			// Follow local variables to what they are assigned:
			// url := srv.URL + path; req, _ := http.NewRequest("GET", url, nil).
			if id, ok := e.(*ast.Ident); ok && depth > 0 {
				if v, ok := info.Uses[id].(*types.Var); ok && within(v.Pos(), body) {
					for _, rhs := range assigned(info, body, v) {
						if mentions(rhs, depth-1) {
							found = true
							break
						}
					}
				}
			}
			return !found
		})
		return found
	}
	return mentions(call, 2)
}

// assigned returns the expressions assigned to v in body: the right
// side matching v, or the single call of a multi-value assignment.
func assigned(info *types.Info, body ast.Node, v *types.Var) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs, rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			lhs, rhs = identExprs(n.Names), n.Values
		default:
			return true
		}
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || identVar(info, id) != v {
				continue
			}
			switch {
			case len(lhs) == len(rhs):
				out = append(out, rhs[i])
			case len(rhs) == 1:
				out = append(out, rhs[0])
			}
		}
		return true
	})
	return out
}

// ownTransport reports whether call is made on a local variable of the
// declaration top (the function or an enclosing one) that holds a fresh
// Transport (a literal, new(http.Transport) or a Clone()) or a Client
// literal whose Transport is one.
func (p *pkgState) ownTransport(top ast.Node, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	return p.localFreshPool(top, identVar(p.pass.TypesInfo, id), 0)
}

// localFreshPool reports whether the local variable v is assigned, in
// top, a fresh Transport or a Client literal whose Transport is fresh.
// depth bounds the chain of variables followed (t := ...; c := &Client{Transport: t}).
func (p *pkgState) localFreshPool(top ast.Node, v *types.Var, depth int) bool {
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || depth > 3 {
		return false // a field, or a package-level pool
	}
	info := p.pass.TypesInfo
	own := false
	// A client literal of v and a fresh Transport installed in it
	// later (c := &http.Client{}; c.Transport = tr).
	newClient, installed := false, false
	assigned := func(lhs *ast.Ident, rhs ast.Expr) {
		if identVar(info, lhs) != v {
			return
		}
		if p.freshTransport(top, rhs, depth) || p.clientOfFreshTransport(top, rhs, depth) {
			own = true
		}
		newClient = newClient || p.clientLiteral(rhs)
	}
	ast.Inspect(top, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					switch l := l.(type) {
					case *ast.Ident:
						assigned(l, n.Rhs[i])
					case *ast.SelectorExpr:
						if id, ok := ast.Unparen(l.X).(*ast.Ident); ok && l.Sel.Name == "Transport" &&
							identVar(info, id) == v && p.freshTransport(top, n.Rhs[i], depth) {
							installed = true
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					assigned(name, n.Values[i])
				}
			}
		}
		return !own
	})
	return own || newClient && installed
}

// freshTransport reports whether e builds a new *http.Transport: a
// literal, new(http.Transport), a Clone() of any Transport, or a local
// variable holding one.
func (p *pkgState) freshTransport(top ast.Node, e ast.Expr, depth int) bool {
	info := p.pass.TypesInfo
	switch e := nethttp.Unaddr(e).(type) {
	case *ast.CompositeLit:
		return nethttp.IsNamed(info.TypeOf(e), nethttp.HTTP, "Transport")
	case *ast.CallExpr:
		if nethttp.IsMethod(nethttp.Callee(info, e), nethttp.HTTP, "Transport", "Clone") {
			return true
		}
		if nethttp.IsNew(info, e) {
			return nethttp.IsTransport(info.TypeOf(e))
		}
	case *ast.Ident:
		return nethttp.IsTransport(info.TypeOf(e)) && p.localFreshPool(top, identVar(info, e), depth+1)
	}
	return false
}

// clientLiteral reports whether e builds a new http.Client: a literal
// or new(http.Client).
func (p *pkgState) clientLiteral(e ast.Expr) bool {
	info := p.pass.TypesInfo
	switch e := nethttp.Unaddr(e).(type) {
	case *ast.CompositeLit:
		return nethttp.IsNamed(info.TypeOf(e), nethttp.HTTP, "Client")
	case *ast.CallExpr:
		return nethttp.IsNew(info, e) && nethttp.IsClient(info.TypeOf(e))
	}
	return false
}

// clientOfFreshTransport reports whether e is an http.Client literal
// whose Transport is fresh.
func (p *pkgState) clientOfFreshTransport(top ast.Node, e ast.Expr, depth int) bool {
	lit, ok := nethttp.Unaddr(e).(*ast.CompositeLit)
	if !ok || !nethttp.IsNamed(p.pass.TypesInfo.TypeOf(lit), nethttp.HTTP, "Client") {
		return false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Transport" && p.freshTransport(top, kv.Value, depth) {
				return true
			}
		}
	}
	return false
}

const http2 = "golang.org/x/net/http2"

// testDouble reports whether the RoundTrip call is on an interface or
// on a type declared outside net/http and golang.org/x/net/http2.
func testDouble(info *types.Info, call *ast.CallExpr) bool {
	switch receiverPkg(info, call) {
	case nethttp.HTTP, http2:
		return false
	}
	return true
}

// receiverPkg returns the package path of the named type (or pointer to
// it) that the method call is made on; "" for an interface or unknown.
func receiverPkg(info *types.Info, call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	return typePkg(info.TypeOf(sel.X))
}

// typePkg returns the package path of the named type t, or of the type
// t points to; "" for an interface or unknown.
func typePkg(t types.Type) string {
	if t == nil || types.IsInterface(t) {
		return ""
	}
	n := nethttp.NamedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path()
}

// overHTTP2 reports whether call goes through a golang.org/x/net/http2
// transport: a RoundTrip on one, or a call on a local client variable
// assigned an http.Client literal whose Transport is one.
func (p *pkgState) overHTTP2(top ast.Node, call *ast.CallExpr) bool {
	info := p.pass.TypesInfo
	if receiverPkg(info, call) == http2 {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	for _, rhs := range assigned(info, top, v) {
		if u, ok := ast.Unparen(rhs).(*ast.UnaryExpr); ok && u.Op == token.AND {
			rhs = u.X
		}
		lit, ok := ast.Unparen(rhs).(*ast.CompositeLit)
		if !ok || !nethttp.IsNamed(info.TypeOf(lit), nethttp.HTTP, "Client") {
			continue
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Transport" && typePkg(info.TypeOf(kv.Value)) == http2 {
				return true
			}
		}
	}
	return false
}

// funcSig returns the signature of the *ast.FuncDecl or *ast.FuncLit fn.
func funcSig(info *types.Info, fn ast.Node) *types.Signature {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			return obj.Signature()
		}
	case *ast.FuncLit:
		sig, _ := info.TypeOf(fn).(*types.Signature)
		return sig
	}
	return nil
}

func identVar(info *types.Info, id *ast.Ident) *types.Var {
	if v, ok := info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

func within(pos token.Pos, n ast.Node) bool {
	return n != nil && n.Pos() <= pos && pos < n.End()
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}
