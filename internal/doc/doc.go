// Package doc extracts an analyzer's documentation from its doc.go, so
// the package comment (pkg.go.dev), `reuselint help <check>`, the
// check's page docs/checks/<check>.md and the README's table of checks all
// come from one text.
//
// The "# Analyzer <name>" section of a check's doc.go is the title line
// "<name>: <title>" followed by labelled parts (see Parts):
//
//	Bad:          code (tab-indented), required
//	Good:         code, required
//	Why it costs: one paragraph, required
//	Reported:     what exactly is reported, optional
//	The fix:      what the suggested fix does, when the check has fixes
//	Not reported: the cases that stay silent, required
//	Options:      the check's flags, required when it has any
//	Known limits: required
package doc

import (
	"fmt"
	"strings"
)

// Extract returns the "# Analyzer <name>" section of the package comment
// in content (the text of a doc.go file), in the form Analyzer.Doc expects:
// the title after "<name>: ", a blank line, then the body, made of the
// labelled parts that Parts reads (a malformed body is an error).
//
// It reads the comment with string operations instead of go/parser; the
// test checks that it agrees with go/ast's CommentGroup.Text. The checks
// do not call it at run time: gendoc writes its result into each check's
// docstring.go.
func Extract(content, name string) (string, error) {
	text, ok := packageComment(content)
	if !ok {
		return "", fmt.Errorf("doc.go of %s has no package doc comment", name)
	}
	for section := range strings.SplitSeq(text, "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name+"\n")
		if !ok {
			continue
		}
		body = strings.TrimLeft(body, "\n")
		title, ok := strings.CutPrefix(body, name+": ")
		if !ok {
			return "", fmt.Errorf("doc.go of %s: section must start with %q", name, name+": ")
		}
		d := strings.TrimSpace(title) + "\n"
		if _, err := Parts(d); err != nil {
			return "", fmt.Errorf("doc.go of %s: %v", name, err)
		}
		return d, nil
	}
	return "", fmt.Errorf("doc.go of %s has no %q section", name, "# Analyzer "+name)
}

// packageComment returns the text of the // comment lines right above the
// package clause of content, as go/ast's CommentGroup.Text gives it: the
// markers and the first space removed, directives (//go:embed...) left
// out, trailing spaces trimmed, runs of blank lines reduced to one, no
// blank lines at either end.
func packageComment(content string) (string, bool) {
	var group []string
	for line := range strings.Lines(content) {
		line = strings.TrimRight(line, "\r\n")
		switch {
		case strings.HasPrefix(line, "//"):
			group = append(group, line)
		case strings.HasPrefix(line, "package "):
			return commentText(group), len(group) > 0
		default:
			group = nil // a blank line or code ends a comment group
		}
	}
	return "", false
}

// commentText is CommentGroup.Text for a group of // lines.
func commentText(group []string) string {
	var lines []string
	for _, l := range group {
		l = l[2:]
		if isDirective(l) {
			continue
		}
		l = strings.TrimPrefix(l, " ")
		l = strings.TrimRight(l, " \t")
		if l == "" && (len(lines) == 0 || lines[len(lines)-1] == "") {
			continue
		}
		lines = append(lines, l)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// isDirective reports whether a comment's text (after //) is a directive
// such as go:embed or lint:ignore, which CommentGroup.Text leaves out.
func isDirective(c string) bool {
	colon := strings.Index(c, ":")
	if colon <= 0 || colon+1 >= len(c) {
		return false
	}
	for _, r := range c[:colon] {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return false
		}
	}
	r := c[colon+1]
	return 'a' <= r && r <= 'z' || '0' <= r && r <= '9'
}

// Title returns the first line of an analyzer's Doc.
func Title(doc string) string {
	title, _, _ := strings.Cut(doc, "\n")
	return title
}

// PagePath returns the path of the page of the check name, from the
// repository's root.
func PagePath(name string) string {
	return "docs/checks/" + name + ".md"
}

// URL returns the documentation address of the check name: its page on
// GitHub.
func URL(name string) string {
	return "https://github.com/reuselint/reuselint/blob/main/" + PagePath(name)
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
