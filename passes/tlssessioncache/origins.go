package tlssessioncache

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

// uncachedConfig is the fact that a function returns, at result Index,
// only *tls.Config values it builds itself from a literal without a
// ClientSessionCache (or nil), none of them handed to code that could add
// one, and none already reported in its own package. A caller in another
// package that makes the result client-side is reported at the call.
// VerifyPeer records that a returned config sets VerifyPeerCertificate
// without VerifyConnection, so no cache may simply be added.
type uncachedConfig struct {
	Index      int
	VerifyPeer bool
}

func (*uncachedConfig) AFact() {}

func (f *uncachedConfig) String() string {
	s := "uncachedConfig"
	if f.Index != 0 {
		s += "#" + strconv.Itoa(f.Index)
	}
	if f.VerifyPeer {
		s += "(verifyPeerCertificate)"
	}
	return s
}

// An origin is where a config is created: a tls.Config literal, or a
// call of another package's function with the uncachedConfig fact.
type origin struct {
	cur  inspector.Cursor
	lit  *ast.CompositeLit // or nil
	new  *ast.CallExpr     // new(tls.Config), or nil
	call *ast.CallExpr     // or nil
	fn   *types.Func       // the callee of call
	fact *uncachedConfig   // the callee's fact
}

// collect indexes, in one pass, the config variables' identifiers, the
// calls of this package's config-returning functions, and the origins.
func (a *checker) collect(in *inspector.Inspector) {
	var tests []inspector.Cursor
	for file := range in.Root().Children() {
		if nethttp.IsTestFile(a.pass.Fset, file.Node().(*ast.File)) {
			tests = append(tests, file)
			continue
		}
		a.collectFile(file, false)
	}
	// Test files add only uses of variables, which matter only for an
	// origin or a config-returning function found outside them.
	if len(a.origins) == 0 && len(a.decls) == 0 {
		return
	}
	for _, file := range tests {
		a.collectFile(file, true)
	}
}

// collectFile is collect for one file. In a test file only the uses of
// variables count: tests build clients that live for one test, and their
// configs and calls are not reported.
func (a *checker) collectFile(file inspector.Cursor, test bool) {
	info := a.pass.TypesInfo
	for cur := range file.Preorder((*ast.Ident)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := cur.Node().(*ast.Ident); test && !ok {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && a.ownField(v) {
				if !test {
					a.fieldUses[v] = append(a.fieldUses[v], cur)
				}
			} else if ok && !v.IsField() && isConfig(v.Type()) {
				if test {
					a.testUses[v] = append(a.testUses[v], cur)
					continue
				}
				a.uses[v] = append(a.uses[v], cur)
			} else if v, ok := info.Defs[n].(*types.Var); ok && !v.IsField() && isConfig(v.Type()) {
				a.defs[v] = cur
			}
		case *ast.CallExpr:
			if a.isNewConfig(n) {
				a.origins = append(a.origins, origin{cur: cur, new: n})
				continue
			}
			fn := nethttp.Callee(info, n)
			if fn == nil {
				continue
			}
			fn = fn.Origin()
			if fn.Pkg() == a.pass.Pkg {
				if configResult(fn) >= 0 {
					a.calls[fn] = append(a.calls[fn], cur)
				}
			} else if fact := new(uncachedConfig); fn.Pkg() != nil && a.pass.ImportObjectFact(fn, fact) {
				a.origins = append(a.origins, origin{cur: cur, call: n, fn: fn, fact: fact})
			}
		case *ast.CompositeLit:
			if nethttp.IsNamed(info.TypeOf(n), nethttp.TLS, "Config") {
				a.origins = append(a.origins, origin{cur: cur, lit: n})
			}
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				a.bodies[fn] = true
				if configResult(fn) >= 0 {
					a.decls = append(a.decls, cur)
				}
			}
		}
	}
}

// freshAssign reports whether the identifier at id, on the left of an
// assignment or in a var spec, receives a fresh config: a literal, the
// result of a call, nil, or nothing.
func (a *checker) freshAssign(id inspector.Cursor) bool {
	parent, kind, idx := edit.Up(id)
	var rhs []ast.Expr
	n := 0
	switch kind {
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
			return false
		}
		rhs, n = as.Rhs, len(as.Lhs)
	case edge.ValueSpec_Names:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Values) == 0 {
			return true
		}
		rhs, n = vs.Values, len(vs.Names)
	default:
		return false
	}
	if len(rhs) != n {
		call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
		return ok && a.freshCall(call)
	}
	e := nethttp.Unaddr(rhs[idx])
	switch e := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		return a.isNewConfig(e) || a.freshCall(e)
	}
	return a.isNil(e)
}

// isNewConfig reports whether call is new(tls.Config).
func (a *checker) isNewConfig(call *ast.CallExpr) bool {
	return nethttp.IsNew(a.pass.TypesInfo, call) && len(call.Args) == 1 &&
		nethttp.IsNamed(a.pass.TypesInfo.TypeOf(call.Args[0]), nethttp.TLS, "Config")
}

// freshCall reports whether call returns configs whose origins this
// analysis sees: a call of this package's function returning a config,
// or of another package's function with the uncachedConfig fact.
func (a *checker) freshCall(call *ast.CallExpr) bool {
	fn := nethttp.Callee(a.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == a.pass.Pkg {
		return configResult(fn) >= 0
	}
	return fn.Pkg() != nil && a.pass.ImportObjectFact(fn, new(uncachedConfig))
}

// freshness summarizes the configs a function returns.
type freshness struct {
	ok         bool // every returned config is fresh, without a cache, and unreported
	nonNil     bool // at least one returned value is not nil
	verifyPeer bool // one sets VerifyPeerCertificate without VerifyConnection
}

func (f *freshness) and(g freshness) {
	f.ok = f.ok && g.ok
	f.nonNil = f.nonNil || g.nonNil
	f.verifyPeer = f.verifyPeer || g.verifyPeer
}

// exportFacts exports uncachedConfig for this package's functions whose
// every returned config is fresh and has no cache.
func (a *checker) exportFacts() {
	for _, d := range a.decls {
		fn := a.pass.TypesInfo.Defs[d.Node().(*ast.FuncDecl).Name].(*types.Func)
		if fn.Name() == "_" {
			continue
		}
		if f := a.funcFresh(fn); f.ok && f.nonNil {
			a.pass.ExportObjectFact(fn, &uncachedConfig{Index: configResult(fn), VerifyPeer: f.verifyPeer})
		}
	}
}

// funcFresh computes, once, the freshness of fn's config result.
func (a *checker) funcFresh(fn *types.Func) freshness {
	if f, ok := a.fresh[fn]; ok {
		return *f
	}
	a.fresh[fn] = &freshness{} // not fresh while in progress (recursion)
	var decl inspector.Cursor
	for _, d := range a.decls {
		if a.pass.TypesInfo.Defs[d.Node().(*ast.FuncDecl).Name] == fn {
			decl = d
		}
	}
	f := freshness{ok: decl.Valid()}
	idx, n := configResult(fn), fn.Signature().Results().Len()
	if f.ok {
		decl.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(c inspector.Cursor) bool {
			ret, ok := c.Node().(*ast.ReturnStmt)
			if !ok {
				return false // a closure's returns are not fn's
			}
			switch {
			case len(ret.Results) == n:
				f.and(a.exprFresh(c.ChildAt(edge.ReturnStmt_Results, idx), make(map[*types.Var]bool)))
			case len(ret.Results) == 1 && n > 1:
				f.and(a.callFresh(c.ChildAt(edge.ReturnStmt_Results, 0), idx))
			default:
				f.ok = false // a bare return of named results
			}
			return false
		})
	}
	*a.fresh[fn] = f
	return f
}

// exprFresh is the freshness of the config value of the expression at cur.
func (a *checker) exprFresh(cur inspector.Cursor, seen map[*types.Var]bool) freshness {
	info := a.pass.TypesInfo
	e := nethttp.Unaddr(cur.Node().(ast.Expr))
	if a.isNil(e) {
		return freshness{ok: true}
	}
	if ec, ok := cur.FindNode(e); ok {
		cur = ec
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		if !isConfig(info.TypeOf(e)) || a.reported[e] {
			return freshness{}
		}
		s := a.segs[e]
		if s == nil {
			return freshness{}
		}
		verifyPeer, verifyConn := s.verifyPeer, s.verifyConn
		for _, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch keyName(kv) {
			case "ClientSessionCache":
				return freshness{}
			case "VerifyPeerCertificate":
				verifyPeer = verifyPeer || !a.isNil(kv.Value)
			case "VerifyConnection":
				verifyConn = verifyConn || !a.isNil(kv.Value)
			}
		}
		return freshness{ok: !s.unknown && !s.mixed && !s.cache, nonNil: true, verifyPeer: verifyPeer && !verifyConn}
	case *ast.CallExpr:
		if a.isNewConfig(e) {
			s := a.segs[e]
			if s == nil || a.reported[e] {
				return freshness{}
			}
			return freshness{ok: !s.unknown && !s.mixed && !s.cache, nonNil: true, verifyPeer: s.verifyPeer && !s.verifyConn}
		}
		return a.callFresh(cur, -1)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || seen[v] {
			return freshness{ok: ok}
		}
		seen[v] = true
		f := freshness{ok: true}
		sites := append([]inspector.Cursor(nil), a.uses[v]...)
		if def, ok := a.defs[v]; ok {
			sites = append(sites, def)
		} else {
			return freshness{} // declared elsewhere: a package variable of another file, ...
		}
		for _, site := range sites {
			parent, kind, i := edit.Up(site)
			switch kind {
			case edge.AssignStmt_Lhs:
				as := parent.Node().(*ast.AssignStmt)
				if len(as.Rhs) == len(as.Lhs) {
					f.and(a.exprFresh(parent.ChildAt(edge.AssignStmt_Rhs, i), seen))
				} else {
					f.and(a.callFresh(parent.ChildAt(edge.AssignStmt_Rhs, 0), i))
				}
			case edge.ValueSpec_Names:
				vs := parent.Node().(*ast.ValueSpec)
				switch {
				case len(vs.Values) == 0:
				case len(vs.Values) == len(vs.Names):
					f.and(a.exprFresh(parent.ChildAt(edge.ValueSpec_Values, i), seen))
				default:
					f.and(a.callFresh(parent.ChildAt(edge.ValueSpec_Values, 0), i))
				}
			case edge.Field_Names, edge.RangeStmt_Key, edge.RangeStmt_Value:
				f.ok = false
			}
		}
		return f
	}
	return freshness{}
}

// callFresh is the freshness of result idx (-1: the only result) of the
// call at cur: the callee's freshness, provided the caller's own handling
// of the value (in cur's function) adds no cache and hands it to no
// unknown code.
func (a *checker) callFresh(cur inspector.Cursor, idx int) freshness {
	call, ok := ast.Unparen(cur.Node().(ast.Expr)).(*ast.CallExpr)
	if !ok {
		return freshness{}
	}
	fn := nethttp.Callee(a.pass.TypesInfo, call)
	if fn == nil {
		return freshness{}
	}
	fn = fn.Origin()
	if idx < 0 {
		idx = 0
	}
	var f freshness
	if fn.Pkg() == a.pass.Pkg {
		if configResult(fn) != idx {
			return freshness{}
		}
		f = a.funcFresh(fn)
	} else if fact := new(uncachedConfig); fn.Pkg() != nil && a.pass.ImportObjectFact(fn, fact) && fact.Index == idx {
		if a.reported[call] {
			return freshness{}
		}
		f = freshness{ok: true, nonNil: true, verifyPeer: fact.VerifyPeer}
	} else {
		return freshness{}
	}
	s := new(segment)
	seen := make(map[*types.Var]bool)
	if fn.Signature().Results().Len() > 1 {
		a.tuple(cur, idx, s, seen)
	} else {
		a.value(cur, s, seen)
	}
	f.ok = f.ok && !s.unknown && !s.mixed && !s.cache
	f.verifyPeer = f.verifyPeer || (s.verifyPeer && !s.verifyConn)
	return f
}

// returnsOnlyFresh reports whether every config fn returns is built by fn
// (a literal, a call whose origins this analysis sees, nil, or a local
// variable assigned only such values).
func (a *checker) returnsOnlyFresh(fn *types.Func) bool {
	if ok, done := a.onlyFresh[fn]; done {
		return ok
	}
	a.onlyFresh[fn] = false // while in progress
	var decl inspector.Cursor
	for _, d := range a.decls {
		if a.pass.TypesInfo.Defs[d.Node().(*ast.FuncDecl).Name] == fn {
			decl = d
		}
	}
	ok := decl.Valid()
	idx, n := configResult(fn), fn.Signature().Results().Len()
	if ok {
		decl.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(c inspector.Cursor) bool {
			ret, isRet := c.Node().(*ast.ReturnStmt)
			switch {
			case !isRet:
			case len(ret.Results) == n:
				ok = ok && a.builtHere(ret.Results[idx])
			case len(ret.Results) == 1 && n > 1:
				call, isCall := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
				ok = ok && isCall && a.freshCall(call)
			default:
				ok = false
			}
			return false
		})
	}
	a.onlyFresh[fn] = ok
	return ok
}

// builtHere reports whether e is a config built where it is used: nil, a
// literal, a fresh call, or a local variable assigned only those.
func (a *checker) builtHere(e ast.Expr) bool {
	switch e := nethttp.Unaddr(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		return a.isNewConfig(e) || a.freshCall(e)
	case *ast.Ident:
		v, ok := a.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return a.isNil(e)
		}
		def, ok := a.defs[v]
		if !ok {
			return false
		}
		if k, _ := def.ParentEdge(); k != edge.AssignStmt_Lhs && k != edge.ValueSpec_Names || !a.freshAssign(def) {
			return false
		}
		for _, use := range a.uses[v] {
			if k, _ := use.ParentEdge(); k == edge.AssignStmt_Lhs && !a.freshAssign(use) {
				return false
			}
		}
		return true
	}
	return a.isNil(e)
}
