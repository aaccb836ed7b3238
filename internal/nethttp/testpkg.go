package nethttp

import "strings"

// testPackageNames are import path elements that name test-support
// packages: helpers that start test servers and poll them, whose
// requests and findings are test code like a _test.go file's.
var testPackageNames = map[string]bool{
	"test":         true,
	"tests":        true,
	"testing":      true,
	"testutil":     true,
	"testutils":    true,
	"testhelper":   true,
	"testhelpers":  true,
	"testenv":      true,
	"testserver":   true,
	"testsupport":  true,
	"testfixtures": true,
}

// IsTestPackage reports whether the import path names a test-support
// package (github.com/x/y/internal/testutil, .../testing/...). The
// standard library's own testing packages do not count: they do not
// make HTTP calls.
func IsTestPackage(path string) bool {
	if !strings.Contains(path, ".") {
		return false // the standard library
	}
	for _, elem := range strings.Split(path, "/") {
		if testPackageNames[elem] {
			return true
		}
	}
	return false
}
