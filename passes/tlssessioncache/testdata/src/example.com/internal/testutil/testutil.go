// Package testutil is test support, like net/http/httptest: its clients
// talk to a test server for the length of a test, so a missing session
// cache is not reported.
package testutil

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

// Client returns a client that trusts the test server's certificate.
func Client(pool *x509.CertPool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool},
	}}
}
