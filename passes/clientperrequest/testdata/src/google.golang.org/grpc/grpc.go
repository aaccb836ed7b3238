// Package grpc is a stub of google.golang.org/grpc with the real signatures.
package grpc

import "context"

type ClientConn struct{}

func (*ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}
func (*ClientConn) Close() error { return nil }

type DialOption interface{ apply() }
type CallOption interface{ before() }

func WithInsecure() DialOption { return nil }

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }
func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{}, nil
}
func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{}, nil
}
