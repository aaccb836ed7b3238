// Package retryclient is a third-party retrying client: its Do returns
// the last attempt's *http.Response, which the caller must close.
package retryclient

import (
	"io"
	"net/http"
)

type Request struct{ *http.Request }

type Client struct {
	HTTP *http.Client
	Max  int
}

func (c *Client) Do(req *Request) (*http.Response, error) {
	for i := 0; ; i++ {
		resp, err := c.HTTP.Do(req.Request)
		if err == nil && resp.StatusCode < 500 || i >= c.Max {
			return resp, err
		}
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
}
