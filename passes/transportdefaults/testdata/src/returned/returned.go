package returned

import (
	"crypto/tls"
	"net/http"
)

// A constructor whose callers in this package set nothing: reported.
func newTransport(cfg *tls.Config) *http.Transport {
	return &http.Transport{TLSClientConfig: cfg} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
}

func client(cfg *tls.Config) *http.Client {
	return &http.Client{Transport: newTransport(cfg)}
}

// Handed to a function of this package that does not touch HTTP/2.
func wrap(t *http.Transport) http.RoundTripper { return t }

func wrapped(cfg *tls.Config) http.RoundTripper {
	tr := &http.Transport{TLSClientConfig: cfg} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
	return wrap(tr)
}
