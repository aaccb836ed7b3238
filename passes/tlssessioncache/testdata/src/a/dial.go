package a

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/smtp"
)

// One full handshake per dial: the config is built for each connection.

func valueConfig(addr string) (*tls.Conn, error) {
	cfg := tls.Config{InsecureSkipVerify: false} // want `tls.Config built for each TLS connection has no ClientSessionCache: every dial does a full handshake instead of resuming a session; share one cache across dials`
	return tls.Dial("tcp", addr, &cfg)
}

func dialPerCall(addr, host string) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{ServerName: host}) // want `tls.Config built for each TLS connection has no ClientSessionCache`
}

func dialWithDialer(d *net.Dialer, addr, host string) (*tls.Conn, error) {
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12} // want `built for each TLS connection`
	conn, err := tls.DialWithDialer(d, "tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	return conn, nil
}

func dialerPerCall(ctx context.Context, addr, host string) (net.Conn, error) {
	return (&tls.Dialer{Config: &tls.Config{ServerName: host}}).DialContext(ctx, "tcp", addr) // want `built for each TLS connection`
}

func dialerVariable(ctx context.Context, nd *net.Dialer, addr string) (net.Conn, error) {
	d := tls.Dialer{NetDialer: nd, Config: new(tls.Config)} // want `built for each TLS connection`
	return d.DialContext(ctx, "tcp", addr)
}

type mailer struct {
	host string
	conn net.Conn
}

func (m *mailer) wrap(conn net.Conn) {
	m.conn = tls.Client(conn, &tls.Config{ServerName: m.host}) // want `built for each TLS connection`
}

func (m *mailer) startTLS(c *smtp.Client) error {
	return c.StartTLS(&tls.Config{ServerName: m.host}) // want `built for each TLS connection`
}

// A function known to return a fresh client config.
func (m *mailer) tlsConfig() *tls.Config {
	return &tls.Config{ServerName: m.host} // want `built for each TLS connection`
}

func (m *mailer) dialHelper(addr string) (net.Conn, error) {
	return tls.Dial("tcp", addr, m.tlsConfig())
}

// A fallback for a nil config, then a dial.
func (m *mailer) fallback(conn net.Conn, cfg *tls.Config) net.Conn {
	if cfg == nil {
		cfg = &tls.Config{ServerName: m.host} // want `built for each TLS connection`
	}
	return tls.Client(conn, cfg)
}

func fallbackOrClone(conn net.Conn, base *tls.Config, host string) *tls.Conn {
	var cfg *tls.Config
	if base == nil {
		cfg = &tls.Config{ServerName: host} // want `built for each TLS connection`
	} else {
		cfg = base.Clone()
	}
	tc := tls.Client(conn, cfg)
	if err := tc.Handshake(); err != nil {
		return nil
	}
	return tc
}

// Security: no fix where resumption would skip VerifyPeerCertificate.
func pinnedDial(addr string, check func([][]byte, [][]*x509.Certificate) error) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{VerifyPeerCertificate: check}) // want `resumed sessions would skip its VerifyPeerCertificate`
}

// A client certificate: a package-wide cache could resume one identity's
// session for another: reported without a fix.
func clientCertDial(addr string, cert tls.Certificate) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{Certificates: []tls.Certificate{cert}}) // want `it sets client certificates, so share a cache only among connections of one identity`
}

// A default replaced by a clone of the user's config when there is one,
// then a client certificate (nats.go's makeTLSConn): reported, no fix.
func (m *mailer) defaultOrClone(conn net.Conn, user *tls.Config, cert func() (tls.Certificate, error)) error {
	cfg := &tls.Config{} // want `it sets client certificates`
	if user != nil {
		cfg = user.Clone()
	}
	if cert != nil {
		c, err := cert()
		if err != nil {
			return err
		}
		cfg.Certificates = []tls.Certificate{c}
	}
	m.conn = tls.Client(conn, cfg)
	return nil
}

// Traps.

// A one-shot probe (client-go's GetClientCANames): it needs the full
// handshake to see what the server asks for.
func clientCANames(addr string) ([]string, error) {
	var names []string
	cfg := &tls.Config{
		InsecureSkipVerify: true,
		GetClientCertificate: func(info *tls.CertificateRequestInfo) (*tls.Certificate, error) {
			for _, n := range info.AcceptableCAs {
				names = append(names, string(n))
			}
			return &tls.Certificate{}, nil
		},
	}
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	if err := conn.Close(); err != nil {
		return nil, err
	}
	return names, nil
}

func servingCerts(addr string) ([]*x509.Certificate, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return conn.ConnectionState().PeerCertificates, nil
}

func handshakeOnly(conn net.Conn) error {
	return tls.Client(conn, &tls.Config{InsecureSkipVerify: true}).Handshake()
}

// Server-side STARTTLS.
func serverStartTLS(conn net.Conn, cert tls.Certificate) net.Conn {
	return tls.Server(conn, &tls.Config{Certificates: []tls.Certificate{cert}})
}

// The caller's config: its owner decides.
func fromParameter(addr string, cfg *tls.Config) (net.Conn, error) {
	return tls.Dial("tcp", addr, cfg)
}

func (m *mailer) fromField(addr string, cfg *tls.Config) (net.Conn, error) {
	c := &tls.Config{ServerName: m.host}
	c = cfg
	return tls.Dial("tcp", addr, c)
}

// A config copied field by field from the caller's: the caller's cache
// would be lost, but the caller decides whether it has one.
func copied(addr string, base *tls.Config) (net.Conn, error) {
	cfg := &tls.Config{
		RootCAs:            base.RootCAs,
		ServerName:         base.ServerName,
		ClientSessionCache: base.ClientSessionCache,
	}
	return tls.Dial("tcp", addr, cfg)
}

func copiedNoCache(addr string, base *tls.Config) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{RootCAs: base.RootCAs, ServerName: base.ServerName})
}

func cachedDial(addr string, cache tls.ClientSessionCache) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{ServerName: "x", ClientSessionCache: cache})
}

func clonedDial(addr string, base *tls.Config) (net.Conn, error) {
	cfg := base.Clone()
	cfg.ServerName = "x"
	return tls.Dial("tcp", addr, cfg)
}

// Handed to code the check cannot see into.
func configured(addr string, setup func(*tls.Config)) (net.Conn, error) {
	cfg := &tls.Config{}
	setup(cfg)
	return tls.Dial("tcp", addr, cfg)
}

// A dialer kept for later lives as long as its config: the fix puts the
// cache in the literal.
func keptDialer() *tls.Dialer {
	return &tls.Dialer{Config: &tls.Config{ServerName: "kept"}} // want `tls.Config used by a client has no ClientSessionCache`
}
