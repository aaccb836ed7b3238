package nethttp

import (
	"go/ast"
	"go/types"
)

// IsNewClientRequestFunc reports whether fn is http.NewRequest or
// http.NewRequestWithContext: their documentation says they build
// requests for a client to send (a server's incoming requests come from
// ReadRequest or a literal).
func IsNewClientRequestFunc(fn *types.Func) bool {
	return IsFunc(fn, HTTP, "NewRequest") || IsFunc(fn, HTTP, "NewRequestWithContext")
}

// DerivedRequest returns the receiver of call when call is
// (*http.Request).WithContext or Clone: a copy of that request, outgoing
// if the original is.
func DerivedRequest(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn := Callee(info, call)
	if !IsMethod(fn, HTTP, "Request", "WithContext") && !IsMethod(fn, HTTP, "Request", "Clone") {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	return sel.X
}

// SendsRequest reports whether call sends the request it is given as a
// client: (*http.Client).Do or a RoundTrip method.
func SendsRequest(info *types.Info, call *ast.CallExpr) bool {
	switch ClassifyRequestCall(info, call) {
	case Do, RoundTrip:
		return true
	}
	return false
}

// ServesRequest reports whether call hands a request to a handler: a
// ServeHTTP method, or any call that also receives a ResponseWriter (a
// handler function, httptest in tests). The request is then a server's.
func ServesRequest(info *types.Info, call *ast.CallExpr) bool {
	if fn := Callee(info, call); fn != nil && fn.Name() == "ServeHTTP" {
		return true
	}
	for _, arg := range call.Args {
		if t := info.TypeOf(arg); t != nil && ImplementsResponseWriter(t) {
			return true
		}
	}
	return false
}

// RequestResult returns the index of fn's only *http.Request result, or -1.
func RequestResult(fn *types.Func) int {
	res := fn.Signature().Results()
	idx := -1
	for i := range res.Len() {
		if IsRequest(res.At(i).Type()) {
			if idx >= 0 {
				return -1
			}
			idx = i
		}
	}
	return idx
}
