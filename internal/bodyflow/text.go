package bodyflow

import (
	"bytes"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Source is the text of the file holding a node, for building fixes
// that keep the file gofmt-clean.
type Source struct {
	File *token.File
	Text []byte
}

// NewSource reads the file holding pos, or returns nil when it cannot
// (the fix is then left out).
func NewSource(pass *analysis.Pass, pos token.Pos) *Source {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	text, err := pass.ReadFile(tf.Name())
	if err != nil || len(text) != tf.Size() {
		return nil
	}
	return &Source{File: tf, Text: text}
}

// Indent returns the blanks that start the line of pos.
func (s *Source) Indent(pos token.Pos) string {
	off := s.File.Offset(pos)
	start := off
	for start > 0 && s.Text[start-1] != '\n' {
		start--
	}
	end := start
	for end < len(s.Text) && (s.Text[end] == ' ' || s.Text[end] == '\t') {
		end++
	}
	return string(s.Text[start:end])
}

// OwnLine reports whether n is alone on its lines, and returns the span
// from the start of its first line to the start of the line after it,
// for deleting it.
func (s *Source) OwnLine(n ast.Node) (from, to token.Pos, ok bool) {
	start := s.File.Offset(n.Pos())
	for start > 0 && (s.Text[start-1] == ' ' || s.Text[start-1] == '\t') {
		start--
	}
	if start > 0 && s.Text[start-1] != '\n' {
		return 0, 0, false
	}
	end := s.File.Offset(n.End())
	eol := bytes.IndexByte(s.Text[end:], '\n')
	if eol < 0 || len(bytes.TrimSpace(s.Text[end:end+eol])) > 0 {
		return 0, 0, false
	}
	return s.File.Pos(start), s.File.Pos(end + eol + 1), true
}

// Of returns the source text of n.
func (s *Source) Of(n ast.Node) string {
	return string(s.Text[s.File.Offset(n.Pos()):s.File.Offset(n.End())])
}
