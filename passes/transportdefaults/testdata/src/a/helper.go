package a

import (
	"crypto/tls"
	"net/http"
	"testing"
)

// A test helper outside a _test.go file.
func testClient(t *testing.T, cfg *tls.Config) *http.Client {
	t.Helper()
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}
