package escape

import (
	"crypto/tls"
	"net/http"

	"example.com/lib"
)

// newTransport is completed by its callers: one of them settles HTTP/2.
func newTransport(cfg *tls.Config) *http.Transport {
	return &http.Transport{TLSClientConfig: cfg}
}

func client(cfg *tls.Config) *http.Client {
	tr := newTransport(cfg)
	tr.ForceAttemptHTTP2 = true
	return &http.Client{Transport: tr}
}

// Handed to another package's function that takes an *http.Transport: it
// may configure HTTP/2 itself.
func foreign(cfg *tls.Config) *http.Client {
	tr := &http.Transport{TLSClientConfig: cfg}
	lib.Configure(tr)
	return &http.Client{Transport: tr}
}

// Set through another expression in the same function.
func forcedThroughClient(cfg *tls.Config) *http.Client {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	c.Transport.(*http.Transport).ForceAttemptHTTP2 = true
	return c
}
