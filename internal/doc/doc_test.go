package doc

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
	if d, err := Extract("// Package p.\n//\n// # Analyzer x\n//\n// x: a title\n//\n// Body.\npackage p\n", "x"); err == nil {
		t.Errorf("Extract of a body without parts = %q, want an error", d)
	}
	src := "// Package p.\n//\n// # Analyzer x\n//\n// x: a title\n//\n// " + strings.ReplaceAll(strings.TrimSpace(validBody), "\n", "\n// ") + "\npackage p\n"
	src = strings.ReplaceAll(src, "// \n", "//\n")
	if d, err := Extract(src, "x"); err != nil || d != "a title\n\n"+validBody {
		t.Errorf("Extract = %q, %v", d, err)
	}
}

// validBody is a body with every part.
const validBody = `Bad:

	bad()

Good:

	good()

Why it costs: one paragraph.

Reported: this.

The fix: that.

Not reported: those.

Options: -x.flag does it.

Known limits: these.
`

func TestParts(t *testing.T) {
	parts, err := Parts("a title\n\n" + validBody)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, p := range parts {
		labels = append(labels, p.Label)
	}
	if !slices.Equal(labels, Labels) {
		t.Errorf("labels = %q, want %q", labels, Labels)
	}
	if got := Find(parts, Bad); got != "\tbad()" {
		t.Errorf("Bad = %q", got)
	}
	if got := Find(parts, WhyItCosts); got != "one paragraph." {
		t.Errorf("Why it costs = %q", got)
	}

	// Each of these breaks one rule and must be an error.
	for name, body := range map[string]string{
		"text first":       "Intro.\n\n" + validBody,
		"unknown label":    strings.Replace(validBody, "Known limits:", "Known limit:", 1),
		"out of order":     strings.Replace(validBody, "Bad:\n\n\tbad()\n\nGood:\n\n\tgood()", "Good:\n\n\tgood()\n\nBad:\n\n\tbad()", 1),
		"missing required": strings.Replace(validBody, "Not reported: those.\n\n", "", 1),
		"two paragraphs":   strings.Replace(validBody, "one paragraph.", "one.\n\nTwo.", 1),
		"prose in Bad":     strings.Replace(validBody, "\tbad()", "bad()", 1),
		"empty part":       strings.Replace(validBody, "Reported: this.", "Reported:", 1),
		"repeated part":    validBody + "\nKnown limits: again.\n",
	} {
		if _, err := Parts("a title\n\n" + body); err == nil {
			t.Errorf("%s: Parts gave no error", name)
		}
	}
}
