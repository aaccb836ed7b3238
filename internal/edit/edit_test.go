package edit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// parse parses a file holding src inside a function body and returns
// its Source, the first composite literal and the inspector.
func parse(t *testing.T, body string) (*Source, *ast.CompositeLit, *inspector.Inspector) {
	t.Helper()
	src := "package p\n\nfunc f() {\n" + body + "}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		if l, ok := n.(*ast.CompositeLit); ok && lit == nil {
			lit = l
		}
		return true
	})
	return &Source{File: fset.File(f.FileStart), Text: []byte(src)}, lit, inspector.New([]*ast.File{f})
}

// apply applies edits to the function body of s and returns the body.
func apply(t *testing.T, s *Source, edits []analysis.TextEdit) string {
	t.Helper()
	if edits == nil {
		return "<no fix>"
	}
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(x, y analysis.TextEdit) int { return int(x.Pos - y.Pos) })
	out := string(s.Text)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = out[:s.off(e.Pos)] + string(e.NewText) + out[s.off(e.End):]
	}
	const head, tail = "package p\n\nfunc f() {\n", "}\n"
	return out[len(head) : len(out)-len(tail)]
}

func TestDeleteElt(t *testing.T) {
	for _, tc := range []struct {
		body string
		i    int
		want string
	}{
		{"\t_ = T{\n\t\tA: 1,\n\t\tB: 2, // why\n\t}\n", 1, "\t_ = T{\n\t\tA: 1,\n\t}\n"},
		{"\t_ = T{A: 1, B: 2, C: 3}\n", 1, "\t_ = T{A: 1, C: 3}\n"},
		{"\t_ = T{A: 1, B: 2}\n", 0, "\t_ = T{B: 2}\n"},
		{"\t_ = T{A: 1}\n", 0, "\t_ = T{}\n"},
		{"\t_ = T{A: 1,\n\t\tB: 2}\n", 0, "<no fix>"},
	} {
		s, lit, _ := parse(t, tc.body)
		if got := apply(t, s, s.DeleteElt(lit, tc.i)); got != tc.want {
			t.Errorf("DeleteElt(%d) of\n%s\ngot\n%s\nwant\n%s", tc.i, tc.body, got, tc.want)
		}
	}
}

func TestAddElt(t *testing.T) {
	for _, tc := range []struct {
		body, want string
	}{
		{"\t_ = T{}\n", "\t_ = T{X: 1}\n"},
		{"\t_ = T{A: 1}\n", "\t_ = T{A: 1, X: 1}\n"},
		{"\t_ = T{\n\t\tA: 1,\n\t}\n", "\t_ = T{\n\t\tA: 1,\n\t\tX: 1,\n\t}\n"},
		{"\t_ = T{\n\t}\n", "\t_ = T{\n\t\tX: 1,\n\t}\n"},
		{"\t_ = T{\n\t\tA: 1}\n", "\t_ = T{\n\t\tA: 1, X: 1}\n"},
		{"\t_ = T{A: 1 /* c */}\n", "<no fix>"},
	} {
		s, lit, _ := parse(t, tc.body)
		if got := apply(t, s, s.AddElt(lit, "X: 1")); got != tc.want {
			t.Errorf("AddElt to\n%s\ngot\n%s\nwant\n%s", tc.body, got, tc.want)
		}
	}
}

func TestDeleteStmt(t *testing.T) {
	for _, tc := range []struct {
		body, want string
	}{
		{"\tx := 1\n\tx = 2 // why\n\t_ = x\n", "\tx := 1\n\t_ = x\n"},
		{"\tx := 1; x = 2\n\t_ = x\n", "<no fix>"},
		{"\tif x := 1; x > 0 {\n\t}\n", "<no fix>"},
	} {
		s, _, in := parse(t, tc.body)
		var edits []analysis.TextEdit
		for c := range in.Root().Preorder((*ast.AssignStmt)(nil)) {
			if c.Node().(*ast.AssignStmt).Tok == token.DEFINE && tc.want != "<no fix>" {
				continue // the statement to delete is the second one
			}
			edits = s.DeleteStmt(c)
			break
		}
		if got := apply(t, s, edits); got != tc.want {
			t.Errorf("DeleteStmt in\n%s\ngot\n%s\nwant\n%s", tc.body, got, tc.want)
		}
	}
}

func TestInsertAfter(t *testing.T) {
	for _, tc := range []struct {
		body, want string
	}{
		{"\tx := 1\n\t_ = x\n", "\tx := 1\n\tx = 2\n\t_ = x\n"},
		{"\tx := 1 // why\n\t_ = x\n", "\tx := 1 // why\n\tx = 2\n\t_ = x\n"},
		{"\tif true {\n\t\tx := 1\n\t\t_ = x\n\t}\n", "\tif true {\n\t\tx := 1\n\t\tx = 2\n\t\t_ = x\n\t}\n"},
		{"\tx := 1; _ = x\n", "<no fix>"},
		{"\tif x := 1; x > 0 {\n\t}\n", "<no fix>"},
	} {
		s, _, in := parse(t, tc.body)
		var edits []analysis.TextEdit
		for c := range in.Root().Preorder((*ast.AssignStmt)(nil)) {
			edits = s.InsertAfter(c, "x = 2")
			break
		}
		if got := apply(t, s, edits); got != tc.want {
			t.Errorf("InsertAfter in\n%s\ngot\n%s\nwant\n%s", tc.body, got, tc.want)
		}
	}
}
