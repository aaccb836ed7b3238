package demo

import (
	"crypto/tls"
	"net/http"
)

// sessions is shared by the demo's TLS configs, so that reconnections
// resume their sessions.
var sessions = tls.NewLRUClientSessionCache(0)

// NewInsecureClient only meant to toggle certificate checks, but its
// transport speaks HTTP/1.1 only (concurrent requests each open their own
// connection), ignores HTTP_PROXY and keeps idle connections forever.
func NewInsecureClient(skipVerify bool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: skipVerify, ClientSessionCache: sessions},
	}}
}

// NewInsecureClientFixed starts from DefaultTransport: HTTP/2, the proxy
// from the environment and every timeout stay.
func NewInsecureClientFixed(skipVerify bool) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: skipVerify, ClientSessionCache: sessions}
	return &http.Client{Transport: tr}
}
