package pools

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// lifetime is what happens to a pool in the function that builds it.
type lifetime struct {
	escaped  bool                // may outlive the function: stored in a field, global, map, slice or channel, captured by a closure, or used in a way the analysis does not follow
	returned int                 // index of the result that returns the pool, or -1
	closed   bool                // Close or CloseIdleConnections is called on it
	kept     bool                // kept past a loop iteration: closed by a defer of the function, or handed to a goroutine
	mutated  bool                // configured after construction (field writes, RegisterProtocol, passed as a Transport)
	bound    bool                // given a dial function that refers to local values: its connections are for this call only
	uses     []inspector.Cursor  // requests sent with the pool itself (Do, Get, RoundTrip, Query...), or through a function of this package that sends one
	opaque   bool                // used in ways whose number of requests is unknown: through a value that holds it, or a function that sends several
	vars     map[*types.Var]bool // local variables holding the pool (true) or a value that holds it (false)
}

// flow follows the values that hold a pool through one function.
type flow struct {
	c        *checker
	fn       inspector.Cursor // *ast.FuncDecl or *ast.FuncLit
	sig      *types.Signature
	poolType types.Type
	refs     map[*types.Var][]inspector.Cursor // uses of local variables in fn
	lt       *lifetime
	derived  bool // following the result of a request: its uses are not requests
}

// lifetime follows the pool built by p through fn, its innermost
// enclosing function. Values that hold the pool (an http.Client or a
// wrapper built around a Transport, a slice it is appended to) are
// followed like the pool itself.
func (c *checker) lifetime(p Built, fn inspector.Cursor) *lifetime {
	f := &flow{
		c:   c,
		fn:  fn,
		sig: c.signature(fn),
		lt:  &lifetime{returned: -1, vars: make(map[*types.Var]bool)},
	}
	if f.sig == nil {
		f.lt.escaped = true
		return f.lt
	}
	t := c.pass.TypesInfo.TypeOf(p.Cur.Node().(ast.Expr))
	if tuple, ok := t.(*types.Tuple); ok && p.Result >= 0 && p.Result < tuple.Len() {
		t = tuple.At(p.Result).Type()
	}
	f.poolType = t
	if p.Result >= 0 {
		f.results(p.Cur, p.Result, true)
	} else {
		f.value(p.Cur, true)
	}
	return f.lt
}

func (f *flow) escape() { f.lt.escaped = true }

// results follows result i of the multi-valued call at cur, which is
// the pool (direct) or holds it.
func (f *flow) results(cur inspector.Cursor, i int, direct bool) {
	for cur.ParentEdgeKind() == edge.ParenExpr_X {
		cur = cur.Parent()
	}
	switch parent := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(parent.Rhs) == 1 && i < len(parent.Lhs) {
			f.assign(parent.Lhs[i], direct)
			return
		}
	case *ast.ValueSpec:
		if len(parent.Values) == 1 && i < len(parent.Names) {
			f.assign(parent.Names[i], direct)
			return
		}
	case *ast.ReturnStmt:
		if len(parent.Results) == 1 {
			f.ret(cur.Parent(), i)
			return
		}
	case *ast.ExprStmt:
		return // result dropped
	}
	f.escape()
}

// value follows the single value of the expression at cur, which is the
// pool (direct) or holds it.
func (f *flow) value(cur inspector.Cursor, direct bool) {
	for {
		parent := cur.Parent()
		k, idx := cur.ParentEdge()
		switch k {
		case edge.ParenExpr_X, edge.TypeAssertExpr_X:
			cur = parent // the same value
			continue

		case edge.StarExpr_X, edge.IndexExpr_X, edge.IndexListExpr_X, edge.SliceExpr_X:
			cur, direct = parent, false // what it points to, an element
			continue

		case edge.KeyValueExpr_Value:
			if parent.ParentEdgeKind() != edge.CompositeLit_Elts {
				f.escape()
				return
			}
			cur, direct = parent.Parent(), false // the literal holds the pool
			continue

		case edge.CompositeLit_Elts:
			cur, direct = parent, false
			continue

		case edge.UnaryExpr_X:
			if _, ok := cur.Node().(*ast.CompositeLit); ok && parent.Node().(*ast.UnaryExpr).Op == token.AND {
				cur = parent // &T{...} holds it too
				continue
			}
			if parent.Node().(*ast.UnaryExpr).Op == token.ARROW {
				return // receiving from a channel of pools
			}
			f.escape() // &v: address taken
			return

		case edge.AssignStmt_Rhs:
			as := parent.Node().(*ast.AssignStmt)
			if (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) || len(as.Lhs) != len(as.Rhs) {
				f.escape()
				return
			}
			f.assign(as.Lhs[idx], direct)
			return

		case edge.ValueSpec_Values:
			spec := parent.Node().(*ast.ValueSpec)
			if len(spec.Names) != len(spec.Values) {
				f.escape()
				return
			}
			f.assign(spec.Names[idx], direct)
			return

		case edge.ReturnStmt_Results:
			f.ret(parent, idx)
			return

		case edge.CallExpr_Args:
			f.arg(parent, cur, idx, direct)
			return

		case edge.CallExpr_Fun:
			if direct {
				f.use(parent) // the pool's request method, as a value (do := c.Do)
				return
			}
			// A function value that holds the pool (a method value).
			f.opaqueUse(parent)
			return

		case edge.SelectorExpr_X:
			f.selector(parent, direct)
			return

		case edge.RangeStmt_X:
			rs := parent.Node().(*ast.RangeStmt)
			if rs.Tok != token.DEFINE && rs.Tok != token.ASSIGN {
				return
			}
			if rs.Key != nil {
				f.assign(rs.Key, false)
			}
			if rs.Value != nil {
				f.assign(rs.Value, false)
			}
			return

		case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.ExprStmt_X,
			edge.SwitchStmt_Tag, edge.CaseClause_List, edge.IfStmt_Cond:
			return // compared or dropped

		default:
			// Sent on a channel, or anything not followed: assume it
			// outlives the function.
			f.escape()
			return
		}
	}
}

// assign follows the pool, or a value that holds it, into the left-hand
// side lhs.
func (f *flow) assign(lhs ast.Expr, direct bool) {
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
		// A field of a value built here (client.Transport = t, with
		// client := &http.Client{...}): that value holds it now.
		if x, ok := sel.X.(*ast.Ident); ok {
			if v, ok := f.c.pass.TypesInfo.Uses[x].(*types.Var); ok && f.builtHere(v) {
				f.variable(v, false)
				return
			}
		}
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		f.escape() // a field, a map or slice element, *p
		return
	}
	if id.Name == "_" {
		return
	}
	info := f.c.pass.TypesInfo
	obj := info.Defs[id]
	if obj == nil {
		obj = info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	fn := f.fn.Node()
	if !ok || v.Pos() < fn.Pos() || v.Pos() >= fn.End() {
		f.escape() // a global, or a variable of an enclosing function
		return
	}
	f.variable(v, direct)
}

// builtHere reports whether every value of the local variable v is built
// in f.fn: it is declared in its body (not a parameter) and only ever
// assigned composite literals, their addresses, or new(T).
func (f *flow) builtHere(v *types.Var) bool {
	var body *ast.BlockStmt
	switch fn := f.fn.Node().(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	info := f.c.pass.TypesInfo
	fresh := func(e ast.Expr) bool {
		switch e := nethttp.Unaddr(e).(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			return nethttp.IsNew(info, e)
		}
		return false
	}
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Defs[id] == v || info.Uses[id] == v)
	}
	ok := true
	for cur := range f.fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if is(lhs) && (len(n.Lhs) != len(n.Rhs) || !fresh(n.Rhs[i])) {
					ok = false
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if is(name) && len(n.Values) > 0 && (len(n.Values) != len(n.Names) || !fresh(n.Values[i])) {
					ok = false
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value) {
				ok = false
			}
		}
	}
	return ok
}

// variable follows the pool through every use of the local variable v.
func (f *flow) variable(v *types.Var, direct bool) {
	if _, seen := f.lt.vars[v]; seen {
		return
	}
	f.lt.vars[v] = direct
	if f.refs == nil {
		f.refs = make(map[*types.Var][]inspector.Cursor)
		info := f.c.pass.TypesInfo
		for cur := range f.fn.Preorder((*ast.Ident)(nil)) {
			if u, ok := info.Uses[cur.Node().(*ast.Ident)].(*types.Var); ok {
				f.refs[u] = append(f.refs[u], cur)
			}
		}
	}
	for _, ref := range f.refs[v] {
		if ref.ParentEdgeKind() == edge.AssignStmt_Lhs {
			continue // overwritten
		}
		if !f.sameInvocation(ref) {
			f.escape() // captured by a closure that may outlive the call
			return
		}
		f.value(ref, direct)
	}
}

// sameInvocation reports whether cur runs as part of the invocation of
// f.fn: it is not inside a function literal, or only inside literals
// called on the spot.
func (f *flow) sameInvocation(cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if lit == f.fn {
			return true
		}
		if !calledOnTheSpot(lit) {
			return false
		}
	}
	return true
}

// ret follows the pool returned by the return statement at cur as its
// result i.
func (f *flow) ret(cur inspector.Cursor, i int) {
	fn, _ := enclosingFunc(cur)
	if fn != f.fn {
		if calledOnTheSpot(fn) && f.sameInvocation(fn) {
			f.value(fn.Parent(), false) // the literal's call now holds it
			return
		}
		f.escape()
		return
	}
	res := f.sig.Results()
	if i >= res.Len() {
		f.escape()
		return
	}
	t := res.At(i).Type()
	if nethttp.IsTransport(t) || nethttp.IsClient(t) || nethttp.IsSQLDB(t) ||
		nethttp.IsNamed(t, nethttp.HTTP, "RoundTripper") || types.Identical(t, f.poolType) {
		if f.lt.returned < 0 {
			f.lt.returned = i
		}
		return
	}
	f.escape() // returned inside something else
}

// arg follows the pool, or a value that holds it, passed as argument i
// (at arg) of the call at cur.
func (f *flow) arg(cur, arg inspector.Cursor, i int, direct bool) {
	info := f.c.pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		f.value(cur, direct) // a conversion: the same value
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "append":
				f.value(cur, false) // the new slice holds it
			case "len", "cap", "delete", "clear", "print", "println":
			default:
				f.escape()
			}
			return
		}
	}
	if cur.ParentEdgeKind() == edge.GoStmt_Call {
		f.lt.kept = true // a goroutine uses it: it may outlive a loop iteration
	}
	if nethttp.IsTransport(info.TypeOf(arg.Node().(ast.Expr))) {
		f.lt.mutated = true // e.g. http2.ConfigureTransport(t)
	}
	fn := nethttp.Callee(info, call)
	if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "runtime" {
		return // runtime.SetFinalizer, runtime.KeepAlive
	}
	if fn != nil && fn.Pkg() == f.c.pass.Pkg && call.Ellipsis == token.NoPos {
		if sum, ok := f.c.borrow(fn.Origin(), i); ok {
			switch {
			case sum.escaped:
				f.escape()
			case sum.returned >= 0:
				f.callResults(cur) // it comes back in the results
			default:
				f.requests(cur, sum.requests())
			}
			return
		}
	}
	if fn != nil && fn.Pkg() != f.c.pass.Pkg && call.Ellipsis == token.NoPos {
		var fact borrowsPool
		if f.c.pass.ImportObjectFact(fn.Origin(), &fact) {
			for _, p := range fact.Params {
				if p.Index == i {
					f.requests(cur, p.Requests)
					return
				}
			}
		}
		var keeps keepsPool
		if f.c.pass.ImportObjectFact(fn.Origin(), &keeps) && slices.Contains(keeps.Params, i) {
			f.escape() // kept, whatever it returns
			return
		}
	}
	if !f.callResults(cur) {
		// A function of another package that returns nothing that
		// could hold the pool may still keep it (sync.Map.Store, a
		// registry): assume it does.
		f.escape()
	}
}

// callResults follows the results of the call at cur that may hold the
// pool (a wrapper, a gRPC client stub, a derived client), as values that
// hold it. It reports false if no result can.
func (f *flow) callResults(cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	t := f.c.pass.TypesInfo.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok {
		found := false
		for i := range tuple.Len() {
			if mayHold(tuple.At(i).Type()) {
				f.results(cur, i, false)
				found = true
			}
		}
		return found
	}
	if t != nil && mayHold(t) {
		f.value(cur, false)
		return true
	}
	return false
}

// requests returns the number of requests the function sends with the
// parameter: 0, 1, or 2 for several or unknown.
func (sum borrowSummary) requests() int {
	switch {
	case sum.opaque || len(sum.uses) > 1 || len(sum.uses) == 1 && sum.usedInLoop:
		return 2
	case len(sum.uses) == 1:
		return 1
	}
	return 0
}

// mayHold reports whether a value of type t may hold a reference to a
// pool: pointers, interfaces, structs, functions, containers; not errors,
// responses, rows, strings, numbers.
func mayHold(t types.Type) bool {
	if nethttp.IsResponse(t) || nethttp.IsRequest(t) ||
		nethttp.IsPointerTo(t, nethttp.SQL, "Rows") || nethttp.IsPointerTo(t, nethttp.SQL, "Row") ||
		nethttp.IsNamed(t, nethttp.SQL, "Result") || types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return false
	case *types.Slice:
		return mayHold(u.Elem())
	case *types.Array:
		return mayHold(u.Elem())
	}
	return true
}

// selector follows the pool, or a value that holds it, into the
// selector expression at cur, whose X it is: a method call, a method
// value or a field.
func (f *flow) selector(cur inspector.Cursor, direct bool) {
	info := f.c.pass.TypesInfo
	sel := cur.Node().(*ast.SelectorExpr)
	s := info.Selections[sel]
	if s == nil {
		f.escape()
		return
	}
	if s.Kind() != types.MethodVal {
		// A field: written (configuration) or read (what it holds).
		switch cur.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X:
			if id, ok := sel.X.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && !f.lt.vars[v] {
					return // a field of a value that holds it (client.Transport = t)
				}
			}
			f.lt.mutated = true // the pool's configuration, or part of it
			if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && dialFields[sel.Sel.Name] &&
				len(as.Lhs) == len(as.Rhs) && nethttp.IsTransport(info.TypeOf(sel.X)) {
				if f.c.boundDial(as.Rhs[cur.ParentEdgeIndex()]) {
					f.lt.bound = true
				}
			}
			return
		}
		if mayHold(s.Type()) {
			f.value(cur, false)
		}
		return
	}
	if cur.ParentEdgeKind() != edge.CallExpr_Fun {
		if direct && requestMethod(s) {
			// do := c.Do; send(c.Do, req): each call of the
			// value is a request, followed like the pool itself.
			f.value(cur, true)
			return
		}
		f.opaqueUse(cur) // a method value, e.g. client.Do passed along
		return
	}
	call := cur.Parent()
	fn, _ := s.Obj().(*types.Func)
	name := fn.Name()
	recv := s.Recv()
	switch {
	case nethttp.IsClient(recv) || nethttp.IsNamed(recv, nethttp.HTTP, "Client"):
		switch name {
		case "Do", "Get", "Post", "PostForm", "Head":
			f.use(call)
		case "CloseIdleConnections":
			f.close(call)
		}
	case nethttp.IsTransport(recv) || nethttp.IsNamed(recv, nethttp.HTTP, "Transport"):
		switch name {
		case "RoundTrip":
			f.use(call)
		case "CloseIdleConnections":
			f.close(call)
		case "Clone":
			// a new pool, reported on its own
		default:
			f.lt.mutated = true // RegisterProtocol
		}
	case nethttp.IsSQLDB(recv):
		switch name {
		case "Close":
			f.close(call)
		case "SetMaxOpenConns", "SetMaxIdleConns", "SetConnMaxLifetime", "SetConnMaxIdleTime":
			f.lt.mutated = true
		case "Stats", "Driver":
		default:
			f.use(call)
		}
	default:
		switch {
		case name == "Close" || name == "CloseIdleConnections":
			f.close(call)
		case direct:
			// A request through the pool itself (redis Get, gRPC
			// Invoke); what it returns (a row, a command, a channel)
			// is followed for escapes only.
			f.use(call)
			derived := f.derived
			f.derived = true
			f.callResults(call)
			f.derived = derived
		case fn.Pkg() == f.c.pass.Pkg && f.receiver(call, fn):
			// a method of this package on a value that holds it
			// (&wrapper{client: c}): followed into the method
		case f.callResults(call):
			// a value derived from it: followed
		default:
			f.opaqueUse(call)
		}
	}
}

// close records that the call at cur closes the pool. Deferred in a loop
// of the function itself, the pool lives until that function returns.
func (f *flow) close(cur inspector.Cursor) {
	f.lt.closed = true
	if cur.ParentEdgeKind() != edge.DeferStmt_Call {
		return
	}
	if fn, _ := enclosingFunc(cur); fn != f.fn {
		return
	}
	for p := cur.Parent(); p != f.fn; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			f.lt.kept = true // deferred in a loop: each iteration's pool lives on
			return
		}
	}
}

// use records a request sent with the pool at cur.
func (f *flow) use(cur inspector.Cursor) {
	if !f.sameInvocation(cur) {
		f.escape()
		return
	}
	if f.derived {
		return
	}
	f.lt.uses = append(f.lt.uses, cur)
}

// opaqueUse records a use of the pool at cur that may send any number of
// requests.
func (f *flow) opaqueUse(cur inspector.Cursor) {
	if !f.sameInvocation(cur) {
		f.escape()
		return
	}
	if f.derived {
		return
	}
	f.lt.opaque = true
}

// requestMethod reports whether the method selection s sends one request
// with an http.Client or Transport.
func requestMethod(s *types.Selection) bool {
	recv := s.Recv()
	switch s.Obj().Name() {
	case "Do", "Get", "Post", "PostForm", "Head":
		return nethttp.IsClient(recv) || nethttp.IsNamed(recv, nethttp.HTTP, "Client")
	case "RoundTrip":
		return nethttp.IsTransport(recv) || nethttp.IsNamed(recv, nethttp.HTTP, "Transport")
	}
	return false
}
