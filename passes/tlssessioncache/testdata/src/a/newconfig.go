package a

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func newConfig(pool *x509.CertPool) *http.Transport {
	cfg := new(tls.Config) // want `tls.Config used by a client has no ClientSessionCache`
	cfg.RootCAs = pool
	return &http.Transport{TLSClientConfig: cfg}
}

func newConfigCached() *http.Transport {
	cfg := new(tls.Config)
	cfg.ClientSessionCache = tls.NewLRUClientSessionCache(0)
	return &http.Transport{TLSClientConfig: cfg}
}

func newConfigPinned(check func([][]byte, [][]*x509.Certificate) error) *http.Transport {
	cfg := new(tls.Config) // want `move that verification to VerifyConnection`
	cfg.VerifyPeerCertificate = check
	return &http.Transport{TLSClientConfig: cfg}
}

func newConfigServer() *http.Server {
	return &http.Server{TLSConfig: new(tls.Config)}
}

func NewConfigExported() *tls.Config { // want NewConfigExported:"uncachedConfig"
	cfg := new(tls.Config)
	cfg.MinVersion = tls.VersionTLS12
	return cfg
}
