package analyzer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/pools"
)

// TestFixesTogether runs every check at once, as reuselint -fix does,
// over the testdata packages of every check, applies all their fixes
// together and requires the result to be free of overlapping edits, to
// parse and to type-check. It also requires that no fix adds a session
// cache or ForceAttemptHTTP2 to a transport that dies with its call (the
// pool analysis' ShortLived): such a setting saves nothing, and the one
// fix that matters is clientperrequest's.
func TestFixesTogether(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every check's testdata")
	}
	dirs, err := filepath.Glob(filepath.Join("..", "passes", "*", "testdata"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	fixes := 0
	for _, dir := range dirs {
		gopath, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		fixes += fixTogether(t, gopath)
	}
	if fixes == 0 {
		t.Fatal("no fix applied: the test checks nothing")
	}
}

// fixTogether checks the packages of one GOPATH testdata tree and returns
// how many fixes it applied.
func fixTogether(t *testing.T, gopath string) int {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(gopath, "src"),
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatalf("%s: %v", gopath, err)
	}
	var ok []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) == 0 && !strings.HasSuffix(p.PkgPath, ".test") {
			ok = append(ok, p)
		}
	}
	graph, err := checker.Analyze(New(), ok, nil)
	if err != nil {
		t.Fatalf("%s: %v", gopath, err)
	}
	short := make(map[*packages.Package]*pools.Result)
	for act := range graph.All() {
		if res, isPools := act.Result.(*pools.Result); isPools && act.Err == nil {
			short[act.Package] = res
		}
	}
	applied := 0
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
	}
	for _, p := range ok {
		edits := make(map[string][]analysis.TextEdit)
		for _, act := range graph.Roots {
			if act.Package != p {
				continue
			}
			for _, d := range act.Diagnostics {
				for _, f := range d.SuggestedFixes {
					applied++
					for _, e := range f.TextEdits {
						name := p.Fset.File(e.Pos).Name()
						edits[name] = append(edits[name], e)
						if settingForLaterRequests(e) && diesWithCall(p, short[p], e.Pos) {
							t.Errorf("%s: %s's fix adds %q to a transport that dies with its call", p.Fset.Position(e.Pos), act.Analyzer.Name, e.NewText)
						}
					}
				}
			}
		}
		if len(edits) > 0 {
			typeChecks(t, p, applyEdits(t, p.Fset, edits))
		}
	}
	return applied
}

// settingForLaterRequests reports whether an edit adds a setting that
// only later requests profit from.
func settingForLaterRequests(e analysis.TextEdit) bool {
	return bytes.Contains(e.NewText, []byte("ClientSessionCache")) || bytes.Contains(e.NewText, []byte("ForceAttemptHTTP2"))
}

// diesWithCall reports whether pos is inside an http.Transport literal
// that the pool analysis says dies with its call.
func diesWithCall(p *packages.Package, res *pools.Result, pos token.Pos) bool {
	if res == nil {
		return false
	}
	found := false
	for _, f := range p.Syntax {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || found || pos < n.Pos() || pos > n.End() {
				return false
			}
			if lit, ok := n.(*ast.CompositeLit); ok && nethttp.IsNamed(p.TypesInfo.TypeOf(lit), nethttp.HTTP, "Transport") {
				_, found = res.ShortLived(lit)
			}
			return !found
		})
	}
	return found
}

// applyEdits applies the edits to their files and returns the fixed
// sources by file name, failing on overlapping edits and on sources that
// do not parse. Identical edits of several fixes count once, as the
// drivers merge them.
func applyEdits(t *testing.T, fset *token.FileSet, edits map[string][]analysis.TextEdit) map[string][]byte {
	t.Helper()
	fixed := make(map[string][]byte)
	for name, es := range edits {
		out := fixtest.Apply(t, fset.File(es[0].Pos), name, es)
		if _, err := format.Source(out); err != nil {
			t.Errorf("%s: the fixed source does not parse: %v\n%s", name, err, out)
		}
		fixed[name] = out
	}
	return fixed
}

// typeChecks type-checks p with the fixed sources in place of its files.
func typeChecks(t *testing.T, p *packages.Package, fixed map[string][]byte) {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range p.CompiledGoFiles {
		src, ok := fixed[name]
		if !ok {
			var err error
			if src, err = os.ReadFile(name); err != nil {
				t.Fatal(err)
			}
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return // reported by applyEdits
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importerOf(p)}
	if _, err := conf.Check(p.PkgPath, fset, files, nil); err != nil {
		t.Errorf("%s: the fixed package does not type-check: %v", p.PkgPath, err)
	}
}

// importer finds a package among p's dependencies, direct or not: a fix
// may import a package (io) that p's dependencies import.
type importer map[string]*types.Package

func importerOf(p *packages.Package) importer {
	imp := importer{"unsafe": types.Unsafe}
	packages.Visit([]*packages.Package{p}, nil, func(dep *packages.Package) {
		imp[dep.PkgPath] = dep.Types
	})
	return imp
}

func (imp importer) Import(path string) (*types.Package, error) {
	if pkg, ok := imp[path]; ok {
		return pkg, nil
	}
	return nil, fmt.Errorf("%s is not among the dependencies", path)
}
