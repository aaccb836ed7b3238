// Package forwardproxy is a forward proxy: its transport reaches
// whatever host its clients ask for.
package forwardproxy

import "net/http"

func newTransport(listenAddr string) *http.Transport {
	return &http.Transport{MaxIdleConns: 100, MaxConnsPerHost: 50}
}
