// Package nethttp holds what the checks know about net/http, crypto/tls
// and database/sql: their types, the calls that send requests or build
// connection pools, and the shape of an HTTP handler. It is written once
// here so every pass asks the same questions the same way.
package nethttp

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Import paths of the packages whose connection pools reuselint watches.
const (
	HTTP     = "net/http"
	HTTPTest = "net/http/httptest"
	TLS      = "crypto/tls"
	SQL      = "database/sql"
)

// IsNamed reports whether t, with any alias removed, is the named type
// pkg.name (not a pointer to it).
func IsNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkg
}

// IsPointerTo reports whether t is *pkg.name.
func IsPointerTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(p.Elem(), pkg, name)
}

// IsTransport reports whether t is *http.Transport.
func IsTransport(t types.Type) bool { return IsPointerTo(t, HTTP, "Transport") }

// IsClient reports whether t is *http.Client.
func IsClient(t types.Type) bool { return IsPointerTo(t, HTTP, "Client") }

// IsResponse reports whether t is *http.Response.
func IsResponse(t types.Type) bool { return IsPointerTo(t, HTTP, "Response") }

// IsRequest reports whether t is *http.Request.
func IsRequest(t types.Type) bool { return IsPointerTo(t, HTTP, "Request") }

// IsTLSConfig reports whether t is *tls.Config.
func IsTLSConfig(t types.Type) bool { return IsPointerTo(t, TLS, "Config") }

// IsSQLDB reports whether t is *sql.DB.
func IsSQLDB(t types.Type) bool { return IsPointerTo(t, SQL, "DB") }

// IsResponseWriter reports whether t is http.ResponseWriter.
func IsResponseWriter(t types.Type) bool { return IsNamed(t, HTTP, "ResponseWriter") }

// Callee returns the function or method statically called by call, or
// nil for calls of function values, interface methods excepted: an
// interface method (e.g. http.RoundTripper.RoundTrip) is returned as the
// abstract *types.Func.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsFunc reports whether fn is the package-level function pkg.name.
func IsFunc(fn *types.Func, pkg, name string) bool {
	if fn == nil || fn.Name() != name || fn.Pkg() == nil || fn.Pkg().Path() != pkg {
		return false
	}
	return fn.Signature().Recv() == nil
}

// IsMethod reports whether fn is the method name of the type pkg.recv,
// with a pointer or value receiver.
func IsMethod(fn *types.Func, pkg, recv, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	r := fn.Signature().Recv()
	if r == nil {
		return false
	}
	n := NamedOf(r.Type())
	return n != nil && IsNamed(n, pkg, recv)
}

// IsMainOrInit reports whether decl, in package pkg, is main.main or an
// init function: code that runs once per process, whose locals live as
// long as the program.
func IsMainOrInit(pkg *types.Package, decl *ast.FuncDecl) bool {
	return decl.Recv == nil && (decl.Name.Name == "init" || decl.Name.Name == "main" && pkg.Name() == "main")
}

// MemberName returns how a catalog names fn within its package: Func
// for a package-level function, Type.Method for a method of a named
// type; ok is false for a function of no package or a method of an
// unnamed type.
func MemberName(fn *types.Func) (name string, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name(), true
	}
	n := NamedOf(recv.Type())
	if n == nil {
		return "", false
	}
	return n.Obj().Name() + "." + fn.Name(), true
}

// NamedOf returns the named type t is or points to (through aliases), or
// nil.
func NamedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// FuncPath returns the fully qualified name of a package-level function
// ("net/http.Get") or method ("(*net/http.Client).Do"), as users write it
// in flags.
func FuncPath(fn *types.Func) string { return fn.FullName() }

// IsHandlerSignature reports whether sig has the parameters of an HTTP
// handler, (http.ResponseWriter, *http.Request): its body runs once per
// request the server receives.
func IsHandlerSignature(sig *types.Signature) bool {
	params := sig.Params()
	return params.Len() == 2 &&
		IsResponseWriter(params.At(0).Type()) &&
		IsRequest(params.At(1).Type())
}

// RequestCall describes a call that sends an HTTP request.
type RequestCall int

const (
	NotRequest RequestCall = iota
	Do                     // (*http.Client).Do
	Get                    // http.Get, (*http.Client).Get
	Post                   // http.Post, (*http.Client).Post
	PostForm               // http.PostForm, (*http.Client).PostForm
	Head                   // http.Head, (*http.Client).Head
	RoundTrip              // any RoundTrip method returning *http.Response
)

// ClassifyRequestCall reports which client call, if any, call is.
func ClassifyRequestCall(info *types.Info, call *ast.CallExpr) RequestCall {
	fn := Callee(info, call)
	if fn == nil {
		return NotRequest
	}
	kind := requestCallName(fn.Name())
	switch {
	case kind == NotRequest:
		return NotRequest
	case kind == RoundTrip:
		// Transport.RoundTrip, RoundTripper.RoundTrip, and any wrapper
		// with the RoundTripper signature.
		if returnsResponse(fn.Signature()) {
			return RoundTrip
		}
		return NotRequest
	case kind == Do && IsMethod(fn, HTTP, "Client", "Do"):
		return Do
	case kind != Do && (IsFunc(fn, HTTP, fn.Name()) || IsMethod(fn, HTTP, "Client", fn.Name())):
		return kind
	}
	return NotRequest
}

func requestCallName(name string) RequestCall {
	switch name {
	case "Do":
		return Do
	case "Get":
		return Get
	case "Post":
		return Post
	case "PostForm":
		return PostForm
	case "Head":
		return Head
	case "RoundTrip":
		return RoundTrip
	}
	return NotRequest
}

func returnsResponse(sig *types.Signature) bool {
	res := sig.Results()
	return res.Len() == 2 && IsResponse(res.At(0).Type())
}

// Imports reports whether pkg imports any of the given paths directly.
func Imports(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p {
				return true
			}
		}
	}
	return false
}

// Selects reports whether the code type-checked into info selects a
// field or method declared in one of the packages paths (x.f, where f is
// net/http's Request.Close, say). A package can hold an *http.Request from
// another package without importing net/http, but it cannot set its Close
// field or call its Header's Set without such a selection; and unlike
// depending on net/http somewhere below, which most packages of a large
// tree do, selecting from it is rare outside client and server code.
// It reads info.Selections, a fraction of info.Uses, and walks no syntax.
// Names that need no selection (a literal of a type alias of
// http.Transport declared in another package) are not seen.
func Selects(info *types.Info, paths ...string) bool {
	for _, sel := range info.Selections {
		if pkg := sel.Obj().Pkg(); pkg != nil && slices.Contains(paths, pkg.Path()) {
			return true
		}
	}
	return false
}

// IsField reports whether obj is the field name of the struct type
// pkg.typ, reached directly or through embedding. A field of the same name
// on another type, even in the same package, does not match.
func IsField(obj types.Object, pkg, typ, name string) bool {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Name() != name || v.Pkg() == nil || v.Pkg().Path() != pkg {
		return false
	}
	tn, ok := v.Pkg().Scope().Lookup(typ).(*types.TypeName)
	if !ok {
		return false
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f == v {
			return true
		}
	}
	return false
}

// ImplementsResponseWriter reports whether t is http.ResponseWriter or
// has its methods (Header() http.Header, Write, WriteHeader(int)), as
// *httptest.ResponseRecorder does. A call that receives such a value
// with a request is serving that request, not sending it.
func ImplementsResponseWriter(t types.Type) bool {
	if IsResponseWriter(t) {
		return true
	}
	ms := types.NewMethodSet(t)
	has := func(name string) *types.Signature {
		sel := ms.Lookup(nil, name) // exported: no package needed
		if sel == nil {
			return nil
		}
		sig, _ := sel.Type().(*types.Signature)
		return sig
	}
	h, w, wh := has("Header"), has("Write"), has("WriteHeader")
	return h != nil && w != nil && wh != nil &&
		h.Params().Len() == 0 && h.Results().Len() == 1 && IsNamed(h.Results().At(0).Type(), HTTP, "Header") &&
		wh.Params().Len() == 1
}

// IsTrue reports whether e is the boolean constant true.
func IsTrue(info *types.Info, e ast.Expr) bool {
	v := info.Types[e].Value
	return v != nil && v.Kind() == constant.Bool && constant.BoolVal(v)
}

// IsTestFile reports whether f is a _test.go file.
func IsTestFile(fset *token.FileSet, f *ast.File) bool {
	return InTestFile(fset, f.FileStart)
}

// InTestFile reports whether pos is in a _test.go file.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	return strings.HasSuffix(fset.File(pos).Name(), "_test.go")
}

// Unaddr returns e without parentheses and without one leading &, so
// `&T{...}`, `(&T{...})` and `T{...}` all yield the literal.
func Unaddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return e
}

// IsNew reports whether call is a call of the builtin new.
func IsNew(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "new"
}
