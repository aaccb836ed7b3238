package fix

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"
)

const timeout = 10 * time.Second

// handler builds a client per request; its construction uses no local
// name, so it moves to a package-level variable.
func handler(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{ // want `http.Client with its own Transport created per request in an HTTP handler: .*; reuse one shared Client`
		// Verify the server, keep a few idle connections.
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12},
			MaxIdleConns:    10,
		},
		Timeout: timeout,
	}
	client.Get("https://example.com")
}

var sharedTransport = "taken"

func loop(urls []string) {
	for _, u := range urls {
		t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport created on every loop iteration: .*; reuse one shared Transport`
		(&http.Client{Transport: t}).Get(u)
	}
}

func loop2(urls []string) {
	for _, u := range urls {
		t := new(http.Transport) // want `http.Transport created on every loop iteration: .*; reuse one shared Transport`
		(&http.Client{Transport: t}).Get(u)
	}
}

// dial refers to nothing that uses the new variable: the fix may refer to it.
func dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

func withDialer(u string) {
	c := &http.Client{Transport: &http.Transport{DialContext: dial}} // want `http.Client with its own Transport created for a single request and dropped: .*; reuse one shared Client`
	c.Get(u)
}

// redial calls cyclic: a package-level variable referring to redial,
// used in cyclic, would be an initialization cycle, so no fix.
func redial(ctx context.Context, network, addr string) (net.Conn, error) {
	cyclic("https://example.com")
	return nil, nil
}

func cyclic(u string) {
	c := &http.Client{Transport: &http.Transport{DialContext: redial}} // want `http.Client with its own Transport created for a single request and dropped: .*; build one Client and reuse it`
	c.Get(u)
}

// Local values in the construction: no fix.
func local(w http.ResponseWriter, r *http.Request) {
	cfg := &tls.Config{ServerName: r.Host}
	tr := &http.Transport{TLSClientConfig: cfg} // want `http.Transport created per request in an HTTP handler: .*; build one Transport and reuse it`
	tr.RoundTrip(r)
}

// Closed after use: sharing it would close the shared pool, no fix.
func closed(w http.ResponseWriter, r *http.Request) {
	tr := &http.Transport{} // want `http.Transport created per request in an HTTP handler: .*; build one Transport and reuse it`
	defer tr.CloseIdleConnections()
	tr.RoundTrip(r)
}

// A local named like the variable: the fix picks another name.
func shadow(w http.ResponseWriter, r *http.Request) {
	sharedClient3 := 1
	_ = sharedClient3
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created per request in an HTTP handler: .*; reuse one shared Client`
	c.Do(r)
}

var retries = 3 // set by main from a flag

func newTransport() *http.Transport { return &http.Transport{} } // want newTransport:"returnsFreshPool"

func proxyHost() string { return "http://proxy:" }

// Reads a package variable, or calls a function of the package, when
// built: moved to initialization, it could see other values. No fix.
func atInit(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{MaxIdleConnsPerHost: retries} // want `http.Transport created per request in an HTTP handler: .*; build one Transport and reuse it`
	t.RoundTrip(r)
	t2 := newTransport() // want `connection pool from newTransport created per request in an HTTP handler: .*; build one pool and reuse it`
	t2.RoundTrip(r)
}

// Reads them later, in a function literal: fixed.
func later(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{Proxy: func(*http.Request) (*url.URL, error) { // want `http.Transport created per request in an HTTP handler: .*; reuse one shared Transport`
		return url.Parse(proxyHost() + fmt.Sprint(retries))
	}}
	t.RoundTrip(r)
}

// Configured after it is built: sharing it would change the shared
// pool's configuration on every request, no fix.
func configured(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{TLSClientConfig: &tls.Config{}} // want `http.Transport created per request in an HTTP handler: .*; build one Transport and reuse it`
	t.TLSClientConfig.ServerName = r.Host
	t.RoundTrip(r)
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created per request in an HTTP handler: .*; build one Client and reuse it`
	c.Transport.(*http.Transport).MaxIdleConns = 2
	c.Do(r)
}

// Two pools in one function: two variables, both declared before it.
func two(w http.ResponseWriter, r *http.Request) {
	a := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created per request`
	a.Get("https://a.example.com")
	b := &http.Transport{MaxIdleConns: 3} // want `http.Transport created per request`
	b.RoundTrip(r)
}

// A closure kept to run many times whose pool refers to no local name:
// fixed like a handler.
func NewCheck() func() error {
	return func() error {
		c := &http.Client{Transport: &http.Transport{}, Timeout: timeout} // want `http.Client with its own Transport created on every call of a closure made in NewCheck: each call opens new connections and TLS handshakes; reuse one shared Client`
		resp, err := c.Get("https://status.example.com")
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

// It captures the configuration: no fix.
func NewURLCheck(url string, d time.Duration) func() error {
	return func() error {
		c := &http.Client{Transport: &http.Transport{}, Timeout: d} // want `http.Client with its own Transport created on every call of a closure made in NewURLCheck: each call opens new connections and TLS handshakes; build one Client where the closure is made, or pass it in`
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}
