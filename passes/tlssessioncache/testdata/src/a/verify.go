package a

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func bothCallbacks(check func([][]byte, [][]*x509.Certificate) error, conn func(tls.ConnectionState) error) *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{VerifyPeerCertificate: check, VerifyConnection: conn}} // want `tls.Config used by a client has no ClientSessionCache: every`
}

func verifyConnectionOnly(conn func(tls.ConnectionState) error) *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{VerifyConnection: conn}} // want `tls.Config used by a client has no ClientSessionCache: every`
}

func pinnedWithCache(check func([][]byte, [][]*x509.Certificate) error) *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		VerifyPeerCertificate:  check,
		ClientSessionCache:     tls.NewLRUClientSessionCache(0),
		SessionTicketsDisabled: true, // trap: removing it would let resumption skip VerifyPeerCertificate
	}}
}

// A caller that sets VerifyPeerCertificate on a helper's config: the
// helper's literal gets the message, not the fix.
func helperConfig() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12} // want `move that verification to VerifyConnection`
}

func pinnedHelper(check func([][]byte, [][]*x509.Certificate) error) *http.Transport {
	cfg := helperConfig()
	cfg.VerifyPeerCertificate = check
	return &http.Transport{TLSClientConfig: cfg}
}
