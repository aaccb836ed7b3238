package clientperrequest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reuselint/reuselint/internal/nethttp"
	"github.com/reuselint/reuselint/internal/pools"
)

// fix returns the fix that builds the pool once, in a package-level
// variable, and uses that variable where the pool was built. It returns
// nil when that could change what the code does or fail to compile: the
// construction refers to local names, the pool is closed or configured
// after construction, or it is not a pointer or interface (a copy would
// not share the connections).
func (c *checker) fix(p *pools.Pool) *analysis.SuggestedFix {
	if p.Result >= 0 || p.Closed || p.Mutated {
		return nil
	}
	info := c.pass.TypesInfo
	expr := p.Cur.Node().(ast.Expr)
	switch types.Unalias(info.TypeOf(expr)).Underlying().(type) {
	case *types.Pointer, *types.Interface:
	default:
		return nil
	}
	top, ok := topDecl(p.Fn)
	if !ok {
		return nil
	}
	refs, ok := c.packageRefs(expr)
	if !ok || c.reaches(refs, c.declared(top)) {
		return nil // a local name, or an initialization cycle
	}
	tf := c.pass.Fset.File(expr.Pos())
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return nil
	}
	name := c.freshName("shared"+p.Noun, expr.Pos())
	text := src[tf.Offset(expr.Pos()):tf.Offset(expr.End())]
	var b bytes.Buffer
	fmt.Fprintf(&b, "package p\n\n// %s is built once, so that requests reuse its connections.\nvar %s = %s\n", name, name, text)
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil
	}
	decl := bytes.TrimPrefix(out, []byte("package p\n\n"))
	at := top.Pos()
	switch d := top.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			at = d.Doc.Pos()
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			at = d.Doc.Pos()
		}
	}
	what := p.Noun
	if p.Kind == pools.Constructor {
		what = "pool"
	}
	return &analysis.SuggestedFix{
		Message: fmt.Sprintf("Build the %s once in package-level variable %s", what, name),
		TextEdits: []analysis.TextEdit{
			{Pos: at, End: at, NewText: append(decl, '\n')},
			{Pos: expr.Pos(), End: expr.End(), NewText: []byte(name)},
		},
	}
}

// topDecl returns the top-level declaration around fn.
func topDecl(fn inspector.Cursor) (ast.Decl, bool) {
	for cur := range fn.Enclosing() {
		if cur.ParentEdgeKind() == edge.File_Decls {
			d, ok := cur.Node().(ast.Decl)
			return d, ok
		}
	}
	return nil, false
}

// packageRefs returns the variables, functions and methods of this
// package that expr refers to. It reports false if expr refers to a local name
// (variable, constant, type or type parameter) declared outside it, which
// a package-level variable cannot see, or if evaluating it at package
// initialization could see other values than where it is: it reads a
// variable of this package (a flag, a configuration set by main) or calls
// one of its functions. Functions passed as values (a DialContext) are
// fine.
func (c *checker) packageRefs(expr ast.Expr) ([]types.Object, bool) {
	info := c.pass.TypesInfo
	var refs []types.Object
	ok := true
	var lits []*ast.FuncLit // function literals around the node: their bodies run later
	ast.Inspect(expr, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if n == nil {
			return true
		}
		if lit, isLit := n.(*ast.FuncLit); isLit {
			lits = append(lits, lit)
		}
		for len(lits) > 0 && n.Pos() >= lits[len(lits)-1].End() {
			lits = lits[:len(lits)-1]
		}
		atInit := len(lits) == 0
		switch n := n.(type) {
		case *ast.CallExpr:
			if fn := nethttp.Callee(info, n); atInit && fn != nil && fn.Pkg() == c.pass.Pkg {
				ok = false // called at initialization
			}
		case *ast.Ident:
			obj, isRef := c.packageRef(expr, n)
			switch {
			case !isRef:
			case obj == nil:
				ok = false // a local name
			case atInit:
				if _, isVar := obj.(*types.Var); isVar {
					ok = false // read at initialization: may be set later
				}
			}
			if obj != nil {
				refs = append(refs, obj) // for the initialization cycle check
			}
		}
		return ok
	})
	return refs, ok
}

// packageRef reports whether id, in expr, refers to a name of this
// package declared outside expr, and returns it if it is a package-level
// variable or function or a method; it returns nil for a local name.
func (c *checker) packageRef(expr ast.Expr, id *ast.Ident) (types.Object, bool) {
	obj := c.pass.TypesInfo.Uses[id]
	if obj == nil || obj.Pos() >= expr.Pos() && obj.Pos() < expr.End() {
		return nil, false // declared inside expr (a function literal's parameters)
	}
	switch obj := obj.(type) {
	case *types.PkgName, *types.Builtin, *types.Nil, *types.Label:
		return nil, false
	case *types.Var:
		if obj.IsField() {
			return nil, false
		}
	case *types.Func:
		if obj.Signature().Recv() != nil {
			if obj.Pkg() == c.pass.Pkg {
				return obj.Origin(), true
			}
			return nil, false
		}
	}
	if obj.Pkg() != c.pass.Pkg || obj.Parent() == types.Universe {
		return nil, false
	}
	if obj.Parent() != c.pass.Pkg.Scope() {
		return nil, true // local
	}
	switch obj.(type) {
	case *types.Var, *types.Func:
		return obj, true
	}
	return nil, false // a constant or type of the package
}

// declared returns the objects the top-level declaration d declares.
func (c *checker) declared(d ast.Decl) map[types.Object]bool {
	objs := make(map[types.Object]bool)
	info := c.pass.TypesInfo
	switch d := d.(type) {
	case *ast.FuncDecl:
		objs[info.Defs[d.Name]] = true
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				for _, n := range vs.Names {
					objs[info.Defs[n]] = true
				}
			}
		}
	}
	return objs
}

// reaches reports whether the package-level objects from refer, directly
// or through the bodies and initializers of this package's functions,
// methods and variables, to one of targets. A package-level variable
// initialized with such references, and used in a target, would form an
// initialization cycle.
func (c *checker) reaches(from []types.Object, targets map[types.Object]bool) bool {
	if len(from) == 0 {
		return false
	}
	info := c.pass.TypesInfo
	if c.decls == nil {
		c.decls = make(map[types.Object]ast.Node)
		for _, f := range c.pass.Files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					c.decls[info.Defs[d.Name]] = d
				case *ast.GenDecl:
					if d.Tok != token.VAR {
						continue
					}
					for _, spec := range d.Specs {
						for _, n := range spec.(*ast.ValueSpec).Names {
							c.decls[info.Defs[n]] = spec
						}
					}
				}
			}
		}
	}
	seen := make(map[types.Object]bool)
	stack := append([]types.Object(nil), from...)
	for len(stack) > 0 {
		obj := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if targets[obj] {
			return true
		}
		if seen[obj] {
			continue
		}
		seen[obj] = true
		node := c.decls[obj]
		if node == nil {
			continue
		}
		ast.Inspect(node, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				o := info.Uses[id]
				if fn, ok := o.(*types.Func); ok {
					o = fn.Origin()
				}
				if o != nil && c.decls[o] != nil {
					stack = append(stack, o)
				}
			}
			return true
		})
	}
	return false
}

// freshName returns base, or base2, base3..., whichever is declared
// neither in the package and its files' imports nor in scope at pos, nor
// introduced by another fix of this pass.
func (c *checker) freshName(base string, pos token.Pos) string {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	name := base
	for i := 2; ; i++ {
		free := !c.names[name] && c.pass.Pkg.Scope().Lookup(name) == nil
		if free && scope != nil {
			_, obj := scope.LookupParent(name, pos)
			free = obj == nil
		}
		for _, f := range c.pass.Files {
			if s := c.pass.TypesInfo.Scopes[f]; free && s != nil && s.Lookup(name) != nil {
				free = false
			}
		}
		if free {
			break
		}
		name = fmt.Sprintf("%s%d", base, i)
	}
	c.names[name] = true
	return name
}
