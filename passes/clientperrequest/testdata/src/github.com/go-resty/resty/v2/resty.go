// Package resty is a stub of github.com/go-resty/resty/v2 with the real signatures.
package resty

type Response struct{}
type Request struct{}

func (*Request) Get(url string) (*Response, error) { return nil, nil }

type Client struct{}

func (*Client) R() *Request { return &Request{} }

func New() *Client { return &Client{} }
