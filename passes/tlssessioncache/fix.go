package tlssessioncache

import (
	"fmt"
	"go/ast"
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

// A pendingFix is a per-dial diagnostic waiting for the name of the
// package's shared cache.
type pendingFix struct {
	d analysis.Diagnostic
	o origin
}

// reportPerDial reports a config built for each connection. Its fix,
// computed by flushPerDial, points the literal at one package-level
// cache: a cache created with the config would serve one connection.
func (a *checker) reportPerDial(o origin, unsafe, clientCert bool) {
	if o.call != nil || unsafe {
		a.reportMissing(o, unsafe)
		return
	}
	n := o.cur.Node()
	a.reported[n] = true
	d := analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msgPerDial}
	if clientCert {
		// A session keeps the identity it was authenticated with: a
		// cache shared by every config of the package could resume it
		// for another identity.
		d.Message = msgPerDialCert
		a.pass.Report(d)
		return
	}
	a.pending = append(a.pending, pendingFix{d, o})
}

// cacheVarName is the name the fix gives the shared cache (with a
// number when it is taken).
const cacheVarName = "tlsSessionCache"

// flushPerDial reports the pending per-dial diagnostics. Every fix of the
// package uses one package-level cache (crypto/tls keys sessions by
// server name, so one cache serves every server): an existing
// `var c = tls.NewLRUClientSessionCache(n)`, or a new one. The new
// declaration goes after the imports of one file, the first in the
// package with a fix, and every fix of that file inserts the same text at
// the same place, which the drivers (-fix, analysistest) merge into one.
// Fixes in the other files wait for a later run, where the variable
// exists: edits stay in the diagnostic's own file.
func (a *checker) flushPerDial() {
	if len(a.pending) == 0 {
		return
	}
	name, existing := a.sharedCache()
	var declFile *ast.File
	if existing == nil {
		name = a.freeName()
		for _, f := range a.pass.Files {
			for _, p := range a.pending {
				if declFile == nil && f.FileStart <= p.d.Pos && p.d.Pos <= f.FileEnd && a.tlsName(p.d.Pos) != "" {
					declFile = f
				}
			}
		}
	}
	for _, p := range a.pending {
		d := p.d
		if es := a.shareCache(p.o, name, existing, declFile); es != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Share a package-level ClientSessionCache", TextEdits: es}}
		}
		a.pass.Report(d)
	}
}

// shareCache returns the edits that set ClientSessionCache: name in the
// config created at o, with the declaration of name when existing is nil
// and o is in declFile; nil when name is not visible there.
func (a *checker) shareCache(o origin, name string, existing types.Object, declFile *ast.File) []analysis.TextEdit {
	n := o.cur.Node()
	tls := a.tlsName(n.Pos())
	scope := a.pass.Pkg.Scope().Innermost(n.Pos())
	if tls == "" || scope == nil {
		return nil
	}
	if _, obj := scope.LookupParent(name, n.Pos()); obj != existing {
		return nil // shadowed, or not declared yet in this file
	}
	var es []analysis.TextEdit
	if existing == nil {
		f := edit.File(a.pass, n.Pos())
		if f != declFile {
			return nil
		}
		var imports ast.Decl
		for _, decl := range f.Decls {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				imports = gd
			}
		}
		if imports == nil {
			return nil
		}
		text := "\n\n// " + name + " lets TLS connections resume sessions (it is keyed by server name).\nvar " + name + " = " + tls + ".NewLRUClientSessionCache(0)"
		es = append(es, analysis.TextEdit{Pos: imports.End(), End: imports.End(), NewText: []byte(text)})
	}
	field := "ClientSessionCache: " + name
	if o.new != nil {
		return append(es, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte("&" + tls + ".Config{" + field + "}")})
	}
	src, err := edit.NewSource(a.pass, n.Pos())
	if err != nil {
		return nil
	}
	lit := src.AddElt(o.lit, field)
	if lit == nil {
		return nil
	}
	return append(es, lit...)
}

// sharedCache returns a package-level variable of a non-test file
// initialized with tls.NewLRUClientSessionCache, if there is one.
func (a *checker) sharedCache() (string, types.Object) {
	for _, f := range a.pass.Files {
		if nethttp.IsTestFile(a.pass.Fset, f) {
			continue
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Names) != 1 || len(vs.Values) != 1 || vs.Names[0].Name == "_" {
					continue
				}
				call, ok := ast.Unparen(vs.Values[0]).(*ast.CallExpr)
				if ok && nethttp.IsFunc(nethttp.Callee(a.pass.TypesInfo, call), nethttp.TLS, "NewLRUClientSessionCache") {
					return vs.Names[0].Name, a.pass.TypesInfo.Defs[vs.Names[0]]
				}
			}
		}
	}
	return "", nil
}

// freeName returns cacheVarName, numbered if needed, so that it names
// nothing in the package or in any file's imports.
func (a *checker) freeName() string {
	for i := 1; ; i++ {
		name := cacheVarName
		if i > 1 {
			name += strconv.Itoa(i)
		}
		taken := a.pass.Pkg.Scope().Lookup(name) != nil
		for _, f := range a.pass.Files {
			if s := a.pass.TypesInfo.Scopes[f]; s != nil && s.Lookup(name) != nil {
				taken = true
			}
		}
		if !taken {
			return name
		}
	}
}
