package transportdefaults

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/edit"
)

// fix returns the one fix of t, or nil: ForceAttemptHTTP2: true added to
// the literal (whatever fields are assigned later, the literal comes
// first), or, for new(http.Transport), v.ForceAttemptHTTP2 = true after
// the statement of v's block that holds the last field assignment, so it
// runs on every path that set a field.
func (c *checker) fix(t *transport) *analysis.SuggestedFix {
	src, err := edit.NewSource(c.pass, t.anchor.Pos())
	if err != nil {
		return nil
	}
	if t.lit != nil {
		if es := src.AddElt(t.lit, "ForceAttemptHTTP2: true"); es != nil {
			return &analysis.SuggestedFix{Message: "Add ForceAttemptHTTP2: true", TextEdits: es}
		}
		return nil
	}
	if t.v == nil || len(t.assigns) == 0 || !t.declared {
		return nil
	}
	last, ok := sibling(t.assigns[len(t.assigns)-1], t.decl.Parent())
	if !ok {
		return nil
	}
	es := src.InsertAfter(last, t.v.Name()+".ForceAttemptHTTP2 = true")
	if es == nil {
		return nil
	}
	return &analysis.SuggestedFix{Message: "Set ForceAttemptHTTP2 to true", TextEdits: es}
}

// sibling returns the ancestor of cur (cur included) whose parent is
// block.
func sibling(cur, block inspector.Cursor) (inspector.Cursor, bool) {
	for c := cur; c.Node() != nil; c = c.Parent() {
		if c.Parent() == block {
			return c, true
		}
	}
	return inspector.Cursor{}, false
}
