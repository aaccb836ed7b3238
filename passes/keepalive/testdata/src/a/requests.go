package a

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
)

const connection, closeValue = "Connection", "close"

func closeField(c *http.Client, url string) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	req.Close = true // want `outgoing request with Close set: its connection is closed after the response`
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func headers(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader("x"))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("Connection", "close") // want `outgoing request with a "Connection: close" header`
	req.Header.Add("CONNECTION", " Close ")
	req.Header.Set(connection, closeValue)
	req.Header.Set("Connection", "keep-alive")             // trap: other value
	req.Header.Set("X-Connection", "close")                // trap: other name
	req.Header.Set("Connection", strings.ToLower("CLOSE")) // trap: not a constant
	req.Header["Connection"] = []string{"close"}
	req.Header["Connection"] = []string{"keep-alive"} // trap: other value
	req.Header["X-Connection"] = []string{"close"}    // trap: other name
	return c.Do(req)
}

func headerLiteral(c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	req.Header = http.Header{
		"Accept":     {"*/*"},
		"Connection": {"close"}, // want `"Connection: close" header`
	}
	return c.Do(req)
}

func requestLiteral(c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	out := &http.Request{
		Method: "GET",
		URL:    req.URL,
		Close:  true, // want `Close set`
		Header: http.Header{"Connection": []string{"close"}},
	}
	return c.Do(out)
}

func inlineLiteral(c *http.Client, req *http.Request) (*http.Response, error) {
	return c.Do(&http.Request{Method: "GET", URL: req.URL, Close: true}) // want `Close set`
}

func valueRequest(c *http.Client, req *http.Request) (*http.Response, error) {
	var out = http.Request{Method: "GET", URL: req.URL}
	out.Close = true // want `Close set`
	return c.Do(&out)
}

// Sent here, so outgoing whatever its origin: a proxy's copy of the
// incoming request, a caller's request.
func proxy(c *http.Client, r *http.Request) (*http.Response, error) {
	out := r.Clone(r.Context())
	out.Close = true // want `outgoing request with Close set`
	out.Header.Set("Connection", "close")
	return c.Do(out)
}

func reassigned(c *http.Client, r *http.Request, url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	if r != nil {
		req = r
	}
	req.Close = true // want `Close set`
	return c.Do(req)
}

// Traps.

func handler(w http.ResponseWriter, r *http.Request) {
	if r.Close {
		w.Header().Set("Connection", "close")
	}
	r.Close = true
	r.Header.Set("Connection", "close")
	r.Header = http.Header{"Connection": {"close"}}
	r.Header["Connection"] = []string{"close"}
}

func servedInTest(h http.Handler, url string) *httptest.ResponseRecorder {
	req, _ := http.NewRequest("GET", url, nil)
	req.Close = true
	req.Header.Set("Connection", "close")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func servedByFunc(h http.HandlerFunc) {
	req := &http.Request{Method: "GET", Close: true}
	w := httptest.NewRecorder()
	h(w, req)
}

func notConstantClose(c *http.Client, url string, closeIt bool) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	req.Close = closeIt
	req.Close = false
	return c.Do(req)
}

type fakeRequest struct {
	Close  bool
	Header http.Header
}

func unrelatedRequest() fakeRequest {
	r := fakeRequest{Close: true, Header: http.Header{"Connection": {"close"}}}
	r.Close = true
	r.Header.Set("Connection", "close")
	return r
}

func readClose(r *http.Request) bool { return r.Close }

func responseHeader(w http.ResponseWriter) {
	w.Header().Set("Connection", "close")
	h := http.Header{"Connection": {"close"}}
	w.Header()["Connection"] = h["Connection"]
}

// A request built from a literal or new and not sent here may be a
// server's: net/http/cgi builds the incoming request this way.
func requestFromEnv(method string) *http.Request {
	r := new(http.Request)
	r.Method = method
	r.Close = true
	r.Header = http.Header{"Connection": {"close"}}
	return r
}

func literalNotSent() *http.Request {
	req := &http.Request{Method: "GET", Close: true}
	return req
}

func literalPassedAlong(f func(*http.Request)) {
	f(&http.Request{Method: "GET", Close: true})
}
