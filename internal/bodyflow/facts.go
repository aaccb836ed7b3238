package bodyflow

import (
	"strings"
)

// Effect is what a function does, on every path, with one of its
// parameters that can hold a response or its body.
type Effect uint8

const (
	// Keeps: the function hands the value on (returns it, stores it,
	// passes it to an unknown function) or closes it on some paths only.
	// The caller no longer owns it.
	Keeps Effect = 1 << iota
	// Closes: the function closes the body on every path that returns.
	Closes
	// Reads: the function reads the body (before closing it, if it
	// closes it) on some path.
	Reads
	// Drains: the function reads the body to EOF (before closing it, if
	// it closes it) on some path.
	Drains
)

// String renders the effect the way the tests assert it.
func (e Effect) String() string {
	switch {
	case e&Keeps != 0:
		return "keepsBody"
	case e&Closes != 0 && e&Drains != 0:
		return "drainsBody"
	case e&Closes != 0 && e&Reads != 0:
		return "readsAndClosesBody"
	case e&Closes != 0:
		return "closesBody"
	case e&Drains != 0:
		return "readsAllBody"
	case e&Reads != 0:
		return "readsBody"
	}
	return "borrowsBody"
}

// Fact is attached to a function that has a parameter able to hold an
// *http.Response or its body (*http.Response, io.Reader, io.Closer,
// io.ReadCloser). Params[i] is the effect on parameter i; Relevant[i]
// tells whether parameter i is such a parameter at all.
//
// Returns marks a function with results (*http.Response, error) that
// returns, on every path, nil or the fresh response of a client call (or
// of another such function), unread, unclosed and not handed to anyone
// else: calls to it are followed like client calls.
type Fact struct {
	Params   []Effect
	Relevant []bool
	Names    []string
	Returns  bool
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String lists the effect on each relevant parameter, e.g.
// "closesBody(resp) readsBody(r)".
func (f *Fact) String() string {
	var parts []string
	for i, e := range f.Params {
		if f.Relevant[i] {
			parts = append(parts, e.String()+"("+f.Names[i]+")")
		}
	}
	if f.Returns {
		parts = append(parts, "returnsResponse")
	}
	return strings.Join(parts, " ")
}

// Param returns the effect on argument i of a call, mapping extra
// variadic arguments to the last parameter, and false when the
// parameter is not one the fact describes.
func (f *Fact) Param(i int, variadic bool) (Effect, bool) {
	if variadic && i >= len(f.Params)-1 {
		i = len(f.Params) - 1
	}
	if i < 0 || i >= len(f.Params) || !f.Relevant[i] {
		return 0, false
	}
	return f.Params[i], true
}

// helpersFact marks a package that exported at least one Fact, so that
// packages importing it are analyzed even when they do not import
// net/http themselves.
type helpersFact struct{ Funcs int }

func (*helpersFact) AFact()           {}
func (f *helpersFact) String() string { return "bodyHelpers" }
