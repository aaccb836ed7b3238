package tlssessioncache

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// A segment is what happens to one config object inside one function
// (and the variables it is stored in): whether it reaches a client, is
// handed to unknown code, gets a cache or a verification callback
// assigned, and which functions return it.
//
// client is a use by a long-lived client (a Transport, a Dialer kept for
// later); perConn a use by one connection (tls.Dial, tls.Client, a
// Dialer built for one dial, smtp StartTLS), and traffic that one such
// connection carries data, outside main, init and test helpers (not a
// probe that only handshakes and closes). mixed records that a variable
// holding the config may hold a config from elsewhere too (a parameter's,
// a clone): the literal is then a fallback, which only a per-connection
// use reports.
type segment struct {
	client, perConn, traffic      bool
	longClient                    bool // a client use may outlive its function (see shortLivedTransport)
	unknown, mixed                bool
	stored                        bool // kept in a struct field reached through a pointer (see followField)
	cache, verifyPeer, verifyConn bool
	clientCert                    bool               // Certificates or GetClientCertificate assigned
	tickets                       []inspector.Cursor // cfg.SessionTicketsDisabled = true statements
	returns                       []result
}

type result struct {
	fn  *types.Func
	idx int
}

// segment returns the segment of the object created at o, computed once.
func (a *checker) segment(o origin) *segment {
	n := o.cur.Node()
	if s, ok := a.segs[n]; ok {
		return s
	}
	s := new(segment)
	a.segs[n] = s
	seen := make(map[*types.Var]bool)
	if o.call != nil && o.fn.Signature().Results().Len() > 1 {
		a.tuple(o.cur, o.fact.Index, s, seen)
	} else {
		a.value(o.cur, s, seen)
	}
	return s
}

// expand merges into a copy of root the segments of the callers that
// receive the object through returns, in this package. A caller that
// hands the object to unknown code contributes no client use, but its
// cache and verification assignments still count, to stay on the safe
// side.
func (a *checker) expand(root *segment) segment {
	total := *root
	total.tickets = append([]inspector.Cursor(nil), root.tickets...)
	seen := make(map[result]bool)
	queue := append([]result(nil), root.returns...)
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		if seen[r] || !a.returnsOnlyFresh(r.fn) {
			// A function that may also return a config it did not
			// build (a clone, a parameter): its literal is a
			// fallback, and the caller's config decides.
			continue
		}
		seen[r] = true
		for _, call := range a.calls[r.fn] {
			s := new(segment)
			vars := make(map[*types.Var]bool)
			if r.fn.Signature().Results().Len() > 1 {
				a.tuple(call, r.idx, s, vars)
			} else {
				a.value(call, s, vars)
			}
			total.cache = total.cache || s.cache
			total.verifyPeer = total.verifyPeer || s.verifyPeer
			total.verifyConn = total.verifyConn || s.verifyConn
			total.clientCert = total.clientCert || s.clientCert
			if s.unknown {
				continue
			}
			total.client = total.client || s.client
			total.longClient = total.longClient || s.longClient
			total.perConn = total.perConn || s.perConn
			total.traffic = total.traffic || s.traffic
			total.mixed = total.mixed || s.mixed
			total.tickets = append(total.tickets, s.tickets...)
			queue = append(queue, s.returns...)
		}
	}
	return total
}

// value records in s what happens to the config that the expression at
// cur evaluates to (a *tls.Config, or a tls.Config whose address is
// taken).
func (a *checker) value(cur inspector.Cursor, s *segment, seen map[*types.Var]bool) {
	info := a.pass.TypesInfo
	parent, kind, idx := edit.Up(cur)
	switch kind {
	case edge.UnaryExpr_X:
		if parent.Node().(*ast.UnaryExpr).Op == token.AND {
			a.value(parent, s, seen)
			return
		}
	case edge.KeyValueExpr_Value:
		kv := parent.Node().(*ast.KeyValueExpr)
		if key, ok := kv.Key.(*ast.Ident); ok {
			field := info.Uses[key]
			if nethttp.IsField(field, nethttp.TLS, "Dialer", "Config") {
				if dials, ok := a.dialerDials(parent.Parent()); ok {
					a.perConnUse(dials, s)
					return
				}
			}
			if v, ok := field.(*types.Var); ok && a.ownField(v) {
				// &T{F: cfg} is kept; T{F: cfg} may be a value for one call.
				k, _ := parent.Parent().ParentEdge()
				kept := k == edge.UnaryExpr_X && parent.Parent().Parent().Node().(*ast.UnaryExpr).Op == token.AND
				a.followField(v, parent.ChildAt(edge.KeyValueExpr_Key, -1), kept, s, seen)
				return
			}
			a.sink(field, parent, s)
			return
		}
	case edge.CallExpr_Args:
		call := parent
		fn := nethttp.Callee(info, call.Node().(*ast.CallExpr))
		switch {
		case nethttp.ConnTLSConfigArg(fn) == idx:
			a.perConnUse([]inspector.Cursor{call}, s)
			return
		case nethttp.IsServerTLSConfigArg(fn, idx):
			return // server side
		}
		if param := a.paramOf(fn, idx); param != nil {
			// A helper of this package (lib/pq's sslClientCertificates(
			// tlsConf, ...)): what it does with its parameter happens to
			// the config.
			a.follow(param, a.defs[param], s, seen)
			return
		}
	case edge.SelectorExpr_X:
		a.selector(parent, s)
		return
	case edge.ReturnStmt_Results:
		ret := parent.Node().(*ast.ReturnStmt)
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if fd, ok := fc.Node().(*ast.FuncDecl); ok {
				fn, _ := info.Defs[fd.Name].(*types.Func)
				if fn != nil && fn.Signature().Results().Len() == len(ret.Results) && configResult(fn) == idx {
					s.returns = append(s.returns, result{fn, idx})
					return
				}
			}
			break // a closure's result: unknown
		}
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			a.store(parent.ChildAt(edge.AssignStmt_Lhs, idx), s, seen)
			return
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			a.follow(info.Defs[vs.Names[idx]], parent.ChildAt(edge.ValueSpec_Names, idx), s, seen)
			return
		}
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return // cfg == nil
	}
	s.unknown = true
}

// tuple is value for the idx-th result of the multi-value call at cur.
func (a *checker) tuple(cur inspector.Cursor, idx int, s *segment, seen map[*types.Var]bool) {
	info := a.pass.TypesInfo
	parent, kind, _ := edit.Up(cur)
	switch kind {
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Rhs) == 1 && idx < len(as.Lhs) {
			a.store(parent.ChildAt(edge.AssignStmt_Lhs, idx), s, seen)
			return
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Values) == 1 && idx < len(vs.Names) {
			a.follow(info.Defs[vs.Names[idx]], parent.ChildAt(edge.ValueSpec_Names, idx), s, seen)
			return
		}
	case edge.ReturnStmt_Results:
		ret := parent.Node().(*ast.ReturnStmt)
		for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if fd, ok := fc.Node().(*ast.FuncDecl); ok && len(ret.Results) == 1 {
				fn, _ := info.Defs[fd.Name].(*types.Func)
				if fn != nil && configResult(fn) == idx {
					s.returns = append(s.returns, result{fn, idx})
					return
				}
			}
			break
		}
	}
	s.unknown = true
}

// sink records the config stored into field at cur (a key-value element
// of a literal, or the left-hand side of an assignment): a client's or a
// server's config, or anything else (unknown).
func (a *checker) sink(field types.Object, cur inspector.Cursor, s *segment) {
	switch {
	case nethttp.IsField(field, nethttp.HTTP, "Transport", "TLSClientConfig"):
		s.client = true
		s.longClient = s.longClient || !a.shortLivedTransport(cur)
	case nethttp.IsField(field, nethttp.TLS, "Dialer", "Config"),
		nethttp.IsField(field, "golang.org/x/net/http2", "Transport", "TLSClientConfig"):
		s.client = true
		s.longClient = true
	case nethttp.IsField(field, nethttp.HTTP, "Server", "TLSConfig"),
		nethttp.IsField(field, nethttp.HTTPTest, "Server", "TLS"):
		// server side
	default:
		s.unknown = true
	}
}

// store records the config assigned to the left-hand side at cur.
func (a *checker) store(cur inspector.Cursor, s *segment, seen map[*types.Var]bool) {
	switch lhs := ast.Unparen(cur.Node().(ast.Expr)).(type) {
	case *ast.Ident:
		if lhs.Name == "_" {
			return
		}
		a.follow(a.pass.TypesInfo.ObjectOf(lhs), cur, s, seen)
	case *ast.SelectorExpr:
		if v, ok := a.pass.TypesInfo.Uses[lhs.Sel].(*types.Var); ok && a.ownField(v) {
			// p.F = cfg through a pointer is kept; s.F of a struct value
			// may live for one call.
			_, kept := types.Unalias(a.pass.TypesInfo.TypeOf(lhs.X)).(*types.Pointer)
			a.followField(v, cur.ChildAt(edge.SelectorExpr_Sel, -1), kept, s, seen)
			return
		}
		if !a.owned(lhs.X) || a.nilCheckDefault(cur) {
			// A default filled into a Transport or Dialer this
			// function received (http2's configureTransports sets
			// t1.TLSClientConfig = new(tls.Config)), or into a
			// transport it did not build, when it has none
			// (opensearch-go: if tr.TLSClientConfig == nil {...} on
			// a clone of the caller's): its owner decides.
			s.unknown = true
			return
		}
		a.sink(a.pass.TypesInfo.Uses[lhs.Sel], cur, s)
	default:
		s.unknown = true
	}
}

// nilCheckDefault reports whether the assignment to lhs (x.F = cfg) is the
// body of if x.F == nil, with x a transport derived from a parameter.
func (a *checker) nilCheckDefault(lhs inspector.Cursor) bool {
	as, kind, _ := edit.Up(lhs)
	if kind != edge.AssignStmt_Lhs {
		return false
	}
	block, kind, _ := edit.Up(as)
	if kind != edge.BlockStmt_List {
		return false
	}
	ifs, kind, _ := edit.Up(block)
	if kind != edge.IfStmt_Body {
		return false
	}
	cond, ok := ast.Unparen(ifs.Node().(*ast.IfStmt).Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL {
		return false
	}
	target := types.ExprString(lhs.Node().(ast.Expr))
	checked := cond.X
	if !a.isNil(cond.Y) {
		if !a.isNil(cond.X) {
			return false
		}
		checked = cond.Y
	}
	if types.ExprString(checked) != target {
		return false
	}
	sel := ast.Unparen(lhs.Node().(ast.Expr)).(*ast.SelectorExpr)
	fn := enclosingFunc(lhs)
	return fn.Valid() && a.fromParam(sel.X, fn, make(map[*types.Var]bool))
}

// fromParam reports whether e, a transport, is derived from a parameter
// of fn (cfg.Transport.(*http.Transport), its Clone(), a local variable
// assigned only such values): the caller's transport. A receiver's
// transport (resty's c.Transport()) belongs to the package's own type.
func (a *checker) fromParam(e ast.Expr, fn inspector.Cursor, seen map[*types.Var]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr:
		return a.fromParam(e.X, fn, seen)
	case *ast.SelectorExpr:
		return a.fromParam(e.X, fn, seen)
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Clone" && len(e.Args) == 0 && a.fromParam(sel.X, fn, seen)
	case *ast.Ident:
		v, ok := a.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if seen[v] {
			return true // t = t.Clone(): decided by t's other values
		}
		seen[v] = true
		if v.Kind() == types.ParamVar {
			return !a.isReceiver(v, fn)
		}
		return a.assignedFromParam(v, fn, seen)
	}
	return false
}

// isReceiver reports whether v is the receiver of the method fn.
func (a *checker) isReceiver(v *types.Var, fn inspector.Cursor) bool {
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return false
	}
	f, ok := a.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	return ok && f.Signature().Recv() == v
}

// assignedFromParam reports whether every value assigned to the local
// variable v in fn is derived from a parameter (see fromParam).
func (a *checker) assignedFromParam(v *types.Var, fn inspector.Cursor, seen map[*types.Var]bool) bool {
	values, ok := a.valuesOf(v, fn)
	if !ok || len(values) == 0 {
		return false
	}
	for _, rhs := range values {
		if !a.fromParam(rhs, fn, seen) {
			return false
		}
	}
	return true
}

// selector records a use of the config as the operand of sel: a field
// read (nothing), a field assignment, a method call (tls.Config's methods
// never set a client cache), or a field's address (unknown).
func (a *checker) selector(cur inspector.Cursor, s *segment) {
	sel := cur.Node().(*ast.SelectorExpr)
	selection := a.pass.TypesInfo.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return
	}
	parent, kind, idx := edit.Up(cur)
	switch kind {
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		var rhs ast.Expr
		if len(as.Lhs) == len(as.Rhs) {
			rhs = as.Rhs[idx]
		}
		switch sel.Sel.Name {
		case "ClientSessionCache":
			s.cache = true
		case "VerifyPeerCertificate":
			s.verifyPeer = s.verifyPeer || rhs == nil || !a.isNil(rhs)
		case "VerifyConnection":
			s.verifyConn = s.verifyConn || (rhs != nil && !a.isNil(rhs))
		case "Certificates", "GetClientCertificate":
			s.clientCert = true
		case "SessionTicketsDisabled":
			if rhs != nil && nethttp.IsTrue(a.pass.TypesInfo, rhs) && len(as.Lhs) == 1 {
				s.tickets = append(s.tickets, parent)
			}
		}
	case edge.UnaryExpr_X:
		if parent.Node().(*ast.UnaryExpr).Op == token.AND {
			s.unknown = true
		}
	}
}

// follow records the uses of the variable obj, which holds the config
// since the assignment to the identifier at from. Every other value
// assigned to it must be a fresh config too (a literal, a call whose
// origins this analysis sees, nil), or the uses may concern another
// object: unknown.
func (a *checker) follow(obj types.Object, from inspector.Cursor, s *segment, seen map[*types.Var]bool) {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() != a.pass.Pkg || !isConfig(v.Type()) ||
		(v.Parent() == a.pass.Pkg.Scope() && v.Exported()) {
		s.unknown = true
		return
	}
	if seen[v] {
		return
	}
	seen[v] = true
	// Another config in the variable makes the literal a fallback when
	// one of the two assignments is conditional (if cfg == nil { cfg =
	// &tls.Config{...} }); when neither is, one overwrites the other.
	fromCond := edit.Conditional(from)
	other := func(site inspector.Cursor) bool {
		if !fromCond && !edit.Conditional(site) {
			s.unknown = true
			return false
		}
		s.mixed = true
		return true
	}
	if def, ok := a.defs[v]; ok && def != from {
		switch k, _ := def.ParentEdge(); k {
		case edge.AssignStmt_Lhs, edge.ValueSpec_Names:
			if !a.freshAssign(def) && !other(def) {
				return
			}
		case edge.Field_Names: // a parameter
			if !other(def) {
				return
			}
		default:
			s.unknown = true // a range variable, ...
			return
		}
	}
	for _, use := range a.uses[v] {
		if k, _ := use.ParentEdge(); k == edge.AssignStmt_Lhs {
			if use != from && !a.freshAssign(use) && !other(use) {
				return
			}
			continue
		}
		a.value(use, s, seen)
	}
	for _, use := range a.testUses[v] {
		t := new(segment)
		if k, _ := use.ParentEdge(); k == edge.AssignStmt_Lhs {
			t.mixed = !a.freshAssign(use)
		} else {
			a.value(use, t, seen)
		}
		s.unknown = s.unknown || t.unknown
		s.mixed = s.mixed || t.mixed
		s.cache = s.cache || t.cache
		s.verifyPeer = s.verifyPeer || t.verifyPeer
		s.verifyConn = s.verifyConn || t.verifyConn
		s.clientCert = s.clientCert || t.clientCert
	}
}

// paramOf returns the parameter of fn that receives the idx-th argument
// of a call, when fn is a function or method declared with a body in this
// package (outside tests), or nil.
func (a *checker) paramOf(fn *types.Func, idx int) *types.Var {
	if fn == nil || !a.bodies[fn.Origin()] {
		return nil
	}
	sig := fn.Origin().Signature()
	if idx >= sig.Params().Len() || sig.Variadic() && idx >= sig.Params().Len()-1 {
		return nil
	}
	return sig.Params().At(idx)
}

// ownField reports whether v is a config field of a struct type of this
// package (c.tlsConfig, cfg.TLS).
func (a *checker) ownField(v *types.Var) bool {
	return v.IsField() && v.Pkg() == a.pass.Pkg && isConfig(v.Type())
}

// followField records the uses of the config field f, which holds the
// config since the store at from (the field's name in an assignment or a
// composite literal): every read of f in this package's non-test code.
// kept says the struct is reached through a pointer (c.tls = cfg with c a
// *T, &T{tls: cfg}): it outlives the function that fills it, the config
// serves every connection dialed with it, and one cache in the literal
// serves them all (stored). Any other store puts another config there (a
// caller's, a clone, a registered one): the literal is then one of
// several (mixed), which only a per-connection use reports. Reads
// elsewhere (another package, tests) are not seen; the literal is still
// the one this package dials with.
func (a *checker) followField(f *types.Var, from inspector.Cursor, kept bool, s *segment, seen map[*types.Var]bool) {
	s.stored = s.stored || kept
	if seen[f] {
		return
	}
	seen[f] = true
	for _, use := range a.fieldUses[f] {
		if use == from {
			continue
		}
		parent, kind, _ := edit.Up(use)
		switch kind {
		case edge.KeyValueExpr_Key:
			s.mixed = true // another literal of the struct type
			continue
		case edge.SelectorExpr_Sel:
			if k, _ := parent.ParentEdge(); k == edge.AssignStmt_Lhs {
				s.mixed = true // another store
				continue
			}
			a.value(parent, s, seen)
		default:
			s.unknown = true
		}
	}
}

// owned reports whether e, the operand of a field assignment, is a local
// or package variable of this package (not a parameter or a receiver).
func (a *checker) owned(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && v.Pkg() == a.pass.Pkg && (v.Kind() == types.LocalVar || v.Kind() == types.PackageVar)
}
