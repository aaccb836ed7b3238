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
	"e2e":          true, // end-to-end test harnesses (go-redis maintnotifications/e2e)
	"httptest":     true, // a module's own test servers (go-containerregistry internal/httptest)
}

// IsTestPackage reports whether the import path names a test-support
// package (github.com/x/y/internal/testutil, .../testing/...). In the
// standard library only net/http/httptest counts: the others make no
// HTTP calls, and httptest's Server.Client talks to its own test server.
func IsTestPackage(path string) bool {
	if !strings.Contains(path, ".") {
		return path == HTTPTest
	}
	for _, elem := range strings.Split(path, "/") {
		if testPackageNames[elem] {
			return true
		}
	}
	return false
}
