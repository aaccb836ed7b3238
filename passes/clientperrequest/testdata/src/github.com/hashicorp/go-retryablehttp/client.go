// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp with the real signatures.
package retryablehttp

import "net/http"

type Client struct{ HTTPClient *http.Client }

func (*Client) Get(url string) (*http.Response, error) { return nil, nil }

func NewClient() *Client { return &Client{HTTPClient: &http.Client{}} }
