package reqlib

import (
	"context"
	"net/http"
)

type Client struct {
	Base string
	HTTP *http.Client
}

// NewTransport returns a transport with the defaults.
func NewTransport() *http.Transport { return &http.Transport{} }

func (c *Client) NewRequest(ctx context.Context, method, path string) (*http.Request, error) { // want NewRequest:"newRequest"
	return http.NewRequestWithContext(ctx, method, c.Base+path, nil)
}

func Build(url string) *http.Request { // want Build:"newRequest"
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil
	}
	return req
}

// No fact: returns the caller's request.
func Same(req *http.Request) *http.Request { return req }
