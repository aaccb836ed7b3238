// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo (v1) with the real signatures.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{}

func (*Client) Connect(ctx context.Context) error      { return nil }
func (*Client) Ping(ctx context.Context, rp any) error { return nil }
func (*Client) Disconnect(ctx context.Context) error   { return nil }

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	return &Client{}, nil
}
func NewClient(opts ...*options.ClientOptions) (*Client, error) { return &Client{}, nil }
