// Package fields holds configs stored in struct fields, the shape of
// database drivers and mail clients: the config is built once (from a
// DSN, in a constructor) and every pooled connection dials with it.
package fields

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
)

// A mail client keeps its config in an unexported field and starts TLS
// on every connection it opens (go-mail's shape).
type mailer struct {
	host      string
	tlsConfig *tls.Config
}

func newMailer(host string) *mailer {
	return &mailer{host: host, tlsConfig: &tls.Config{ServerName: host}} // want `used by a client has no ClientSessionCache`
}

func (m *mailer) send(c net.Conn, msg []byte) error {
	tc := tls.Client(c, m.tlsConfig)
	_, err := tc.Write(msg)
	return err
}

// A driver's exported Config gets a literal for one DSN setting and a
// registered config for another (go-sql-driver/mysql's shape): the literal
// is one of several, and each pooled connection pays a full handshake.
type Config struct {
	Addr string
	TLS  *tls.Config
}

var registered = map[string]*tls.Config{}

func (c *Config) setTLS(mode string) {
	switch mode {
	case "skip-verify":
		c.TLS = &tls.Config{InsecureSkipVerify: true} // want `used by a client has no ClientSessionCache`
	default:
		c.TLS = registered[mode]
	}
}

func (c *Config) connect(conn net.Conn) (net.Conn, error) {
	tc := tls.Client(conn, c.TLS)
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	return tc, nil
}

// An API client keeps the config of the transport it builds.
type api struct {
	tls *tls.Config
	hc  *http.Client
}

func newAPI(pool *x509.CertPool) *api {
	a := &api{}
	a.tls = &tls.Config{RootCAs: pool} // want `has no ClientSessionCache`
	a.hc = &http.Client{Transport: &http.Transport{TLSClientConfig: a.tls}}
	return a
}

// A struct value filled for one dial: its config serves that dial only.
type dialOpts struct{ cfg *tls.Config }

func dialOnce(c net.Conn, host string, msg []byte) error {
	var o dialOpts
	o.cfg = &tls.Config{ServerName: host} // want `built for each TLS connection`
	_, err := tls.Client(c, o.cfg).Write(msg)
	return err
}
