// Package influxdb2 is a stub of github.com/influxdata/influxdb-client-go/v2 with the real signatures.
package influxdb2

import (
	"context"
	"net/http"
)

type Options struct{}

func DefaultOptions() *Options                           { return &Options{} }
func (o *Options) SetHTTPClient(c *http.Client) *Options { return o }
func (o *Options) SetBatchSize(n uint) *Options          { return o }

type Client interface {
	Ping(ctx context.Context) (bool, error)
	Close()
}

type client struct{}

func (client) Ping(ctx context.Context) (bool, error) { return true, nil }
func (client) Close()                                 {}

func NewClient(serverURL string, authToken string) Client { return client{} }
func NewClientWithOptions(serverURL string, authToken string, options *Options) Client {
	return client{}
}
