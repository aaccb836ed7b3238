// Package hook hands its transport to a user's function (clickhouse-go's
// TransportFunc); no function of the package mentions HTTP/2.
package hook

import (
	"crypto/tls"
	"net/http"
)

// Handed to a user's hook that takes the *http.Transport (clickhouse-go's
// TransportFunc): the hook may set ForceAttemptHTTP2.
type options struct {
	TLS           *tls.Config
	TransportFunc func(*http.Transport) (http.RoundTripper, error)
}

func roundTripper(opt *options) (http.RoundTripper, error) {
	rt := &http.Transport{TLSClientConfig: opt.TLS}
	if opt.TransportFunc == nil {
		return rt, nil
	}
	return opt.TransportFunc(rt)
}
