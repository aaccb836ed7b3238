package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/reuselint/reuselint/internal/doc"
)

// TestSourceRoundTrip: the constant source writes holds exactly what
// doc.Extract returns, whether it can be written as a raw string or not.
func TestSourceRoundTrip(t *testing.T) {
	for _, content := range []string{
		"// Package x does x.\n//\n// # Analyzer x\n//\n// x: a title\n//\n// A body.\n//\n//\tcode\npackage x\n",
		"// Package x does x.\n//\n// # Analyzer x\n//\n// x: a title with `backquotes`\n//\n// A body.\npackage x\n",
	} {
		want, err := doc.Extract(content, "x")
		if err != nil {
			t.Fatal(err)
		}
		src, err := source(content, "x")
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), "docstring.go", src, 0)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		var got string
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				got, err = strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
			}
			return true
		})
		if got != want {
			t.Errorf("docString = %q, want %q", got, want)
		}
	}
}
