// Package smtp is a stub of github.com/wneessen/go-mail/smtp, go-mail's
// fork of net/smtp.
package smtp

import (
	"crypto/tls"
	"net"
)

type Client struct{}

func NewClient(conn net.Conn, host string) (*Client, error) { return &Client{}, nil }

func (c *Client) StartTLS(config *tls.Config) error { return nil }

func (c *Client) Mail(from string) error { return nil }
