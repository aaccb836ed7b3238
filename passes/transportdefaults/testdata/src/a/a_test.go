package a

import (
	"crypto/tls"
	"net/http"
	"testing"
)

// Test files build transports for test servers.
func TestTransport(t *testing.T) {
	_ = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
}
