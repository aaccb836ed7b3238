// Package upgrade has STARTTLS upgrades and one-connection TLS dials of
// mail and directory clients outside the standard library.
package upgrade

import (
	"context"
	"crypto/tls"
	"net"
	"strings"

	gosmtp "github.com/emersion/go-smtp"
	"github.com/go-ldap/ldap/v3"
	"github.com/wneessen/go-mail/smtp"
)

// An LDAP login: one connection, upgraded, per bind.
func login(url, host, user, pass string) error {
	l, err := ldap.DialURL(url)
	if err != nil {
		return err
	}
	defer l.Close()
	if err := l.StartTLS(&tls.Config{ServerName: host}); err != nil { // want `tls.Config built for each TLS connection has no ClientSessionCache`
		return err
	}
	return l.Bind(user, pass)
}

func loginLDAPS(addr, host, user, pass string) error {
	l, err := ldap.DialTLS("tcp", addr, &tls.Config{ServerName: host}) // want `built for each TLS connection`
	if err != nil {
		return err
	}
	defer l.Close()
	return l.Bind(user, pass)
}

func send(addr, host, from string, to []string, body string) error {
	c, err := gosmtp.DialStartTLS(addr, &tls.Config{ServerName: host}) // want `built for each TLS connection`
	if err != nil {
		return err
	}
	defer c.Close()
	return c.SendMail(from, to, strings.NewReader(body))
}

// go-mail's shape: the config lives in the client, and every send dials
// and upgrades a new connection with it.
type Client struct {
	host      string
	tlsconfig *tls.Config
}

func NewClient(host string) *Client {
	return &Client{host: host, tlsconfig: &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}} // want `tls.Config used by a client has no ClientSessionCache`
}

func (c *Client) SetTLSConfig(cfg *tls.Config) { c.tlsconfig = cfg }

func (c *Client) Send(from string) error {
	conn, err := net.Dial("tcp", c.host+":587")
	if err != nil {
		return err
	}
	sc, err := smtp.NewClient(conn, c.host)
	if err != nil {
		return err
	}
	if err := sc.StartTLS(c.tlsconfig); err != nil {
		return err
	}
	return sc.Mail(from)
}

// go-mail's implicit TLS: the dial function is a tls.Dialer's DialContext
// method value, picked for each connection.
type sslClient struct {
	host      string
	tlsconfig *tls.Config
	dial      func(ctx context.Context, network, addr string) (net.Conn, error)
}

func newSSLClient(host string) *sslClient {
	return &sslClient{host: host, tlsconfig: &tls.Config{ServerName: host}} // want `tls.Config used by a client has no ClientSessionCache`
}

func (c *sslClient) SetTLSConfig(cfg *tls.Config) { c.tlsconfig = cfg }

func (c *sslClient) connect(ctx context.Context, useSSL bool) (*smtp.Client, error) {
	dialContext := c.dial
	if c.dial == nil {
		netDialer := net.Dialer{}
		dialContext = netDialer.DialContext
		if useSSL {
			tlsDialer := tls.Dialer{NetDialer: &netDialer, Config: c.tlsconfig}
			dialContext = tlsDialer.DialContext
		}
	}
	conn, err := dialContext(ctx, "tcp", c.host+":465")
	if err != nil {
		return nil, err
	}
	return smtp.NewClient(conn, c.host)
}
