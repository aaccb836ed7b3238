package a

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

var pool = &tls.Config{}

// Each trigger field alone.

func tlsConfig() *http.Client {
	return &http.Client{Transport: &http.Transport{ // want `http.Transport sets TLSClientConfig but not ForceAttemptHTTP2, so net/http turns HTTP/2 off for it: concurrent requests to a host each open their own connection and TLS handshake instead of sharing one; it also lacks DefaultTransport's Proxy \(HTTP_PROXY, HTTPS_PROXY and NO_PROXY are ignored\), IdleConnTimeout \(idle connections never expire, so the pool hands out connections the server may have dropped\) and TLSHandshakeTimeout \(a stalled handshake is not cut short\)`
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}}
}

func dial(d *net.Dialer) *http.Client {
	return &http.Client{Transport: &http.Transport{Dial: d.Dial, Proxy: http.ProxyFromEnvironment}} // want `sets Dial but not ForceAttemptHTTP2.*; it also lacks DefaultTransport's IdleConnTimeout \(.*\) and TLSHandshakeTimeout`
}

func dialContext(d *net.Dialer) *http.Client {
	tr := &http.Transport{ // want `sets DialContext but not ForceAttemptHTTP2.* lacks DefaultTransport's Proxy \(.*\) and TLSHandshakeTimeout`
		DialContext:     d.DialContext,
		IdleConnTimeout: 90 * time.Second,
	}
	return &http.Client{Transport: tr}
}

func dialTLS(f func(network, addr string) (net.Conn, error)) *http.Client {
	// A custom TLS dialer does its own handshake: no TLSHandshakeTimeout
	// in the list.
	tr := &http.Transport{DialTLS: f} // want `sets DialTLS but not ForceAttemptHTTP2.* lacks DefaultTransport's Proxy \(.*\) and IdleConnTimeout \([^)]*\)$`
	return &http.Client{Transport: tr}
}

func dialTLSContext(f func(ctx context.Context, network, addr string) (net.Conn, error)) *http.Client {
	tr := &http.Transport{ // want `sets DialTLSContext but not ForceAttemptHTTP2, so net/http turns HTTP/2 off for it: concurrent requests to a host each open their own connection and TLS handshake instead of sharing one$`
		DialTLSContext:  f,
		Proxy:           http.ProxyFromEnvironment,
		IdleConnTimeout: 90 * time.Second,
	}
	return &http.Client{Transport: tr}
}

// Several triggers and every default: the message names them all and
// nothing lost.
var shared = &http.Transport{ // want `sets TLSClientConfig and DialContext but not ForceAttemptHTTP2.*sharing one$`
	Proxy:               http.ProxyFromEnvironment,
	DialContext:         (&net.Dialer{Timeout: 30 * time.Second}).DialContext,
	TLSClientConfig:     pool,
	IdleConnTimeout:     90 * time.Second,
	TLSHandshakeTimeout: 10 * time.Second,
}

// Field by field: the literal gets the fix.

func fieldByField(skip bool) *http.Client {
	tr := &http.Transport{} // want `sets TLSClientConfig but not ForceAttemptHTTP2.* lacks DefaultTransport's Proxy`
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: skip}
	tr.IdleConnTimeout = time.Minute
	return &http.Client{Transport: tr}
}

// new(http.Transport): the fix sets the field after the statement
// holding the last assignment.
func withNew(cfg *tls.Config, d *net.Dialer) *http.Client {
	tr := new(http.Transport) // want `sets TLSClientConfig and DialContext but not ForceAttemptHTTP2`
	tr.DialContext = d.DialContext
	if cfg != nil {
		tr.TLSClientConfig = cfg
	}
	return &http.Client{Transport: tr}
}

func withVar(cfg *tls.Config) http.RoundTripper {
	var tr = new(http.Transport) // want `sets TLSClientConfig but not ForceAttemptHTTP2`
	tr.TLSClientConfig = cfg     // why
	return tr
}

// A value, not a pointer.
func value(cfg *tls.Config) http.Transport {
	return http.Transport{TLSClientConfig: cfg} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
}

// A dialer literal that dials the network.
func dialer(timeout time.Duration) *http.Transport {
	return &http.Transport{ // want `sets DialContext but not ForceAttemptHTTP2`
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			d := net.Dialer{Timeout: timeout}
			return d.DialContext(ctx, network, addr)
		},
	}
}
