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

// importerFunc lets a test add in-memory packages to the source importer.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// TestSelects type-checks small packages, the first of which ("q") the
// others may import, and asks whether each selects a field or method of
// net/http.
func TestSelects(t *testing.T) {
	fset := token.NewFileSet()
	std := importer.ForCompiler(fset, "source", nil)
	pkgs := map[string]*types.Package{}
	imp := importerFunc(func(path string) (*types.Package, error) {
		if p, ok := pkgs[path]; ok {
			return p, nil
		}
		return std.Import(path)
	})
	load := func(path, src string) *types.Info {
		t.Helper()
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
		p, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		pkgs[path] = p
		return info
	}
	load("q", `package q

import "net/http"

type Request = http.Request

func New() *http.Request { return nil }
`)
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"method of a net/http type", `package p; import "net/http"; func f(h http.Header) { h.Set("a", "b") }`, true},
		{"imports net/http, selects nothing of it", `package p; import "net/http"; var _ = http.StatusOK`, false},
		{"field of a value from another package, no import", `package p; import "q"; func f() { q.New().Close = true }`, true},
		// A known limit: naming a type alias needs no selection.
		{"alias of a net/http type declared elsewhere", `package p; import "q"; var _ q.Request`, false},
		{"field through an alias", `package p; import "q"; func f(r *q.Request) { r.Close = true }`, true},
		{"value from another package, nothing of net/http named", `package p; import "q"; var _ = q.New()`, false},
		{"depends on net/http, names nothing of it", `package p; import "net/http/httptest"; var _ = httptest.DefaultRemoteAddr`, false},
		{"no import", `package p; func f() int { return 1 }`, false},
	} {
		if got := nethttp.Selects(load("p", tc.src), nethttp.HTTP, nethttp.SQL); got != tc.want {
			t.Errorf("%s: Selects = %v, want %v", tc.name, got, tc.want)
		}
		delete(pkgs, "p")
	}
}
