// Package tickets holds client configs that turn session tickets off: a
// deliberate opt-out, silent by default, reported once each with -all.
package tickets

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

// Several fixes in one file, two on the same literal.

// Silent by default.
func ticketsOff() *http.Transport {
	return &http.Transport{
		TLSClientConfig: &tls.Config{
			ServerName:             "example.com",
			SessionTicketsDisabled: true, // want `SessionTicketsDisabled on a tls.Config used by a client`
		},
	}
}

// Silent by default.
func ticketsOffSingleLine() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{ServerName: "x", SessionTicketsDisabled: true}} // want `SessionTicketsDisabled`
}

// Silent by default.
func ticketsOffWithCache() *http.Transport {
	cfg := &tls.Config{ClientSessionCache: tls.NewLRUClientSessionCache(64)}
	cfg.SessionTicketsDisabled = true // want `SessionTicketsDisabled`
	return &http.Transport{TLSClientConfig: cfg}
}

// Silent by default.
func ticketsOnlyField() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		SessionTicketsDisabled: true, // want `SessionTicketsDisabled`
		ClientSessionCache:     tls.NewLRUClientSessionCache(0),
	}}
}

// With VerifyPeerCertificate, tickets off is what keeps resumption from
// skipping the check: -all says how to make a cache safe.

// Silent by default.
func pinned(check func([][]byte, [][]*x509.Certificate) error) *http.Transport {
	return &http.Transport{
		TLSClientConfig: &tls.Config{ // want `resumed sessions would skip its VerifyPeerCertificate: move that verification to VerifyConnection`
			VerifyPeerCertificate:  check,
			SessionTicketsDisabled: true,
		},
	}
}

// Silent by default.
func pinnedLater(check func([][]byte, [][]*x509.Certificate) error) *http.Transport {
	cfg := &tls.Config{} // want `move that verification to VerifyConnection`
	cfg.VerifyPeerCertificate = check
	cfg.SessionTicketsDisabled = true
	return &http.Transport{TLSClientConfig: cfg}
}
