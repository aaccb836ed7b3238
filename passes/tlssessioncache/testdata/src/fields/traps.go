package fields

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
)

// The field's config is handed to code this package does not see.
type handedOn struct{ cfg *tls.Config }

func newHandedOn(pool *x509.CertPool, use func(*tls.Config)) *handedOn {
	h := &handedOn{cfg: &tls.Config{RootCAs: pool}}
	use(h.cfg)
	return h
}

func (h *handedOn) dial(c net.Conn) net.Conn { return tls.Client(c, h.cfg) }

// The cache is set later, through the field.
type cached struct{ cfg *tls.Config }

func newCached(host string) *cached {
	c := &cached{cfg: &tls.Config{ServerName: host}}
	c.cfg.ClientSessionCache = tls.NewLRUClientSessionCache(0)
	return c
}

func (c *cached) send(conn net.Conn, msg []byte) error {
	_, err := tls.Client(conn, c.cfg).Write(msg)
	return err
}

// A server's config.
type server struct{ cfg *tls.Config }

func newServer(cert tls.Certificate) *http.Server {
	s := &server{cfg: &tls.Config{Certificates: []tls.Certificate{cert}}}
	return &http.Server{TLSConfig: s.cfg}
}

// A probe: the connection is only handshaken and closed.
type prober struct{ cfg *tls.Config }

func newProber(host string) *prober { return &prober{cfg: &tls.Config{ServerName: host}} }

func (p *prober) probe(c net.Conn) error {
	tc := tls.Client(c, p.cfg)
	defer tc.Close()
	return tc.Handshake()
}

// A literal that is one of several configs of a field, used by a
// long-lived transport: the caller's config may be the one in use.
type multi struct {
	cfg *tls.Config
	tr  *http.Transport
}

func newMulti(user *tls.Config) *multi {
	m := &multi{}
	if user != nil {
		m.cfg = user
	} else {
		m.cfg = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	m.tr = &http.Transport{TLSClientConfig: m.cfg}
	return m
}
