package clientperrequest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/reuselint/reuselint/internal/fixtest"
	"github.com/reuselint/reuselint/passes/clientperrequest"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(fixtest.Without(t, "fact"), analysistest.TestData(), clientperrequest.Analyzer, "a", "b", "nohttp", "mainpkg", "catalog", "cli", "closures", "assembled", "example.com/examples/std", "example.com/internal/docexamples", "traps", "percall")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(fixtest.Without(t, "fact"), analysistest.TestData(), clientperrequest.Analyzer, "fix")
}

// TestConstructorsFlag sets the flag on a fresh instance, leaving
// Analyzer untouched.
func TestConstructorsFlag(t *testing.T) {
	a := clientperrequest.New()
	if err := a.Flags.Set("constructors", "grpcish.NewClient, grpcish.NewRedis,(*grpcish.Factory).Conn"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(fixtest.Without(t, "fact"), analysistest.TestData(), a, "flagged")
	if got := clientperrequest.Analyzer.Flags.Lookup("constructors").Value.String(); got != "" {
		t.Errorf("flag of the default instance changed to %q", got)
	}
}

// TestGoldenCompiles type-checks each package with its .golden files in
// place of the sources: the fixes must compile.
func TestGoldenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	gopath, err := filepath.Abs(analysistest.TestData())
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range []string{"fix", "flagged"} {
		dir := filepath.Join(gopath, "src", pkg)
		goldens, _ := filepath.Glob(filepath.Join(dir, "*.go.golden"))
		if len(goldens) == 0 {
			t.Fatalf("%s: no golden files", pkg)
		}
		overlay := make(map[string][]byte)
		for _, g := range goldens {
			content, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			overlay[strings.TrimSuffix(g, ".golden")] = content
		}
		cfg := &packages.Config{
			Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
			Dir:     dir,
			Env:     append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS="),
			Overlay: overlay,
		}
		pkgs, err := packages.Load(cfg, ".")
		if err != nil {
			t.Fatal(err)
		}
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				t.Errorf("%s with golden files: %v", pkg, e)
			}
		})
	}
}
