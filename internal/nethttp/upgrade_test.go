package nethttp_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// check type-checks src (package p, importing net/http and testing) and
// returns its info and the body of each function, by name.
func check(t *testing.T, src string) (*types.Info, map[string]*ast.FuncDecl) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Uses:  map[*ast.Ident]types.Object{},
		Defs:  map[*ast.Ident]types.Object{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	funcs := map[string]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			funcs[fd.Name.Name] = fd
		}
	}
	return info, funcs
}

const src = `package p

import (
	"net/http"
	"testing"
)

const conn = "Connection"

func setAdd(req *http.Request) {
	req.Header.Set("Connection", "Upgrade")
	req.Header.Add("Upgrade", "websocket")
}

func index(h http.Header) {
	h[conn] = []string{"keep-alive, upgrade"}
	h["Upgrade"] = []string{"h2c"}
}

func literal() http.Header {
	return http.Header{"connection": {"Upgrade"}, "Upgrade": {"websocket"}}
}

func connectionOnly(req *http.Request) { req.Header.Set("Connection", "Upgrade") }

func upgradeOnly(req *http.Request) { req.Header.Set("Upgrade", "websocket") }

func closeAndUpgrade(req *http.Request) {
	req.Header.Set("Connection", "close")
	req.Header.Set("Upgrade", "websocket")
}

func dynamic(req *http.Request, v string) {
	req.Header.Set("Connection", v)
	req.Header.Set("Upgrade", "websocket")
}

func helperT(t *testing.T, c *http.Client) {}
func helperTB(c *http.Client, tb testing.TB) {}
func helperB(b *testing.B) {}
func helperF(f *testing.F) {}
func notHelper(c *http.Client, n int) {}
`

func TestBuildsUpgradeRequest(t *testing.T) {
	info, funcs := check(t, src)
	for name, want := range map[string]bool{
		"setAdd":          true,
		"index":           true,
		"literal":         true,
		"connectionOnly":  false,
		"upgradeOnly":     false,
		"closeAndUpgrade": false,
		"dynamic":         false,
	} {
		if got := nethttp.BuildsUpgradeRequest(info, funcs[name].Body); got != want {
			t.Errorf("BuildsUpgradeRequest(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestIsTestHelper(t *testing.T) {
	info, funcs := check(t, src)
	for name, want := range map[string]bool{
		"helperT": true, "helperTB": true, "helperB": true, "helperF": true,
		"notHelper": false, "setAdd": false,
	} {
		sig := info.Defs[funcs[name].Name].Type().(*types.Signature)
		if got := nethttp.IsTestHelper(sig); got != want {
			t.Errorf("IsTestHelper(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestNoReuseFuncs(t *testing.T) {
	info, funcs := check(t, src)
	n := nethttp.NewNoReuseFuncs(info)
	for range 2 { // the second round answers from the cache
		for name, want := range map[string]bool{
			"setAdd": true, "helperT": true, "helperTB": true,
			"connectionOnly": false, "notHelper": false,
		} {
			if got := n.Has(funcs[name]); got != want {
				t.Errorf("NoReuseFuncs.Has(%s) = %v, want %v", name, got, want)
			}
		}
	}
}
