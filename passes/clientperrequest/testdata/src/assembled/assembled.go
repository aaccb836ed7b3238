// Package assembled builds clients field by field and sends requests
// through method values.
package assembled

import (
	"crypto/tls"
	"net/http"
	"time"
)

func fieldByField(w http.ResponseWriter, r *http.Request) {
	tr := &http.Transport{} // want `http.Transport created per request in an HTTP handler`
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	tr.MaxIdleConns = 10
	c := &http.Client{}
	c.Timeout = time.Second
	c.Transport = tr
	resp, err := c.Get("https://api.example.com")
	if err == nil {
		resp.Body.Close()
	}
}

func Fetch(url string) error {
	tr := &http.Transport{} // want `http.Transport created for a single request and dropped: each call of Fetch opens new connections and TLS handshakes; build one Transport and reuse it`
	tr.MaxIdleConns = 10
	c := &http.Client{}
	c.Transport = tr
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func MethodValue(req *http.Request) error {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created for a single request and dropped: each call of MethodValue`
	do := c.Do
	resp, err := do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func send(do func(*http.Request) (*http.Response, error), req *http.Request) error {
	resp, err := do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func PassedMethodValue(req *http.Request) error {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created for a single request and dropped: each call of PassedMethodValue`
	return send(c.Do, req)
}

// Traps: silent.

// A method value kept in a field: called who knows how often.
type poster struct {
	do func(*http.Request) (*http.Response, error)
}

func newPoster() *poster {
	c := &http.Client{Transport: &http.Transport{}}
	return &poster{do: c.Do}
}

// A method value called in a loop: a batch.
func Batch(reqs []*http.Request) {
	c := &http.Client{Transport: &http.Transport{}}
	do := c.Do
	for _, r := range reqs {
		if resp, err := do(r); err == nil {
			resp.Body.Close()
		}
	}
}

// The transport of a client assembled field by field, kept in a field.
type api struct{ c *http.Client }

func (a *api) init() {
	tr := &http.Transport{}
	tr.MaxIdleConns = 10
	c := &http.Client{}
	c.Transport = tr
	a.c = c
}

// A pool handed to a wrapper built and dropped in the same call.
type wrapper struct {
	c     *http.Client
	calls int
}

func (w *wrapper) fetch(url string) error {
	w.calls++
	resp, err := w.c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (w *wrapper) fetchAll(urls []string) {
	for _, u := range urls {
		w.fetch(u)
	}
}

var registry []*wrapper

func (w *wrapper) register() { registry = append(registry, w) }

func Wrapped(url string) error {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created for a single request and dropped: each call of Wrapped`
	w := &wrapper{c: c}
	return w.fetch(url)
}

// Traps: a batch through the wrapper, a wrapper that registers itself.
func WrappedBatch(urls []string) {
	w := &wrapper{c: &http.Client{Transport: &http.Transport{}}}
	w.fetchAll(urls)
}

func WrappedKept(url string) error {
	w := &wrapper{c: &http.Client{Transport: &http.Transport{}}}
	w.register()
	return w.fetch(url)
}
