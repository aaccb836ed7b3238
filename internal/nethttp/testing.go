package nethttp

import "go/types"

// IsTestHelper reports whether sig takes a testing.TB, *testing.T,
// *testing.B or *testing.F: a test helper, whose requests go to a test
// server and whose findings nobody fixes. Checks skip them as they skip
// _test.go files.
func IsTestHelper(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	params := sig.Params()
	for i := 0; i < params.Len(); i++ {
		t := params.At(i).Type()
		if IsNamed(t, "testing", "TB") ||
			IsPointerTo(t, "testing", "T") ||
			IsPointerTo(t, "testing", "B") ||
			IsPointerTo(t, "testing", "F") {
			return true
		}
	}
	return false
}
