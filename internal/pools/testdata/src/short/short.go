package short

import (
	"crypto/tls"
	"net/http"
)

var shared = &http.Client{Transport: &http.Transport{}}

// Built per request in a handler: clientperrequest's finding, and short.
func handler(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `short: built per request in an HTTP handler` `percall: per request in an HTTP handler` `short: built per request in an HTTP handler`
	resp, err := c.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}

// One request per call, in a function other packages cannot call but
// this one's may call often: short, and clientperrequest's finding.
func once() {
	tr := &http.Transport{} // want `short: built for a single request and dropped` `percall: for a single request and dropped`
	c := &http.Client{Transport: tr}
	resp, err := c.Get("http://192.168.1.1/status")
	if err == nil {
		resp.Body.Close()
	}
}

// Unused.
func unused() {
	_ = &http.Transport{} // want `short: sends no request`
}

// Many requests through one transport built in the function: not short.
func poll(urls []string) {
	tr := &http.Transport{}
	c := &http.Client{Transport: tr}
	for _, u := range urls {
		resp, err := c.Get(u)
		if err == nil {
			resp.Body.Close()
		}
	}
}

// Kept: returned, stored.
func newClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

type api struct{ c *http.Client }

func (a *api) init() {
	a.c = &http.Client{Transport: &http.Transport{}}
}

func main() {
	once()
	_ = shared
}
