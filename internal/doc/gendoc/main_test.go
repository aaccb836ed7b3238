package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/reuselint/reuselint/internal/doc"
)

// parts is the smallest valid body of a doc.go, and its package clause.
const parts = "// Bad:\n//\n//\tbad()\n//\n// Good:\n//\n//\tgood()\n//\n// Why it costs: it does.\n//\n// Not reported: x.\n//\n// Known limits: y.\npackage x\n"

// TestSourceRoundTrip: the constant source writes holds exactly what
// doc.Extract returns, whether it can be written as a raw string or not.
func TestSourceRoundTrip(t *testing.T) {
	for _, content := range []string{
		"// Package x does x.\n//\n// # Analyzer x\n//\n// x: a title\n//\n" + parts,
		"// Package x does x.\n//\n// # Analyzer x\n//\n// x: a title with `backquotes`\n//\n" + parts,
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
