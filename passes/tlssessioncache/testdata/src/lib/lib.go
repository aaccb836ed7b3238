package lib

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
)

func NewConfig(pool *x509.CertPool) *tls.Config { // want NewConfig:"uncachedConfig"
	return &tls.Config{RootCAs: pool}
}

func NewConfigErr(name string) (*tls.Config, error) { // want NewConfigErr:"uncachedConfig"
	if name == "" {
		return nil, errors.New("no name")
	}
	cfg := &tls.Config{ServerName: name}
	cfg.MinVersion = tls.VersionTLS12
	return cfg, nil
}

func Wrapped() *tls.Config { // want Wrapped:"uncachedConfig"
	return NewConfig(nil)
}

func Pinned(check func([][]byte, [][]*x509.Certificate) error) *tls.Config { // want Pinned:`uncachedConfig\(verifyPeerCertificate\)`
	return &tls.Config{VerifyPeerCertificate: check}
}

type Options struct{ Name string }

func (o *Options) TLS() *tls.Config { // want TLS:"uncachedConfig"
	return &tls.Config{ServerName: o.Name}
}

// No fact for these.

func Cached() *tls.Config {
	return &tls.Config{ClientSessionCache: tls.NewLRUClientSessionCache(0)}
}

func Cloned(base *tls.Config) *tls.Config {
	return base.Clone()
}

func Param(cfg *tls.Config) *tls.Config {
	return cfg
}

func Mixed(base *tls.Config) *tls.Config {
	if base != nil {
		return base.Clone()
	}
	return &tls.Config{}
}

func Nil() *tls.Config { return nil }

func Configured() *tls.Config {
	cfg := &tls.Config{}
	setup(cfg)
	return cfg
}

// setup hands the config to a hook this package cannot see into, which
// may add a cache: unknown.
func setup(cfg *tls.Config) { setupHook(cfg) }

var setupHook = func(*tls.Config) {}
