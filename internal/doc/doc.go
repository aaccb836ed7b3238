// Package doc extracts an analyzer's documentation from its doc.go, so
// the package comment (pkg.go.dev), `reuselint help <check>` and the
// README all come from one text.
package doc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract is like Extract but panics on error, so a malformed
// doc.go fails every test of the check at package initialization.
func MustExtract(content, name string) string {
	d, err := Extract(content, name)
	if err != nil {
		panic(err)
	}
	return d
}

// Extract returns the "# Analyzer <name>" section of the package comment
// in content (the text of a doc.go file), in the form Analyzer.Doc expects:
// the title after "<name>: ", a blank line, then the body.
func Extract(content, name string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("doc.go of %s: not a Go source file: %v", name, err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go of %s has no package doc comment", name)
	}
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name+"\n")
		if !ok {
			continue
		}
		body = strings.TrimLeft(body, "\n")
		title, ok := strings.CutPrefix(body, name+": ")
		if !ok {
			return "", fmt.Errorf("doc.go of %s: section must start with %q", name, name+": ")
		}
		return strings.TrimSpace(title) + "\n", nil
	}
	return "", fmt.Errorf("doc.go of %s has no %q section", name, "# Analyzer "+name)
}

// Title returns the first line of an analyzer's Doc.
func Title(doc string) string {
	title, _, _ := strings.Cut(doc, "\n")
	return title
}

// URL returns the documentation address of the check name.
func URL(name string) string {
	return "https://pkg.go.dev/github.com/reuselint/reuselint/passes/" + name
}

// Markdown turns the tab-indented code blocks of a Go doc comment
// into fenced Go code blocks; the rest of the text is already Markdown.
func Markdown(text string) string {
	var b strings.Builder
	lines := strings.Split(text, "\n")
	inCode := false
	for i, line := range lines {
		code := strings.HasPrefix(line, "\t")
		if !inCode && code {
			b.WriteString("```go\n")
			inCode = true
		}
		if inCode && !code && line != "" {
			b.WriteString("```\n")
			inCode = false
		}
		if inCode && line == "" && !nextIsCode(lines[i+1:]) {
			b.WriteString("```\n")
			inCode = false
		}
		b.WriteString(strings.TrimPrefix(line, "\t"))
		b.WriteString("\n")
	}
	if inCode {
		b.WriteString("```\n")
	}
	return strings.TrimSpace(b.String())
}

// nextIsCode reports whether the first non-blank line of lines is code.
func nextIsCode(lines []string) bool {
	for _, l := range lines {
		if l != "" {
			return strings.HasPrefix(l, "\t")
		}
	}
	return false
}
