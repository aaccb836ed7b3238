// Package amqp091 is a stub of github.com/rabbitmq/amqp091-go with the real signatures.
package amqp091

import "crypto/tls"

type Config struct{ Vhost string }

type Channel struct{}

func (*Channel) Close() error { return nil }

type Connection struct{}

func (*Connection) Channel() (*Channel, error) { return &Channel{}, nil }
func (*Connection) Close() error               { return nil }

func Dial(url string) (*Connection, error)                       { return &Connection{}, nil }
func DialTLS(url string, amqps *tls.Config) (*Connection, error) { return &Connection{}, nil }
func DialConfig(url string, config Config) (*Connection, error)  { return &Connection{}, nil }
