// Package edit builds the text edits of reuselint's suggested fixes:
// removing a statement or an element of a composite literal, adding a
// field to a composite literal, and inserting a statement after another. The edits keep gofmt-clean source
// gofmt-clean; when the layout is unusual they return nil and the
// diagnostic goes without a fix.
package edit

import (
	"bytes"
	"errors"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Source is a file's text with its token.File, what the edits need to
// find line boundaries.
type Source struct {
	File *token.File
	Text []byte
}

// NewSource reads the file holding pos through pass.ReadFile.
func NewSource(pass *analysis.Pass, pos token.Pos) (*Source, error) {
	tf := pass.Fset.File(pos)
	text, err := pass.ReadFile(tf.Name())
	if err != nil {
		return nil, err
	}
	if len(text) != tf.Size() {
		return nil, errSize
	}
	return &Source{File: tf, Text: text}, nil
}

var errSize = errors.New("file changed since it was parsed")

func (s *Source) off(p token.Pos) int { return s.File.Offset(p) }

// ownLine reports whether [pos, end) is alone on its lines: only blanks
// before it, and after it at most a comma (when comma is set), blanks
// and a // comment. It returns the offsets of the start of its first
// line and of the line after its last.
func (s *Source) ownLine(pos, end token.Pos, comma bool) (start, next int, ok bool) {
	start = s.off(pos)
	for start > 0 && (s.Text[start-1] == ' ' || s.Text[start-1] == '\t') {
		start--
	}
	if start > 0 && s.Text[start-1] != '\n' {
		return 0, 0, false
	}
	next = s.off(end)
	rest := s.Text[next:]
	eol := bytes.IndexByte(rest, '\n')
	if eol < 0 {
		return 0, 0, false
	}
	tail := bytes.TrimSpace(rest[:eol])
	if comma {
		tail = bytes.TrimSpace(bytes.TrimPrefix(tail, []byte(",")))
	}
	if len(tail) > 0 && !bytes.HasPrefix(tail, []byte("//")) {
		return 0, 0, false
	}
	return start, next + eol + 1, true
}

func (s *Source) pos(off int) token.Pos { return s.File.Pos(off) }

// blank reports whether the text between two positions is only blanks.
func (s *Source) blank(from, to token.Pos) bool {
	return len(bytes.TrimSpace(s.Text[s.off(from):s.off(to)])) == 0
}

func (s *Source) line(p token.Pos) int { return s.File.Line(p) }

// DeleteElt returns the edit that removes lit.Elts[i]: its whole line
// (trailing comment included) when it has a line of its own, otherwise
// the element and one separating comma.
func (s *Source) DeleteElt(lit *ast.CompositeLit, i int) []analysis.TextEdit {
	elt := lit.Elts[i]
	if start, next, ok := s.ownLine(elt.Pos(), elt.End(), true); ok {
		return []analysis.TextEdit{{Pos: s.pos(start), End: s.pos(next)}}
	}
	switch {
	case i > 0 && s.line(lit.Elts[i-1].End()) == s.line(elt.Pos()):
		// "a, elt" or "a, elt, b": remove ", elt".
		return []analysis.TextEdit{{Pos: lit.Elts[i-1].End(), End: elt.End()}}
	case i+1 < len(lit.Elts) && s.line(lit.Elts[i+1].Pos()) == s.line(elt.End()):
		// "elt, b": remove "elt, ".
		return []analysis.TextEdit{{Pos: elt.Pos(), End: lit.Elts[i+1].Pos()}}
	case len(lit.Elts) == 1 && s.line(lit.Lbrace) == s.line(lit.Rbrace):
		// "{elt}": remove everything between the braces.
		return []analysis.TextEdit{{Pos: lit.Lbrace + 1, End: lit.Rbrace}}
	}
	return nil
}

// DeleteStmt returns the edit that removes the statement at c, with its
// line, or nil when the statement is not alone on its line or not in a
// statement list (an if's init statement, say).
func (s *Source) DeleteStmt(c inspector.Cursor) []analysis.TextEdit {
	switch k, _ := c.ParentEdge(); k {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return nil
	}
	if _, ok := c.Parent().Node().(*ast.LabeledStmt); ok {
		return nil
	}
	n := c.Node()
	start, next, ok := s.ownLine(n.Pos(), n.End(), false)
	if !ok {
		return nil
	}
	return []analysis.TextEdit{{Pos: s.pos(start), End: s.pos(next)}}
}

// AddElt returns the edit that adds text (a "Key: value" element) as the
// last element of lit, on a line of its own when the literal spans lines.
func (s *Source) AddElt(lit *ast.CompositeLit, text string) []analysis.TextEdit {
	if len(lit.Elts) == 0 && s.line(lit.Lbrace) == s.line(lit.Rbrace) {
		return []analysis.TextEdit{{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(text)}}
	}
	if len(lit.Elts) > 0 {
		// "{a, b}" or "{\n\ta,\n\tb}": append after the last element.
		last := lit.Elts[len(lit.Elts)-1]
		if s.line(last.End()) == s.line(lit.Rbrace) {
			if !s.blank(last.End(), lit.Rbrace) {
				return nil // a comment or trailing comma: leave it alone
			}
			return []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(", " + text)}}
		}
	}
	// Multi-line: the closing brace must start its line, and the new
	// line takes the indentation of the last element (or one more tab
	// than the brace).
	if !s.bracePrefixBlank(lit.Rbrace) {
		return nil
	}
	lineStart := s.lineStart(lit.Rbrace)
	var indent []byte
	if len(lit.Elts) > 0 {
		indent = s.indent(lit.Elts[len(lit.Elts)-1].Pos())
	} else {
		indent = append(s.indent(lit.Rbrace), '\t')
	}
	line := string(indent) + text + ",\n"
	return []analysis.TextEdit{{Pos: s.pos(lineStart), End: s.pos(lineStart), NewText: []byte(line)}}
}

// lineStart returns the offset of the start of p's line.
func (s *Source) lineStart(p token.Pos) int {
	o := s.off(p)
	return bytes.LastIndexByte(s.Text[:o], '\n') + 1
}

// bracePrefixBlank reports whether only blanks precede p on its line.
func (s *Source) bracePrefixBlank(p token.Pos) bool {
	return len(bytes.TrimSpace(s.Text[s.lineStart(p):s.off(p)])) == 0
}

// indent returns the leading blanks of p's line.
func (s *Source) indent(p token.Pos) []byte {
	ls := s.lineStart(p)
	e := ls
	for e < len(s.Text) && (s.Text[e] == ' ' || s.Text[e] == '\t') {
		e++
	}
	return append([]byte(nil), s.Text[ls:e]...)
}

// SafeToDelete reports whether removing the source range of n from file
// leaves it compiling as far as names go: every local variable and every
// imported package that n mentions is still mentioned elsewhere in file.
func SafeToDelete(info *types.Info, pkg *types.Package, file *ast.File, n ast.Node) bool {
	need := make(map[types.Object]bool)
	ast.Inspect(n, func(x ast.Node) bool {
		id, ok := x.(*ast.Ident)
		if !ok {
			return true
		}
		switch obj := info.Uses[id].(type) {
		case *types.PkgName:
			need[obj] = true
		case *types.Var:
			if !obj.IsField() && obj.Pkg() == pkg && obj.Parent() != pkg.Scope() {
				need[obj] = true
			}
		}
		return true
	})
	if len(need) == 0 {
		return true
	}
	ast.Inspect(file, func(x ast.Node) bool {
		if len(need) == 0 {
			return false
		}
		if x != nil && x.Pos() >= n.Pos() && x.End() <= n.End() {
			return false
		}
		if id, ok := x.(*ast.Ident); ok {
			delete(need, info.Uses[id])
		}
		return true
	})
	return len(need) == 0
}

// ReportRemoval reports msg on n with a fix named fix whose edits come
// from edits, when edits returns some and removing n leaves every name it
// uses in use; otherwise the diagnostic goes without a fix.
func ReportRemoval(pass *analysis.Pass, n ast.Node, msg, fix string, edits func(*Source) []analysis.TextEdit) {
	d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg}
	if src, err := NewSource(pass, n.Pos()); err == nil {
		if es := edits(src); es != nil && SafeToDelete(pass.TypesInfo, pass.Pkg, File(pass, n.Pos()), n) {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: fix, TextEdits: es}}
		}
	}
	pass.Report(d)
}

// File returns the file of pass that holds pos, or nil.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// Up returns the parent of cur, skipping parentheses, with the edge that
// leads to it.
func Up(cur inspector.Cursor) (inspector.Cursor, edge.Kind, int) {
	for {
		k, i := cur.ParentEdge()
		cur = cur.Parent()
		if k != edge.ParenExpr_X {
			return cur, k, i
		}
	}
}

// InsertAfter returns the edit that adds text (one statement) on a new
// line after the statement at c, with the same indentation, or nil when
// the statement does not have its lines to itself (a trailing // comment
// is allowed) or is not in a statement list.
func (s *Source) InsertAfter(c inspector.Cursor, text string) []analysis.TextEdit {
	switch k, _ := c.ParentEdge(); k {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return nil
	}
	n := c.Node()
	_, next, ok := s.ownLine(n.Pos(), n.End(), false)
	if !ok {
		return nil
	}
	line := string(s.indent(n.Pos())) + text + "\n"
	return []analysis.TextEdit{{Pos: s.pos(next), End: s.pos(next), NewText: []byte(line)}}
}
