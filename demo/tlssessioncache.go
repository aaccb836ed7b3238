package demo

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

// NewTLSClient trusts pool, but every new connection pays a full TLS
// handshake: the config has no session cache.
func NewTLSClient(pool *x509.CertPool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{
			RootCAs:    pool,
			MinVersion: tls.VersionTLS12,
		},
		ForceAttemptHTTP2: true,
	}}
}

// NewTLSClientFixed resumes TLS sessions when it reconnects.
func NewTLSClientFixed(pool *x509.CertPool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{
			RootCAs:            pool,
			MinVersion:         tls.VersionTLS12,
			ClientSessionCache: tls.NewLRUClientSessionCache(0),
		},
		ForceAttemptHTTP2: true,
	}}
}
