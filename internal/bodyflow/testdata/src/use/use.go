package use // want package:"bodyHelpers"

// use does not import net/http: it is analyzed because lib exported
// facts.

import (
	"io"

	"lib"
)

func CloseQuietly(b io.ReadCloser) { // want CloseQuietly:"drainsBody\\(b\\)"
	lib.Drain(b)
}
