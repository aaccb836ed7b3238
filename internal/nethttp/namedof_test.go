package nethttp

import (
	"go/token"
	"go/types"
	"testing"
)

// TestNamedOf checks that NamedOf sees through pointers and aliases and
// gives nil for an unnamed type.
func TestNamedOf(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p")
	obj := types.NewTypeName(token.NoPos, pkg, "T", nil)
	named := types.NewNamed(obj, types.NewStruct(nil, nil), nil)
	alias := types.NewAlias(types.NewTypeName(token.NoPos, pkg, "A", nil), types.NewPointer(named))
	for _, tc := range []struct {
		name string
		t    types.Type
		want *types.Named
	}{
		{"named", named, named},
		{"pointer", types.NewPointer(named), named},
		{"alias of pointer", alias, named},
		{"unnamed", types.NewSlice(named), nil},
		{"pointer to unnamed", types.NewPointer(types.Typ[types.Int]), nil},
	} {
		if got := NamedOf(tc.t); got != tc.want {
			t.Errorf("NamedOf(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestMemberName checks the catalog key of functions and methods.
func TestMemberName(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p")
	named := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Conn", nil), types.NewStruct(nil, nil), nil)
	sig := func(recv types.Type) *types.Signature {
		var r *types.Var
		if recv != nil {
			r = types.NewParam(token.NoPos, pkg, "c", recv)
		}
		return types.NewSignatureType(r, nil, nil, nil, nil, false)
	}
	for _, tc := range []struct {
		name string
		fn   *types.Func
		want string
		ok   bool
	}{
		{"function", types.NewFunc(token.NoPos, pkg, "DialTLS", sig(nil)), "DialTLS", true},
		{"pointer method", types.NewFunc(token.NoPos, pkg, "StartTLS", sig(types.NewPointer(named))), "Conn.StartTLS", true},
		{"value method", types.NewFunc(token.NoPos, pkg, "Close", sig(named)), "Conn.Close", true},
		{"no package", types.NewFunc(token.NoPos, nil, "F", sig(nil)), "", false},
		{"nil", nil, "", false},
	} {
		if got, ok := MemberName(tc.fn); got != tc.want || ok != tc.ok {
			t.Errorf("MemberName(%s) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}
