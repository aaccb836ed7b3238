// Package reads is shaped after real code that stays silent by the
// package-level rule or a decider field (openai-go's auth, nomad/api).
package reads

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// The package reads ForceAttemptHTTP2 off a template: it handles HTTP/2,
// maybe for the transports that leave their function too.
func fromTemplate(template *http.Transport, cfg *tls.Config) *http.Transport {
	return &http.Transport{TLSClientConfig: cfg, ForceAttemptHTTP2: template.ForceAttemptHTTP2}
}

// A client for a plain-http metadata endpoint (openai-go's IMDS client):
// reporting it would cost nothing to fix and gain nothing.
func metadataClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:       nil,
		DialContext: (&net.Dialer{Timeout: 2 * time.Second}).DialContext,
	}}
}

// A field copy that carries TLSNextProto over (nomad/api's
// cloneWithTimeout): HTTP/2 stays if the source had it configured.
func cloneWithTimeout(tr *http.Transport, d time.Duration) *http.Transport {
	ntr := &http.Transport{
		Proxy:           tr.Proxy,
		TLSClientConfig: tr.TLSClientConfig,
		TLSNextProto:    tr.TLSNextProto,
	}
	ntr.DialContext = (&net.Dialer{Timeout: d}).DialContext
	return ntr
}
