// Package a is any package: the test only looks at what is built for it.
package a

import "strings"

func F(s string) string { return strings.ToUpper(s) }

func G() {}
