package demo

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"net/smtp"
)

// NewTLSClient trusts pool, but every new connection pays a full TLS
// handshake: the config has no session cache.
func NewTLSClient(pool *x509.CertPool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{
			RootCAs:    pool,
			MinVersion: tls.VersionTLS12,
		},
		ForceAttemptHTTP2: true,
	}}
}

// NewTLSClientFixed resumes TLS sessions when it reconnects.
func NewTLSClientFixed(pool *x509.CertPool) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{
			RootCAs:            pool,
			MinVersion:         tls.VersionTLS12,
			ClientSessionCache: tls.NewLRUClientSessionCache(0),
		},
		ForceAttemptHTTP2: true,
	}}
}

// SendMail upgrades each mail connection with a config built for it:
// every message pays a full TLS handshake with the same server.
func SendMail(addr, host string) error {
	c, err := smtp.Dial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.StartTLS(&tls.Config{ServerName: host}); err != nil {
		return err
	}
	return c.Quit()
}

// mailSessions is shared by every mail connection, so reconnections
// resume their TLS session.
var mailSessions = tls.NewLRUClientSessionCache(0)

// SendMailFixed resumes the TLS session of an earlier message.
func SendMailFixed(addr, host string) error {
	c, err := smtp.Dial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.StartTLS(&tls.Config{ServerName: host, ClientSessionCache: mailSessions}); err != nil {
		return err
	}
	return c.Quit()
}
