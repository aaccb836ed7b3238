package a

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"time"
)

// sentry-go's shape: the config exists only when custom CAs are set, so
// by default TLSClientConfig is nil at run time and HTTP/2 stays on.
func optionalTLS(pool *x509.CertPool) *tls.Config {
	if pool != nil {
		return &tls.Config{RootCAs: pool}
	}
	return nil
}

type sender struct{ client *http.Client }

func (s *sender) configure(pool *x509.CertPool) {
	s.client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{ // trap: the config may be nil
		Proxy:           http.ProxyFromEnvironment,
		TLSClientConfig: optionalTLS(pool),
	}}
}

// A helper that always builds one turns HTTP/2 off: reported.
func alwaysTLS(pool *x509.CertPool) *tls.Config {
	return &tls.Config{RootCAs: pool}
}

func (s *sender) configureAlways(pool *x509.CertPool) {
	s.client = &http.Client{Transport: &http.Transport{ // want `http.Transport sets TLSClientConfig but not ForceAttemptHTTP2`
		Proxy:               http.ProxyFromEnvironment,
		TLSClientConfig:     alwaysTLS(pool),
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}}
}
