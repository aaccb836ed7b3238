package pools

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// requests records n requests sent with the pool by the call at cur: 0,
// 1, or 2 for several or unknown.
func (f *flow) requests(cur inspector.Cursor, n int) {
	switch n {
	case 0:
	case 1:
		f.use(cur) // a helper that sends one request
	default:
		f.opaqueUse(cur)
	}
}

// exportBorrows exports a borrowsPool fact for each exported function of
// the package that uses a pool parameter without keeping it.
func (c *checker) exportBorrows() {
	for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok || !fn.Exported() || decl.Body == nil {
			continue
		}
		var fact borrowsPool
		var keeps keepsPool
		params := fn.Signature().Params()
		for i := range params.Len() {
			t := params.At(i).Type()
			if !nethttp.IsClient(t) && !nethttp.IsTransport(t) && !nethttp.IsSQLDB(t) &&
				!nethttp.IsNamed(t, nethttp.HTTP, "RoundTripper") {
				continue
			}
			sum, ok := c.borrow(fn, i)
			switch {
			case !ok:
			case sum.escaped:
				keeps.Params = append(keeps.Params, i)
			case sum.returned < 0:
				fact.Params = append(fact.Params, borrowedParam{Index: i, Requests: sum.requests()})
			}
		}
		if len(fact.Params) > 0 {
			c.pass.ExportObjectFact(fn, &fact)
		}
		if len(keeps.Params) > 0 {
			c.pass.ExportObjectFact(fn, &keeps)
		}
	}
}

// borrow summarizes what fn does with its parameter i (-1: its
// receiver, a value that holds the pool), following it like a pool. It reports false if fn is not declared in this package or i is
// not one of its parameters.
func (c *checker) borrow(fn *types.Func, i int) (borrowSummary, bool) {
	key := borrowKey{fn, i}
	if sum, ok := c.borrows[key]; ok {
		return sum, sum.lifetime != nil
	}
	c.borrows[key] = borrowSummary{} // recursion: not followed
	sig := fn.Signature()
	if i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 || i < 0 && sig.Recv() == nil {
		return borrowSummary{}, false
	}
	decl, ok := c.funcDecl(fn)
	if !ok {
		return borrowSummary{}, false
	}
	param := sig.Recv() // i == -1: the receiver, a value that holds the pool
	if i >= 0 {
		param = sig.Params().At(i)
	}
	f := &flow{
		c:        c,
		fn:       decl,
		sig:      sig,
		poolType: param.Type(),
		lt:       &lifetime{returned: -1, vars: make(map[*types.Var]bool)},
	}
	f.variable(param, i >= 0)
	sum := borrowSummary{lifetime: f.lt}
	if len(f.lt.uses) == 1 {
		_, sum.usedInLoop = loopBody(f.lt.uses[0])
	}
	c.borrows[key] = sum
	return sum, true
}

// funcDecl returns the declaration of fn, a function of this package.
func (c *checker) funcDecl(fn *types.Func) (inspector.Cursor, bool) {
	if c.funcs == nil {
		c.funcs = make(map[*types.Func]inspector.Cursor)
		for cur := range c.insp.Root().Preorder((*ast.FuncDecl)(nil)) {
			decl := cur.Node().(*ast.FuncDecl)
			if obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && decl.Body != nil {
				c.funcs[obj] = cur
			}
		}
	}
	cur, ok := c.funcs[fn]
	return cur, ok
}

// receiver follows a value that holds the pool into fn, a method of this
// package called on it at call, as the receiver. It reports false if the
// method's declaration is not at hand.
func (f *flow) receiver(call inspector.Cursor, fn *types.Func) bool {
	sum, ok := f.c.borrow(fn.Origin(), -1)
	if !ok {
		return false
	}
	switch {
	case sum.escaped:
		f.escape()
	case sum.returned >= 0:
		f.callResults(call)
	default:
		f.requests(call, sum.requests())
	}
	return true
}

// borrowSummary is what a function of this package does with one of its
// parameters.
type borrowSummary struct {
	*lifetime
	usedInLoop bool // its one use is in a loop
}

type borrowKey struct {
	fn *types.Func
	i  int
}
