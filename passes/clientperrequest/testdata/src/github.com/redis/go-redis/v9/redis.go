// Package redis is a stub of github.com/redis/go-redis/v9 with the real signatures.
package redis

import "context"

type StringCmd struct{}

func (*StringCmd) Result() (string, error) { return "", nil }

type Options struct{ Addr string }
type ClusterOptions struct{ Addrs []string }
type FailoverOptions struct{ MasterName string }
type UniversalOptions struct{ Addrs []string }
type RingOptions struct{ Addrs map[string]string }

type Client struct{}

func (*Client) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (*Client) Close() error                                   { return nil }

type ClusterClient struct{ Client }
type Ring struct{ Client }

type UniversalClient interface {
	Get(ctx context.Context, key string) *StringCmd
	Close() error
}

func NewClient(opt *Options) *Client                            { return &Client{} }
func NewClusterClient(opt *ClusterOptions) *ClusterClient       { return &ClusterClient{} }
func NewFailoverClient(failoverOpt *FailoverOptions) *Client    { return &Client{} }
func NewUniversalClient(opts *UniversalOptions) UniversalClient { return &Client{} }
func NewRing(opt *RingOptions) *Ring                            { return &Ring{} }

func (*StringCmd) Err() error { return nil }
