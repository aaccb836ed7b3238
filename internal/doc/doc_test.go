package doc

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

// TestPackageCommentAgreesWithGoAST reads every check's doc.go both ways:
// the string scan Extract uses and go/ast's CommentGroup.Text.
func TestPackageCommentAgreesWithGoAST(t *testing.T) {
	files, err := filepath.Glob("../../passes/*/doc.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no doc.go found: %v", err)
	}
	files = append(files, "doc.go")
	for _, file := range files {
		content, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, content, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := packageComment(string(content))
		if !ok || got != f.Doc.Text() {
			t.Errorf("%s: packageComment differs from go/ast:\n--- got ---\n%s\n--- want ---\n%s", file, got, f.Doc.Text())
		}
	}
}

func TestPackageCommentCases(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"// A\n//\n//\n// B  \n//go:build x\npackage p\n", "A\n\nB\n"},
		{"// stray\n\n// Doc.\npackage p\n", "Doc.\n"},
		{"//\tcode\n// text\npackage p\n", "\tcode\ntext\n"},
	} {
		if got, _ := packageComment(c.src); got != c.want {
			t.Errorf("packageComment(%q) = %q, want %q", c.src, got, c.want)
		}
	}
	if _, ok := packageComment("package p\n"); ok {
		t.Error("packageComment found a comment where there is none")
	}
}

func TestExtractErrors(t *testing.T) {
	for _, src := range []string{
		"package p\n",
		"// Package p.\npackage p\n",
		"// Package p.\n//\n// # Analyzer x\n//\n// wrong title\npackage p\n",
	} {
		if _, err := Extract(src, "x"); err == nil {
			t.Errorf("Extract(%q) gave no error", src)
		}
	}
	if d, err := Extract("// Package p.\n//\n// # Analyzer x\n//\n// x: a title\n//\n// Body.\npackage p\n", "x"); err != nil || d != "a title\n\nBody.\n" {
		t.Errorf("Extract = %q, %v", d, err)
	}
}
