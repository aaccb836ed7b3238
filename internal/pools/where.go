package pools

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// perRequest says how the pool built by p in fn is built per request:
// "per request in an HTTP handler", "on every loop iteration", "for a
// single request and dropped", or "" if it is not.
func (c *checker) perRequest(p Built, fn inspector.Cursor, lt *lifetime) string {
	if p.HTTP && nethttp.BuildsUpgradeRequest(c.pass.TypesInfo, fn.Node()) {
		return "" // a protocol upgrade: the connection is taken over, never pooled
	}
	for f := range fn.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if sig := c.signature(f); sig != nil && nethttp.IsHandlerSignature(sig) {
			return "per request in an HTTP handler"
		}
		if decl, ok := f.Node().(*ast.FuncDecl); ok {
			if where := c.perCallMethod(decl); where != "" {
				return where
			}
		}
	}
	if body, ok := loopBody(p.Cur); ok {
		if lt.kept {
			return "" // one per iteration on purpose: they are all kept (fan-out, benchmarks)
		}
		for v := range lt.vars {
			if v.Pos() < body.Pos() || v.Pos() >= body.End() {
				return "" // kept across iterations
			}
		}
		return "on every loop iteration"
	}
	if maker, ok := c.closureMaker(fn); ok {
		if len(lt.uses) == 0 && !lt.opaque || c.inCLIAction(fn) {
			return ""
		}
		return "on every call of a closure made in " + maker
	}
	if _, ok := fn.Node().(*ast.FuncDecl); !ok || len(lt.uses) != 1 || lt.opaque {
		return ""
	}
	if _, inLoop := loopBody(lt.uses[0]); inLoop {
		return "" // a batch of requests
	}
	if c.runsOnce(fn, 3) || c.inCLIAction(fn) || demoPackage(c.pass.Pkg.Path()) {
		return "" // e.g. a command's run function, called once from main
	}
	return "for a single request and dropped"
}

// runsOnce reports whether the function declared at fn runs at most once
// per process as far as this package shows: it cannot be called from
// other packages, and each of its calls is outside loops, in main, init,
// or a function that itself runs once (up to depth levels up).
func (c *checker) runsOnce(fn inspector.Cursor, depth int) bool {
	if c.exempt(fn) || isCLIAction(c.signature(fn)) {
		return true
	}
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok || depth == 0 {
		return false
	}
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || obj.Exported() && c.pass.Pkg.Name() != "main" {
		return false
	}
	if c.refs == nil {
		c.refs = make(map[*types.Func][]inspector.Cursor)
		for cur := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
			if f, ok := c.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)].(*types.Func); ok && f.Pkg() == c.pass.Pkg {
				c.refs[f.Origin()] = append(c.refs[f.Origin()], cur)
			}
		}
	}
	refs := c.refs[obj]
	if len(refs) == 0 {
		return false // called through reflection, or not at all
	}
	for _, ref := range refs {
		call := ref
		if call.ParentEdgeKind() == edge.SelectorExpr_Sel {
			call = call.Parent()
		}
		if call.ParentEdgeKind() != edge.CallExpr_Fun {
			return false // a function value: called who knows how often
		}
		if _, inLoop := loopBody(call); inLoop {
			return false
		}
		caller, ok := enclosingFunc(call)
		if !ok {
			return false // in a package-level initializer: once, but keep it simple
		}
		if _, isLit := caller.Node().(*ast.FuncLit); isLit && !c.exempt(caller) && !isCLIAction(c.signature(caller)) {
			return false
		}
		if !c.runsOnce(caller, depth-1) {
			return false
		}
	}
	return true
}

// loopBody returns the body of the innermost loop whose body holds cur,
// looking through function literals called on the spot (func(){...}(),
// go func(){...}()), which run once per iteration.
func loopBody(cur inspector.Cursor) (*ast.BlockStmt, bool) {
	prev := cur
	for p := cur.Parent(); p.Node() != nil; prev, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ForStmt:
			if prev.Node() == n.Body {
				return n.Body, true
			}
		case *ast.RangeStmt:
			if prev.Node() == n.Body {
				return n.Body, true
			}
		case *ast.FuncLit:
			if !calledOnTheSpot(p) {
				return nil, false
			}
		case *ast.FuncDecl:
			return nil, false
		}
	}
	return nil, false
}

// calledOnTheSpot reports whether the function literal at fn is called
// where it is written: func(){...}(), go func(){...}(), defer func(){...}().
func calledOnTheSpot(fn inspector.Cursor) bool {
	for fn.ParentEdgeKind() == edge.ParenExpr_X {
		fn = fn.Parent()
	}
	return fn.ParentEdgeKind() == edge.CallExpr_Fun
}

// perCallMethod says how a method runs per request by contract: a
// RoundTrip method of an http.RoundTripper runs once per request it
// carries, and a method of a gRPC service implementation (a type that
// embeds the generated Unimplemented...Server) once per RPC.
func (c *checker) perCallMethod(decl *ast.FuncDecl) string {
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || obj.Signature().Recv() == nil {
		return ""
	}
	sig := obj.Signature()
	if decl.Name.Name == "RoundTrip" && sig.Params().Len() == 1 && nethttp.IsRequest(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 2 && nethttp.IsResponse(sig.Results().At(0).Type()) {
		return "per request in RoundTrip"
	}
	if obj.Exported() && rpcSignature(sig) && grpcService(sig.Recv().Type()) {
		return "per RPC in the gRPC method " + decl.Name.Name
	}
	return ""
}

// grpcService reports whether t (or what it points to) is a struct that
// embeds a gRPC-generated Unimplemented<Name>Server: a service
// implementation, whose exported methods are RPC handlers.
func grpcService(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		if n := nethttp.NamedOf(f.Type()); n != nil {
			name := n.Obj().Name()
			if strings.HasPrefix(name, "Unimplemented") && strings.HasSuffix(name, "Server") {
				return true
			}
		}
	}
	return false
}

// rpcSignature reports whether sig has the shape of a gRPC handler: a
// unary one (ctx context.Context, req) (resp, error), or a streaming one
// whose last parameter is the generated ..._<Method>Server stream and
// which returns only an error. Other exported methods of a service type
// (Start, Close, a constructor step) run when the program says.
func rpcSignature(sig *types.Signature) bool {
	params, results := sig.Params(), sig.Results()
	if results.Len() == 0 || !isError(results.At(results.Len()-1).Type()) {
		return false
	}
	if params.Len() == 2 && results.Len() == 2 && nethttp.IsNamed(params.At(0).Type(), "context", "Context") {
		return true
	}
	if params.Len() >= 1 && results.Len() == 1 {
		if n := nethttp.NamedOf(params.At(params.Len() - 1).Type()); n != nil && strings.HasSuffix(n.Obj().Name(), "Server") {
			return true
		}
	}
	return false
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }
