// Package redis is a stub of github.com/gomodule/redigo/redis with the real signatures.
package redis

import "context"

type Conn interface {
	Close() error
	Do(commandName string, args ...interface{}) (reply interface{}, err error)
}

type DialOption struct{ f func() }

func Dial(network, address string, options ...DialOption) (Conn, error) { return nil, nil }
func DialContext(ctx context.Context, network, address string, options ...DialOption) (Conn, error) {
	return nil, nil
}
func DialURL(rawurl string, options ...DialOption) (Conn, error) { return nil, nil }
