// Package percall holds transports that die with their call (built per
// request, clientperrequest's finding, or carrying one request), where
// HTTP/2 would help no later request, and transports whose HTTP/2 loss
// costs little (keep-alive off, a large per-host idle pool). They are
// silent by default; -all reports them (TestPerCall).
package percall

import (
	"crypto/tls"
	"net/http"
)

// Built per request in a handler: one finding, clientperrequest's.
// Silent by default.
func proxy(w http.ResponseWriter, r *http.Request) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{ServerName: "upstream"}} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
	resp, err := (&http.Client{Transport: tr}).Get("https://upstream.example.com/")
	if err == nil {
		resp.Body.Close()
	}
}

// One request through a transport of its own, in a command.
// Silent by default.
func status(addr string) error {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
	resp, err := c.Get("https://" + addr + "/status")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Built and never used. Silent by default.
func unused() {
	_ = &http.Transport{TLSClientConfig: &tls.Config{}} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
}

// Kept: reported by default too (TestPerCall's first run would fail).
var kept = &http.Transport{TLSClientConfig: &tls.Config{}} // want `sets TLSClientConfig but not ForceAttemptHTTP2`

// Many requests through one transport built once in the function: its
// pool serves them all, so HTTP/2 matters.
func crawl(urls []string) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
	for _, u := range urls {
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

// Keep-alive is off: keepalive reports the cause. Silent by default.
func noKeepAlive() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{}, DisableKeepAlives: true} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
}

// A per-host idle pool sized for concurrency: HTTP/1.1 reuse works, HTTP/2
// would save only the first handshakes. Silent by default.
func sized() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{}, MaxIdleConnsPerHost: 64} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
}

// The default per-host idle pool (2): reported.
func small() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{}, MaxIdleConnsPerHost: 2} // want `sets TLSClientConfig but not ForceAttemptHTTP2`
}
