package tlssessioncache

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/reuselint/reuselint/internal/edit"
	"github.com/reuselint/reuselint/internal/nethttp"
)

func (a *checker) reportMissing(o origin, unsafe bool) {
	if o.call != nil {
		msg := msgForeign
		if unsafe {
			msg = msgForeignVerify
		}
		a.pass.Report(analysis.Diagnostic{Pos: o.call.Pos(), End: o.call.End(), Message: fmt.Sprintf(msg, funcName(o.fn))})
		a.reported[o.call] = true
		return
	}
	n := o.cur.Node()
	a.reported[n] = true
	d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msgNoCache}
	if unsafe {
		d.Message = msgVerify
	} else if name := a.tlsName(n.Pos()); name != "" {
		cache := "ClientSessionCache: " + name + ".NewLRUClientSessionCache(0)"
		var es []analysis.TextEdit
		if o.new != nil {
			// new(tls.Config) becomes a literal with the cache.
			es = []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte("&" + name + ".Config{" + cache + "}")}}
		} else if src, err := edit.NewSource(a.pass, n.Pos()); err == nil {
			es = src.AddElt(o.lit, cache)
		}
		if es != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Add a ClientSessionCache", TextEdits: es}}
		}
	}
	a.pass.Report(d)
}

// tlsName returns the name under which the file at pos imports
// crypto/tls, if that name denotes it at pos, or "".
func (a *checker) tlsName(pos token.Pos) string {
	f := edit.File(a.pass, pos)
	if f == nil {
		return ""
	}
	for _, imp := range f.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err != nil || path != nethttp.TLS {
			continue
		}
		name := "tls"
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name == "_" || name == "." {
			return ""
		}
		scope := a.pass.Pkg.Scope().Innermost(pos)
		if scope == nil {
			return ""
		}
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == nethttp.TLS {
				return name
			}
		}
	}
	return ""
}
