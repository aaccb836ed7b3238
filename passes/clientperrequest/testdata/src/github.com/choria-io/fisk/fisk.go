// Package fisk is a stub of github.com/choria-io/fisk.
package fisk

type ParseContext struct{}

type Action func(*ParseContext) error

type CmdClause struct{}

func (c *CmdClause) Action(a Action) *CmdClause { return c }
