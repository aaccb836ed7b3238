package a

import (
	"crypto/tls"
	"net/http"
)

// Several fixes in one file, two on the same literal.

func ticketsOff() *http.Transport {
	return &http.Transport{
		TLSClientConfig: &tls.Config{ // want `no ClientSessionCache`
			ServerName:             "example.com",
			SessionTicketsDisabled: true, // want `SessionTicketsDisabled on a tls.Config used by a client`
		},
	}
}

func ticketsOffSingleLine() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{ServerName: "x", SessionTicketsDisabled: true}} // want `no ClientSessionCache` `SessionTicketsDisabled`
}

func ticketsOffWithCache() *http.Transport {
	cfg := &tls.Config{ClientSessionCache: tls.NewLRUClientSessionCache(64)}
	cfg.SessionTicketsDisabled = true // want `SessionTicketsDisabled`
	return &http.Transport{TLSClientConfig: cfg}
}

func ticketsOnlyField() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		SessionTicketsDisabled: true, // want `SessionTicketsDisabled`
		ClientSessionCache:     tls.NewLRUClientSessionCache(0),
	}}
}

func closingBraceOnLastLine() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{ // want `no ClientSessionCache`
		ServerName: "y"}}
}
