package a

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
)

func transport(pool *x509.CertPool) *http.Transport {
	return &http.Transport{
		TLSClientConfig: &tls.Config{ // want `tls.Config used by a client has no ClientSessionCache: every new connection does a full TLS handshake`
			RootCAs:    pool,
			MinVersion: tls.VersionTLS12,
		},
	}
}

func singleLine(name string) *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{ServerName: name}} // want `no ClientSessionCache`
}

func empty() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{}} // want `no ClientSessionCache`
}

func throughVariable() *http.Client {
	cfg := &tls.Config{ // want `no ClientSessionCache`
		MinVersion: tls.VersionTLS13,
	}
	cfg.ServerName = "example.com"
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = cfg
	return &http.Client{Transport: tr}
}

func twoVariables() *http.Transport {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12} // want `no ClientSessionCache`
	c2 := cfg
	return &http.Transport{TLSClientConfig: c2}
}

func dialers(addr string, d *net.Dialer, conn net.Conn) {
	_, _ = tls.DialWithDialer(d, "tcp", addr, &tls.Config{ServerName: "a"}) // trap: the connection is dropped
	_ = tls.Client(conn, &tls.Config{ServerName: "b"})                      // trap: the connection is dropped
	_ = &tls.Dialer{Config: &tls.Config{ServerName: "c"}}                   // want `no ClientSessionCache`
	var td tls.Dialer
	td.Config = &tls.Config{ServerName: "d"} // want `no ClientSessionCache`
}

func eitherBranch(strict bool) *http.Transport {
	var cfg *tls.Config
	if strict {
		cfg = &tls.Config{MinVersion: tls.VersionTLS13} // want `no ClientSessionCache`
	} else {
		cfg = &tls.Config{MinVersion: tls.VersionTLS12} // want `no ClientSessionCache`
	}
	return &http.Transport{TLSClientConfig: cfg}
}

// Through a function of the same package: reported at the literal.

func clientConfig() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12} // want `no ClientSessionCache`
}

func clientConfigErr() (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12} // want `no ClientSessionCache`
	return cfg, nil
}

func forwarded() (*tls.Config, error) { return clientConfigErr() }

func useHelpers() (*http.Transport, error) {
	cfg, err := forwarded()
	if err != nil {
		return nil, err
	}
	_ = &http.Transport{TLSClientConfig: cfg}
	return &http.Transport{TLSClientConfig: clientConfig()}, nil
}

var sharedConfig = &tls.Config{MinVersion: tls.VersionTLS12} // want `no ClientSessionCache`

var sharedTransport = &http.Transport{TLSClientConfig: sharedConfig}

// A config that lives as long as the program: the cache is shared.
var dialConfig = &tls.Config{MinVersion: tls.VersionTLS12} // want `tls.Config used by a client has no ClientSessionCache`

var clientConfig2 = &tls.Config{ServerName: "e"} // want `tls.Config used by a client has no ClientSessionCache`

func dialShared(addr string, conn net.Conn) (*tls.Conn, error) {
	_ = tls.Client(conn, clientConfig2)
	return tls.Dial("tcp", addr, dialConfig)
}

// Used by a client only in a test file: silent.
func clientConfigForTests() *tls.Config { // want clientConfigForTests:"uncachedConfig"
	return &tls.Config{ServerName: "test"}
}

// Used by a client only in a test file: silent.
var configForTests = &tls.Config{ServerName: "test"}
