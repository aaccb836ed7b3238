package transportdefaults

import (
	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/transportflow"
)

// fix returns the one fix of t, or nil: ForceAttemptHTTP2: true added to
// the literal (whatever fields are assigned later, the literal comes
// first), or, for new(http.Transport), v.ForceAttemptHTTP2 = true after
// the statement of v's block that holds the last field assignment, so it
// runs on every path that set a field.
func (c *checker) fix(t *transportflow.Transport) *analysis.SuggestedFix {
	src, err := edit.NewSource(c.pass, t.Anchor.Pos())
	if err != nil {
		return nil
	}
	if t.Lit != nil {
		if es := src.AddElt(t.Lit, "ForceAttemptHTTP2: true"); es != nil {
			return &analysis.SuggestedFix{Message: "Add ForceAttemptHTTP2: true", TextEdits: es}
		}
		return nil
	}
	es := t.SetAfterAssigns(src, "ForceAttemptHTTP2", "true")
	if es == nil {
		return nil
	}
	return &analysis.SuggestedFix{Message: "Set ForceAttemptHTTP2 to true", TextEdits: es}
}
