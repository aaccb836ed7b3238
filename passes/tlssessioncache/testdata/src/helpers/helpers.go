// Package helpers hands configs to helper functions of the same package
// before dialing, the shape of lib/pq's ssl(): what a helper does with its
// parameter happens to the caller's config.
package helpers

import (
	"crypto/tls"
	"crypto/x509"
	"net"
)

// A helper that only fills in roots: the dial still has no cache.
func upgrader(host string) (func(net.Conn) (net.Conn, error), error) {
	cfg := &tls.Config{} // want `built for each TLS connection`
	cfg.ServerName = host
	if err := addRoots(cfg); err != nil {
		return nil, err
	}
	return func(c net.Conn) (net.Conn, error) {
		tc := tls.Client(c, cfg)
		return tc, tc.Handshake()
	}, nil
}

func addRoots(cfg *tls.Config) error {
	cfg.RootCAs = x509.NewCertPool()
	return nil
}

// A helper that sets a client certificate: reported without a fix.
func certUpgrader(host string, cert tls.Certificate) func(net.Conn) (net.Conn, error) {
	cfg := &tls.Config{ServerName: host} // want `it sets client certificates`
	addCert(cfg, cert)
	return func(c net.Conn) (net.Conn, error) {
		tc := tls.Client(c, cfg)
		return tc, tc.Handshake()
	}
}

func addCert(cfg *tls.Config, cert tls.Certificate) {
	cfg.Certificates = []tls.Certificate{cert}
}
