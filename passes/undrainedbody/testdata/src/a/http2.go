package a

import (
	"net/http"

	"golang.org/x/net/http2"
)

// Closing an unread HTTP/2 body resets the stream, not the connection.
func overHTTP2(t *http2.Transport, req *http.Request) {
	resp, err := t.RoundTrip(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

func clientOverHTTP2(req *http.Request) {
	tr := &http2.Transport{}
	c := &http.Client{Transport: tr}
	resp, err := c.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}
