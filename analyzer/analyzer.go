// Package analyzer is the reuselint suite: the list of every check.
//
// Adding a check means adding its package under passes/ (exporting
// Analyzer and New) and one line to checks below.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/pools"
	"github.com/reuselint/reuselint/passes/clientperrequest"
	"github.com/reuselint/reuselint/passes/keepalive"
	"github.com/reuselint/reuselint/passes/poolsize"
	"github.com/reuselint/reuselint/passes/tlssessioncache"
	"github.com/reuselint/reuselint/passes/transportdefaults"
	"github.com/reuselint/reuselint/passes/unclosedbody"
	"github.com/reuselint/reuselint/passes/undrainedbody"
)

// A check is one pass of passes/: its package's Analyzer (default
// settings; what cmd/reuselint and Bazel's nogo run) and its constructor
// (fresh instances with their own flags, for the golangci-lint plugin and
// tests), given the suite's one pool analysis (internal/pools), which it
// may ignore.
type check struct {
	analyzer *analysis.Analyzer
	new      func(pools *analysis.Analyzer) *analysis.Analyzer
}

// checks lists every check, one line each, in the order the README lists
// them.
var checks = []check{
	{clientperrequest.Analyzer, clientperrequest.NewWith},
	{keepalive.Analyzer, keepalive.NewWith},
	{poolsize.Analyzer, poolsize.NewWith},
	{tlssessioncache.Analyzer, tlssessioncache.NewWith},
	{transportdefaults.Analyzer, transportdefaults.NewWith},
	{unclosedbody.Analyzer, unclosedbody.NewWith},
	{undrainedbody.Analyzer, undrainedbody.NewWith},
}

// Suite is every check with its default settings, as cmd/reuselint runs
// them: the passes' own Analyzer values, wrapped (see wrap), so that each
// analyzer is built once per process (go vet starts one per package).
var Suite = wrapAll(analyzers(), true)

// New returns fresh instances of every check. Their flags are their own,
// so a caller (the golangci-lint plugin, a test) can set them without
// touching Suite.
//
// Each check is wrapped (see wrap) to honour //reuselint:ignore and
// //reuselint:file-ignore directives and to end its messages with
// " (<check>)".
func New() []*analysis.Analyzer {
	return wrapAll(build(), true)
}

// NewForGolangci returns fresh instances of every check like New, whose
// messages do not end with " (<check>)": golangci-lint shows each
// message after the check's name already ("unclosedbody: ...").
func NewForGolangci() []*analysis.Analyzer {
	return wrapAll(build(), false)
}

// analyzers returns the passes' Analyzer values.
func analyzers() []*analysis.Analyzer {
	as := make([]*analysis.Analyzer, len(checks))
	for i, c := range checks {
		as[i] = c.analyzer
	}
	return as
}

// build returns fresh instances of every check, sharing one fresh pool
// analysis: a fact type belongs to one analyzer per run.
func build() []*analysis.Analyzer {
	p := pools.New()
	as := make([]*analysis.Analyzer, len(checks))
	for i, c := range checks {
		as[i] = c.new(p)
	}
	return as
}

// wrapAll wraps analyzers, tagging their messages with their names when
// tag is set.
func wrapAll(as []*analysis.Analyzer, tag bool) []*analysis.Analyzer {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	run := &suiteRun{names: names}
	wrapped := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		wrapped[i] = wrapIn(a, run, tag)
	}
	return wrapped
}
