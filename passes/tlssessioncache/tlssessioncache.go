package tlssessioncache

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	rdoc "github.com/reuselint/reuselint/internal/doc"
	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/lazyinspect"
	"github.com/reuselint/reuselint/internal/nethttp"
)

//go:embed doc.go
var doc string

// Analyzer is the tlssessioncache check with its default settings.
var Analyzer = New()

// New returns a fresh tlssessioncache analyzer.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "tlssessioncache",
		Doc:       rdoc.MustExtract(doc, "tlssessioncache"),
		URL:       rdoc.URL("tlssessioncache"),
		Requires:  []*analysis.Analyzer{lazyinspect.Analyzer},
		FactTypes: []analysis.Fact{new(uncachedConfig)},
		Run:       run,
	}
}

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

const (
	msgNoCache       = "tls.Config used by a client has no ClientSessionCache: every new connection does a full TLS handshake instead of resuming a session"
	msgVerify        = "tls.Config used by a client has no ClientSessionCache, but resumed sessions would skip its VerifyPeerCertificate: move that verification to VerifyConnection before adding a session cache"
	msgForeign       = "tls.Config returned by %s is used by a client without a ClientSessionCache: every new connection does a full TLS handshake instead of resuming a session"
	msgForeignVerify = "tls.Config returned by %s is used by a client without a ClientSessionCache, but resumed sessions would skip its VerifyPeerCertificate: move that verification to VerifyConnection before adding a session cache"
	msgTickets       = "SessionTicketsDisabled on a tls.Config used by a client: every new connection does a full TLS handshake instead of resuming a session"
)

func run(pass *analysis.Pass) (any, error) {
	// A config literal needs crypto/tls; a client sink for a config from
	// another package's function needs net/http or crypto/tls.
	if !nethttp.Imports(pass.Pkg, nethttp.HTTP, nethttp.TLS) {
		return nil, nil
	}
	a := &checker{
		pass:      pass,
		uses:      make(map[*types.Var][]inspector.Cursor),
		testUses:  make(map[*types.Var][]inspector.Cursor),
		defs:      make(map[*types.Var]inspector.Cursor),
		calls:     make(map[*types.Func][]inspector.Cursor),
		segs:      make(map[ast.Node]*segment),
		reported:  make(map[ast.Node]bool),
		fresh:     make(map[*types.Func]*freshness),
		onlyFresh: make(map[*types.Func]bool),
	}
	a.collect(lazyinspect.Inspector(pass))
	for _, o := range a.origins {
		a.check(o)
	}
	a.exportFacts()
	return nil, nil
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

type checker struct {
	pass    *analysis.Pass
	origins []origin
	uses    map[*types.Var][]inspector.Cursor // identifiers using config variables
	// testUses are the uses in test files: they may add a cache or hand
	// the config to unknown code, but do not make it client-side.
	testUses map[*types.Var][]inspector.Cursor
	defs     map[*types.Var]inspector.Cursor    // identifiers declaring them
	calls    map[*types.Func][]inspector.Cursor // calls of this package's functions returning a config
	decls    []inspector.Cursor                 // FuncDecls returning a config
	segs     map[ast.Node]*segment              // origin node -> its segment
	// reported holds the origins and statements already reported.
	reported map[ast.Node]bool
	fresh    map[*types.Func]*freshness
	// onlyFresh caches returnsOnlyFresh.
	onlyFresh map[*types.Func]bool
}

// collect indexes, in one pass, the config variables' identifiers, the
// calls of this package's config-returning functions, and the origins.
func (a *checker) collect(in *inspector.Inspector) {
	for file := range in.Root().Children() {
		a.collectFile(file, nethttp.IsTestFile(a.pass.Fset, file.Node().(*ast.File)))
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
			if v, ok := info.Uses[n].(*types.Var); ok && !v.IsField() && isConfig(v.Type()) {
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
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil && configResult(fn) >= 0 {
				a.decls = append(a.decls, cur)
			}
		}
	}
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

// A segment is what happens to one config object inside one function
// (and the variables it is stored in): whether it reaches a client, is
// handed to unknown code, gets a cache or a verification callback
// assigned, and which functions return it.
type segment struct {
	client, perConn, unknown      bool
	cache, verifyPeer, verifyConn bool
	tickets                       []inspector.Cursor // cfg.SessionTicketsDisabled = true statements
	returns                       []result
}

type result struct {
	fn  *types.Func
	idx int
}

// check reports an origin that reaches a client without a cache.
func (a *checker) check(o origin) {
	root := a.segment(o)
	if root.unknown {
		return
	}
	total := a.expand(root)
	if !total.client && !total.perConn {
		return
	}
	if !total.client && (o.call != nil || a.inFunc(o.cur)) {
		// A config built in a function and used only for single
		// dials lives for one connection: a cache added to it would
		// never be reused, and sharing one is a design change the
		// check cannot see (a one-shot probe such as client-go's
		// GetClientCANames even needs the full handshake).
		return
	}
	verifyPeer, verifyConn := total.verifyPeer, total.verifyConn
	hasCache := total.cache
	ticketsElt := -1
	if o.lit != nil {
		for i, elt := range o.lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch name := keyName(kv); {
			case name == "ClientSessionCache":
				hasCache = true
			case name == "VerifyPeerCertificate" && !a.isNil(kv.Value):
				verifyPeer = true
			case name == "VerifyConnection" && !a.isNil(kv.Value):
				verifyConn = true
			case name == "SessionTicketsDisabled" && nethttp.IsTrue(a.pass.TypesInfo, kv.Value):
				ticketsElt = i
			}
		}
	} else if o.fact != nil {
		verifyPeer = verifyPeer || o.fact.VerifyPeer
	}
	unsafe := verifyPeer && !verifyConn
	if !hasCache {
		a.reportMissing(o, unsafe)
	}
	if unsafe {
		// Removing SessionTicketsDisabled would let resumption skip
		// VerifyPeerCertificate: say nothing about it.
		return
	}
	if ticketsElt >= 0 {
		kv := o.lit.Elts[ticketsElt]
		edit.ReportRemoval(a.pass, kv, msgTickets, "Remove SessionTicketsDisabled", func(src *edit.Source) []analysis.TextEdit {
			return src.DeleteElt(o.lit, ticketsElt)
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

// inFunc reports whether cur is inside a function body.
func (a *checker) inFunc(cur inspector.Cursor) bool {
	for range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return true
	}
	return false
}

func (a *checker) reportMissing(o origin, unsafe bool) {
	if o.call != nil {
		msg := msgForeign
		if unsafe {
			msg = msgForeignVerify
		}
		a.pass.Report(analysis.Diagnostic{Pos: o.call.Pos(), End: o.call.End(), Message: fmt.Sprintf(msg, funcName(o.fn))})
		a.reported[o.call] = true
		return
	}
	n := o.cur.Node()
	a.reported[n] = true
	d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msgNoCache}
	if unsafe {
		d.Message = msgVerify
	} else if name := a.tlsName(n.Pos()); name != "" {
		cache := "ClientSessionCache: " + name + ".NewLRUClientSessionCache(0)"
		var es []analysis.TextEdit
		if o.new != nil {
			// new(tls.Config) becomes a literal with the cache.
			es = []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte("&" + name + ".Config{" + cache + "}")}}
		} else if src, err := edit.NewSource(a.pass, n.Pos()); err == nil {
			es = src.AddElt(o.lit, cache)
		}
		if es != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Add a ClientSessionCache", TextEdits: es}}
		}
	}
	a.pass.Report(d)
}

// tlsName returns the name under which the file at pos imports
// crypto/tls, if that name denotes it at pos, or "".
func (a *checker) tlsName(pos token.Pos) string {
	f := edit.File(a.pass, pos)
	if f == nil {
		return ""
	}
	for _, imp := range f.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err != nil || path != nethttp.TLS {
			continue
		}
		name := "tls"
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name == "_" || name == "." {
			return ""
		}
		scope := a.pass.Pkg.Scope().Innermost(pos)
		if scope == nil {
			return ""
		}
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == nethttp.TLS {
				return name
			}
		}
	}
	return ""
}

func funcName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Name() + "." + fn.Name()
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
			if s.unknown {
				continue
			}
			total.client = total.client || s.client
			total.perConn = total.perConn || s.perConn
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
			a.sink(info.Uses[key], s)
			return
		}
	case edge.CallExpr_Args:
		fn := nethttp.Callee(info, parent.Node().(*ast.CallExpr))
		switch {
		case nethttp.IsFunc(fn, nethttp.TLS, "Dial") && idx == 2,
			nethttp.IsFunc(fn, nethttp.TLS, "DialWithDialer") && idx == 3,
			nethttp.IsFunc(fn, nethttp.TLS, "Client") && idx == 1:
			s.perConn = true
			return
		case nethttp.IsFunc(fn, nethttp.TLS, "Server") && idx == 1,
			nethttp.IsFunc(fn, nethttp.TLS, "NewListener") && idx == 1,
			nethttp.IsFunc(fn, nethttp.TLS, "Listen") && idx == 2:
			return // server side
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

// sink records the config stored into field: a client's or a server's
// config, or anything else (unknown).
func (a *checker) sink(field types.Object, s *segment) {
	switch {
	case nethttp.IsField(field, nethttp.HTTP, "Transport", "TLSClientConfig"),
		nethttp.IsField(field, nethttp.TLS, "Dialer", "Config"),
		nethttp.IsField(field, "golang.org/x/net/http2", "Transport", "TLSClientConfig"):
		s.client = true
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
		if !a.owned(lhs.X) {
			// A default filled into a Transport or Dialer this
			// function received (http2's configureTransports sets
			// t1.TLSClientConfig = new(tls.Config)): its owner
			// decides.
			s.unknown = true
			return
		}
		a.sink(a.pass.TypesInfo.Uses[lhs.Sel], s)
	default:
		s.unknown = true
	}
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
	if def, ok := a.defs[v]; ok && def != from {
		switch k, _ := def.ParentEdge(); k {
		case edge.AssignStmt_Lhs, edge.ValueSpec_Names:
			if !a.freshAssign(def) {
				s.unknown = true
				return
			}
		default:
			s.unknown = true // a parameter, a range variable, ...
			return
		}
	}
	for _, use := range a.uses[v] {
		if k, _ := use.ParentEdge(); k == edge.AssignStmt_Lhs {
			if use != from && !a.freshAssign(use) {
				s.unknown = true
				return
			}
			continue
		}
		a.value(use, s, seen)
	}
	for _, use := range a.testUses[v] {
		t := new(segment)
		if k, _ := use.ParentEdge(); k == edge.AssignStmt_Lhs {
			t.unknown = !a.freshAssign(use)
		} else {
			a.value(use, t, seen)
		}
		s.unknown = s.unknown || t.unknown
		s.cache = s.cache || t.cache
		s.verifyPeer = s.verifyPeer || t.verifyPeer
		s.verifyConn = s.verifyConn || t.verifyConn
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

func astIdent(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
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

func keyName(kv *ast.KeyValueExpr) string {
	if id, ok := kv.Key.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func (a *checker) isNil(e ast.Expr) bool {
	return a.pass.TypesInfo.Types[e].IsNil()
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
		return freshness{ok: !s.unknown && !s.cache, nonNil: true, verifyPeer: verifyPeer && !verifyConn}
	case *ast.CallExpr:
		if a.isNewConfig(e) {
			s := a.segs[e]
			if s == nil || a.reported[e] {
				return freshness{}
			}
			return freshness{ok: !s.unknown && !s.cache, nonNil: true, verifyPeer: s.verifyPeer && !s.verifyConn}
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
	f.ok = f.ok && !s.unknown && !s.cache
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
