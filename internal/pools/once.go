package pools

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// cliTypes are the parameter types of command-line actions, by package
// path and type name: a function taking one runs once per invocation of
// the program, so a pool it builds and drops costs one handshake.
var cliTypes = map[string]string{
	"github.com/choria-io/fisk":           "ParseContext",
	"github.com/alecthomas/kingpin/v2":    "ParseContext",
	"gopkg.in/alecthomas/kingpin.v2":      "ParseContext",
	"github.com/spf13/cobra":              "Command",
	"github.com/urfave/cli":               "Context",
	"github.com/urfave/cli/v2":            "Context",
	"github.com/urfave/cli/v3":            "Command",
	"github.com/mitchellh/cli":            "Ui",
	"github.com/alecthomas/kong":          "Context",
	"github.com/peterbourgon/ff/v3/ffcli": "Command",
}

// isCLIAction reports whether sig takes a command-line parser's context.
func isCLIAction(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	params := sig.Params()
	for i := range params.Len() {
		n := nethttp.NamedOf(params.At(i).Type())
		if n == nil || n.Obj().Pkg() == nil {
			continue
		}
		path := n.Obj().Pkg().Path()
		if name, ok := cliTypes[path]; ok && name == n.Obj().Name() ||
			strings.HasSuffix(path, "/fisk") && n.Obj().Name() == "ParseContext" {
			return true
		}
	}
	return false
}

// inCLIAction reports whether fn or a function around it is a
// command-line action.
func (c *checker) inCLIAction(fn inspector.Cursor) bool {
	for f := range fn.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if isCLIAction(c.signature(f)) {
			return true
		}
	}
	return false
}

// demoPackage reports whether path names a package of examples or test
// support, whose functions each show or test one connection and run once
// (github.com/ClickHouse/clickhouse-go/v2/examples/std, the MongoDB
// driver's internal/docexamples).
func demoPackage(path string) bool {
	if nethttp.IsTestPackage(path) {
		return true
	}
	for elem := range strings.SplitSeq(path, "/") {
		if strings.HasSuffix(elem, "examples") || elem == "example" {
			return true
		}
	}
	return false
}

// freshOnEveryPath reports whether every return statement of decl returns,
// as result lt.returned, a freshly built pool (or nil, with an error): a
// function that builds one only when an option asks for it is no
// constructor.
func (c *checker) freshOnEveryPath(decl *ast.FuncDecl, lt *lifetime) bool {
	info := c.pass.TypesInfo
	fresh := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var res ast.Expr
			switch {
			case len(n.Results) == 1:
				res = n.Results[0] // the value, or a call giving all results
			case lt.returned < len(n.Results):
				res = n.Results[lt.returned]
			default:
				fresh = false // a bare return
				return false
			}
			if _, ok := c.poolExpr(res); ok {
				return false
			}
			if id, ok := ast.Unparen(res).(*ast.Ident); ok {
				// The pool, or a client holding it (tr := &http.Transport{};
				// c := &http.Client{Transport: tr}; return c).
				if v, ok := info.Uses[id].(*types.Var); ok && (lt.vars[v] || holdsAsClient(lt, v)) {
					return false
				}
				if id.Name == "nil" && info.Uses[id] == types.Universe.Lookup("nil") {
					return false
				}
			}
			fresh = false
		}
		return fresh
	})
	return fresh
}

// holdsAsClient reports whether v is a local *http.Client that lt
// follows as holding the pool: its Transport.
func holdsAsClient(lt *lifetime, v *types.Var) bool {
	_, held := lt.vars[v]
	return held && nethttp.IsClient(v.Type())
}
