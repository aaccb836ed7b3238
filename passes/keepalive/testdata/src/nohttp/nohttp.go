// Package nohttp depends on net/http through reqlib but names nothing of
// it: keepalive returns before building the syntax inspector, and has
// nothing to report.
package nohttp

import "reqlib"

func Use(c *reqlib.Client) string { return c.Base }
