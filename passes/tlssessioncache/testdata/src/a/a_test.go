package a

import (
	"crypto/tls"
	"net/http"
	"testing"
)

// Tests build clients that live for one test: not reported.
func TestClient(t *testing.T) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	defer tr.CloseIdleConnections()
	_ = &http.Transport{TLSClientConfig: clientConfigForTests()}
}

func TestPackageConfig(t *testing.T) {
	_ = &http.Transport{TLSClientConfig: configForTests}
}
