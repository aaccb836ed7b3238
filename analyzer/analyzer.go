// Package analyzer is the reuselint suite: the list of every check.
//
// Adding a check means adding its package under passes/ and one line to
// constructors below.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/passes/clientperrequest"
	"github.com/reuselint/reuselint/passes/keepalive"
	"github.com/reuselint/reuselint/passes/tlssessioncache"
	"github.com/reuselint/reuselint/passes/unclosedbody"
	"github.com/reuselint/reuselint/passes/undrainedbody"
)

// constructors builds each check, in the order the README lists them.
// Each returns a fresh *analysis.Analyzer with its own flags.
var constructors = []func() *analysis.Analyzer{
	clientperrequest.New,
	keepalive.New,
	tlssessioncache.New,
	unclosedbody.New,
	undrainedbody.New,
}

// Suite is every check with its default settings, as cmd/reuselint runs them.
var Suite = New()

// New returns fresh instances of every check. Their flags are their own,
// so a caller (the golangci-lint plugin, a test) can set them without
// touching Suite.
//
// Each check is wrapped (see wrap) to honour //reuselint:ignore and
// //reuselint:file-ignore directives and to end its messages with
// " (<check>)".
func New() []*analysis.Analyzer {
	return wrapAll(constructors, true)
}

// NewForGolangci returns fresh instances of every check like New, whose
// messages do not end with " (<check>)": golangci-lint shows each
// message after the check's name already ("unclosedbody: ...").
func NewForGolangci() []*analysis.Analyzer {
	return wrapAll(constructors, false)
}

// wrapAll builds and wraps the analyzers of constructors, tagging their
// messages with their names when tag is set.
func wrapAll(constructors []func() *analysis.Analyzer, tag bool) []*analysis.Analyzer {
	as := make([]*analysis.Analyzer, len(constructors))
	names := make([]string, len(constructors))
	for i, c := range constructors {
		as[i] = c()
		names[i] = as[i].Name
	}
	for i, a := range as {
		as[i] = wrap(a, names, tag)
	}
	return as
}
