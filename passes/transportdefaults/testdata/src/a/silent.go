package a

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// A clone keeps ForceAttemptHTTP2, the proxy and the timeouts.
func cloned(cfg *tls.Config) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = cfg
	return &http.Client{Transport: tr}
}

func clonedOther(base *http.Transport, d *net.Dialer) *http.Client {
	tr := base.Clone()
	tr.DialContext = d.DialContext
	return &http.Client{Transport: tr}
}

// Decided by hand, whatever the value.
func forced(cfg *tls.Config) *http.Transport {
	return &http.Transport{TLSClientConfig: cfg, ForceAttemptHTTP2: true}
}

func forcedOff(cfg *tls.Config) *http.Transport {
	return &http.Transport{TLSClientConfig: cfg, ForceAttemptHTTP2: false}
}

func noH2(cfg *tls.Config) *http.Transport {
	// The documented way to turn HTTP/2 off.
	return &http.Transport{
		TLSClientConfig: cfg,
		TLSNextProto:    map[string]func(string, *tls.Conn) http.RoundTripper{},
	}
}

func protocols(cfg *tls.Config) *http.Transport {
	tr := &http.Transport{TLSClientConfig: cfg}
	tr.Protocols = new(http.Protocols)
	tr.Protocols.SetHTTP1(true)
	return tr
}

func forcedLater(cfg *tls.Config) *http.Client {
	tr := new(http.Transport)
	tr.TLSClientConfig = cfg
	tr.ForceAttemptHTTP2 = true
	return &http.Client{Transport: tr}
}

// None of the five trigger fields: HTTP/2 stays on.
func noTrigger() *http.Transport {
	return &http.Transport{MaxIdleConnsPerHost: 10, IdleConnTimeout: time.Minute}
}

func nilConfig() *http.Transport {
	return &http.Transport{TLSClientConfig: nil, IdleConnTimeout: time.Minute}
}

// A unix-domain socket: plain HTTP to a local agent.
func unixSocket(path string) *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", path)
		},
	}}
}

const network = "unix"

func dialAgent(string, string) (net.Conn, error) { return net.Dial(network, "/run/agent.sock") }

func unixSocketFunc() *http.Client {
	return &http.Client{Transport: &http.Transport{Dial: dialAgent}}
}

// The protocols are chosen by hand.
func handPicked() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{NextProtos: []string{"http/1.1"}}}
}

// A protocol-upgrade request: the connection is taken over after the 101.
func upgrade(ctx context.Context, url string, cfg *tls.Config) (*http.Response, error) {
	tr := &http.Transport{TLSClientConfig: cfg}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "websocket")
	return tr.RoundTrip(req)
}

// Reassigned: its field assignments may belong to the other value.
func reassigned(cfg *tls.Config, base *http.Transport) *http.Transport {
	tr := &http.Transport{}
	if base != nil {
		tr = base.Clone()
	}
	tr.TLSClientConfig = cfg
	return tr
}

// A dialer that hands out a connection made in memory
// (httputil.DumpRequestOut): no network, nothing to multiplex.
func inMemory(c net.Conn) *http.Transport {
	return &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) {
			return c, nil
		},
	}
}
