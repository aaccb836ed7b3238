package bodyflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// doLike reports whether call is a Do method that is not
// (*http.Client).Do but has its shape: it takes the request only and
// returns (*http.Response, error), like an HTTPClient interface of an
// SDK or a retrying client of another package. Its caller owns the
// response as it owns a client's. Methods of this package are left to
// their facts (see wrapper), which see their bodies.
func (p *pkgState) doLike(call *ast.CallExpr) bool {
	fn := nethttp.Callee(p.pass.TypesInfo, call)
	if fn == nil || fn.Name() != "Do" || fn.Signature().Recv() == nil {
		return false
	}
	sig := fn.Signature()
	// One parameter: a Do(ctx, req, v) that decodes into v has read and
	// closed the body it returns.
	if sig.Params().Len() != 1 || sig.Results().Len() != 2 ||
		!nethttp.IsResponse(sig.Results().At(0).Type()) ||
		!types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	if types.IsInterface(sig.Recv().Type()) {
		return true
	}
	return fn.Pkg() != nil && fn.Pkg() != p.pass.Pkg
}

// closesConn reports whether body asks for the connection to be closed
// after its response: a request's Close field set to true, or a
// "Connection: close" header. The connection is not kept whatever the
// body's fate (keepalive reports the request), so there is no reuse for
// a drain to save.
func closesConn(info *types.Info, body ast.Node) bool {
	found := false
	header := func(key, val ast.Expr) {
		k, ok := constString(info, key)
		if !ok || !strings.EqualFold(k, "Connection") {
			return
		}
		if lit, ok := ast.Unparen(val).(*ast.CompositeLit); ok && len(lit.Elts) > 0 {
			val = lit.Elts[0]
		}
		if v, ok := constString(info, val); ok && strings.EqualFold(strings.TrimSpace(v), "close") {
			found = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if i >= len(n.Rhs) {
					break
				}
				switch l := ast.Unparen(l).(type) {
				case *ast.SelectorExpr:
					if l.Sel.Name == "Close" && nethttp.IsRequest(info.TypeOf(l.X)) && nethttp.IsTrue(info, n.Rhs[i]) {
						found = true
					}
				case *ast.IndexExpr:
					if nethttp.IsNamed(info.TypeOf(l.X), nethttp.HTTP, "Header") {
						header(l.Index, n.Rhs[i])
					}
				}
			}
		case *ast.CallExpr:
			fn := nethttp.Callee(info, n)
			if (nethttp.IsMethod(fn, nethttp.HTTP, "Header", "Set") || nethttp.IsMethod(fn, nethttp.HTTP, "Header", "Add")) && len(n.Args) == 2 {
				header(n.Args[0], n.Args[1])
			}
		}
		return !found
	})
	return found
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// errorTest reports whether call, true, says that err is not nil:
// errors.Is(err, target) or errors.As(err, &target) with a target that is
// not nil, or an error classifier applied to err (a func(error) bool such
// as olivere/elastic's IsContextErr or os.IsTimeout): classifiers name
// kinds of failure, and a Do that failed returns no body to close. A
// classifier that also holds for nil only hides that branch's paths.
func (f *flow) errorTest(call *ast.CallExpr) bool {
	if f.errVar == nil {
		return false
	}
	fn := nethttp.Callee(f.info, call)
	switch {
	case nethttp.IsFunc(fn, "errors", "Is"), nethttp.IsFunc(fn, "errors", "As"):
		if len(call.Args) != 2 || isNil(f.info, call.Args[1]) {
			return false // errors.Is(nil, nil) holds
		}
	case fn != nil && isErrorClassifier(fn.Signature()):
		if len(call.Args) != 1 {
			return false
		}
	default:
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && f.info.Uses[id] == f.errVar
}

// isErrorClassifier reports whether sig is func(error) bool.
func isErrorClassifier(sig *types.Signature) bool {
	return sig.Recv() == nil && sig.Params().Len() == 1 && isError(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool])
}

// normalExit reports whether ret, reached in state s, is a return on
// which the function carries on as normal: it returns no error result,
// or one that is nil or may well be nil (normalError). Anything else (an
// error built or named, a naked return with named results, a call's
// results returned as they are) is an error return.
func (f *flow) normalExit(s state, ret *ast.ReturnStmt) bool {
	if f.sig == nil {
		return true
	}
	res := f.sig.Results()
	if res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) {
		return true
	}
	if len(ret.Results) != res.Len() {
		return false
	}
	return f.normalError(s, ret, ret.Results[len(ret.Results)-1])
}

// normalError reports whether the returned error e is nil on the normal
// path: nil; the call's error while it still holds the call's (nil)
// error; the error of a close (the body's or a closing helper's); the
// error of reading the body (json.NewDecoder(resp.Body).Decode(v)), or a
// variable assigned one (b, err := io.ReadAll(resp.Body); return b, err).
func (f *flow) normalError(s state, ret *ast.ReturnStmt, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if isNil(f.info, e) {
			return true
		}
		v, _ := f.info.Uses[e].(*types.Var)
		if v == nil {
			return false
		}
		if f.checkedNonNil(v, ret) {
			return false // if err != nil { return err }
		}
		if v == f.errVar && s&sErrTied != 0 {
			return true
		}
		if rhs := f.lastAssigned(v, e.Pos()); rhs != nil {
			return f.mentionsBody(rhs)
		}
	case *ast.CallExpr:
		if _, ok := f.closes[e]; ok {
			return true // return helper.Close(resp.Body)
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" {
			return true
		}
		return f.mentionsBody(e)
	}
	return false
}

// checkedNonNil reports whether ret is in the body of an
// `if v != nil` statement.
func (f *flow) checkedNonNil(v *types.Var, ret ast.Node) bool {
	for n := ret; n != nil; n = f.t.parent[n] {
		ifs, ok := f.t.parent[n].(*ast.IfStmt)
		if !ok || ifs.Body != n {
			continue
		}
		c, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || c.Op != token.NEQ || !isNil(f.info, c.Y) {
			continue
		}
		if id, ok := ast.Unparen(c.X).(*ast.Ident); ok && f.info.Uses[id] == v {
			return true
		}
	}
	return false
}

// lastAssigned returns the right side of the last assignment to v that
// comes before pos in the source, or nil.
func (f *flow) lastAssigned(v *types.Var, pos token.Pos) ast.Expr {
	var last ast.Expr
	for _, e := range assigned(f.info, f.body, v) { // in source order
		if e.Pos() < pos {
			last = e
		}
	}
	return last
}

// bareSuccess reports whether ret is `return nil` in a function whose
// only result is an error: the call was made for its status alone. A
// function that then reads the body on its error paths only expects no
// content on success (a 204 to a DELETE, a ping).
func (f *flow) bareSuccess(ret *ast.ReturnStmt) bool {
	if f.sig == nil || f.sig.Results().Len() != 1 || !isError(f.sig.Results().At(0).Type()) {
		return false
	}
	return len(ret.Results) == 1 && isNil(f.info, ret.Results[0])
}

// mentionsBody reports whether e uses the body: X.Body of a response
// variable, or a body variable.
func (f *flow) mentionsBody(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found {
			if _, isBody := f.tracked(x); isBody {
				found = true
			}
		}
		return !found
	})
	return found
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// testHelper reports whether fn, or a function enclosing it in top, takes a
// testing.TB, *testing.T, *testing.B or *testing.F.
func (p *pkgState) testHelper(t *tree, fn ast.Node) bool {
	for n := fn; n != nil; n = t.parent[n] {
		var sig *types.Signature
		switch n := n.(type) {
		case *ast.FuncDecl:
			if obj, ok := p.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				sig = obj.Signature()
			}
		case *ast.FuncLit:
			sig, _ = p.pass.TypesInfo.TypeOf(n).(*types.Signature)
		default:
			continue
		}
		if nethttp.IsTestHelper(sig) {
			return true
		}
	}
	return false
}
