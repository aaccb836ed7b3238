package user

import (
	"crypto/tls"
	"net"
	"net/http"

	"lib"
)

func Client() *http.Client {
	tr := &http.Transport{TLSClientConfig: lib.NewConfig(nil)} // want `tls.Config returned by lib.NewConfig is used by a client without a ClientSessionCache`
	return &http.Client{Transport: tr}
}

func ThroughVariables(addr string) error {
	cfg, err := lib.NewConfigErr("x") // trap: a probe: the connection is only closed
	if err != nil {
		return err
	}
	c := cfg
	conn, err := tls.Dial("tcp", addr, c)
	if err != nil {
		return err
	}
	return conn.Close()
}

// A dial whose connection carries data: reported at the call, no fix
// (the literal is in lib).
func DialPerCall(addr string) (net.Conn, error) {
	return tls.Dial("tcp", addr, lib.NewConfig(nil)) // want `tls.Config returned by lib.NewConfig is used by a client without a ClientSessionCache`
}

func ThroughTransport() (*http.Transport, error) {
	cfg, err := lib.NewConfigErr("x") // want `tls.Config returned by lib.NewConfigErr is used by a client`
	if err != nil {
		return nil, err
	}
	return &http.Transport{TLSClientConfig: cfg}, nil
}

func Chained() *http.Transport {
	return &http.Transport{TLSClientConfig: lib.Wrapped()} // want `lib.Wrapped`
}

func Method(o *lib.Options) *http.Transport {
	return &http.Transport{TLSClientConfig: o.TLS()} // want `lib.Options.TLS`
}

func PinnedClient() *http.Transport {
	return &http.Transport{TLSClientConfig: lib.Pinned(nil)} // want `lib.Pinned is used by a client without a ClientSessionCache, but resumed sessions would skip its VerifyPeerCertificate`
}

// Another package's function made client-side through this package's
// function: reported at the call, and this function gets the fact too.
func Forward() *tls.Config { // want Forward:"uncachedConfig"
	return lib.NewConfig(nil)
}

// Traps.

func CachedByCaller() *http.Transport {
	cfg := lib.NewConfig(nil)
	cfg.ClientSessionCache = tls.NewLRUClientSessionCache(0)
	return &http.Transport{TLSClientConfig: cfg}
}

func ServerSide() *http.Server {
	return &http.Server{TLSConfig: lib.NewConfig(nil)}
}

func NoFacts(base *tls.Config) []*http.Transport {
	return []*http.Transport{
		{TLSClientConfig: lib.Cached()},
		{TLSClientConfig: lib.Cloned(base)},
		{TLSClientConfig: lib.Param(base)},
		{TLSClientConfig: lib.Mixed(base)},
		{TLSClientConfig: lib.Nil()},
		{TLSClientConfig: lib.Configured()},
	}
}
