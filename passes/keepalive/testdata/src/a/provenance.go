package a

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"
)

// Requests followed through WithContext, Clone and helpers.

func withContext(ctx context.Context, url string) (*http.Request, error) { // want withContext:"newRequest"
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	req = req.WithContext(ctx)
	req.Close = true // want `outgoing request with Close set`
	return req, nil
}

func cloned(ctx context.Context, url string) *http.Request { // want cloned:"newRequest"
	req, _ := http.NewRequest("GET", url, nil)
	out := req.Clone(ctx)
	out.Header.Set("Connection", "close") // want `"Connection: close" header`
	return out
}

type api struct {
	base *url.URL
	hc   *http.Client
}

func (c *api) newRequest(ctx context.Context, method, path string) (*http.Request, error) { // want newRequest:"newRequest"
	u := c.base.JoinPath(path)
	return http.NewRequestWithContext(ctx, method, u.String(), nil)
}

func (c *api) get(ctx context.Context, path string) (*http.Request, error) { // want get:"newRequest"
	req, err := c.newRequest(ctx, "GET", path)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

func (c *api) fetch(ctx context.Context, path string) error {
	req, err := c.get(ctx, path)
	if err != nil {
		return err
	}
	req.Header.Set("Connection", "close") // want `"Connection: close" header`
	req.Close = true
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A wrapper that closes every connection of the transport it wraps.
type closer struct{ base http.RoundTripper }

func (t closer) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Close = true // want `Close set`
	return t.base.RoundTrip(req)
}

// Traps.

// A handler's request, even when (wrongly) forwarded.
func forward(w http.ResponseWriter, r *http.Request) {
	r.Close = true
	resp, err := http.DefaultClient.Do(r)
	if err == nil {
		resp.Body.Close()
	}
}

// Advisory on a response: it does not disable reuse.
func responseClose(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Close = true
	return resp, nil
}

// One-shot: retire a connection that may be broken, after a timeout.
func retry(c *http.Client, url string) (*http.Response, error) {
	var lastErr error
	for i := 0; i < 3; i++ {
		req, err := http.NewRequest("GET", url, nil)
		if err != nil {
			return nil, err
		}
		if errors.Is(lastErr, context.DeadlineExceeded) {
			req.Close = true
			req.Header.Set("Connection", "close")
		}
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		time.Sleep(time.Second)
	}
	return nil, lastErr
}

func configured(c *http.Client, url string, noKeepAlive bool) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	if noKeepAlive {
		req.Close = true
	}
	return c.Do(req)
}

// A protocol upgrade: the connection is taken over after the 101.
func websocket(ctx context.Context, url string) (*http.Response, error) {
	tr := &http.Transport{DisableKeepAlives: true}
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "websocket")
	req.Close = true
	return tr.RoundTrip(req)
}

// Helpers that do not build the request they return: no fact.
func (c *api) passThrough(req *http.Request) *http.Request { return req }

func (c *api) literal() *http.Request { return &http.Request{Method: "GET"} }

func useNoFact(c *api, in *http.Request) {
	req := c.passThrough(in)
	req.Close = true
	lit := c.literal()
	lit.Close = true
}

// A request served by a handler in the same function.
func (c *api) served(h http.Handler, w http.ResponseWriter) {
	req, _ := c.newRequest(context.Background(), "GET", "/")
	req.Close = true
	h.ServeHTTP(w, req)
}
