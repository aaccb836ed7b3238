package helpers

import (
	"crypto/tls"
	"net"
)

var sharedCache = tls.NewLRUClientSessionCache(0)

// The helper sets the cache.
func cachedUpgrader(host string) func(net.Conn) net.Conn {
	cfg := &tls.Config{ServerName: host}
	withCache(cfg)
	return func(c net.Conn) net.Conn { return tls.Client(c, cfg) }
}

func withCache(cfg *tls.Config) { cfg.ClientSessionCache = sharedCache }

// The helper hands the config to code this package does not see.
func handedUpgrader(host string, hook func(*tls.Config)) func(net.Conn) net.Conn {
	cfg := &tls.Config{ServerName: host}
	handOn(cfg, hook)
	return func(c net.Conn) net.Conn { return tls.Client(c, cfg) }
}

func handOn(cfg *tls.Config, hook func(*tls.Config)) { hook(cfg) }

// A variadic helper: not followed.
func loggedUpgrader(host string) func(net.Conn) net.Conn {
	cfg := &tls.Config{ServerName: host}
	logConfigs(cfg)
	return func(c net.Conn) net.Conn { return tls.Client(c, cfg) }
}

func logConfigs(cfgs ...*tls.Config) {}
