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
