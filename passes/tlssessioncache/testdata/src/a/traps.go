package a

import (
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
)

func cached() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		ServerName:         "x",
		ClientSessionCache: tls.NewLRUClientSessionCache(32),
	}}
}

func cachedLater() *http.Transport {
	cfg := &tls.Config{ServerName: "x"}
	tr := &http.Transport{TLSClientConfig: cfg}
	cfg.ClientSessionCache = tls.NewLRUClientSessionCache(0)
	return tr
}

func server(l net.Listener, conn net.Conn, cert tls.Certificate) {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	_ = tls.NewListener(l, cfg)
	_ = tls.Server(conn, cfg)
	_, _ = tls.Listen("tcp", ":443", &tls.Config{SessionTicketsDisabled: true})
	srv := &http.Server{TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}}
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, SessionTicketsDisabled: true}
	ts := httptest.NewUnstartedServer(nil)
	ts.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
}

func clone(base *tls.Config) *http.Transport {
	cfg := base.Clone()
	cfg.ServerName = "x"
	return &http.Transport{TLSClientConfig: cfg}
}

func parameter(cfg *tls.Config) *http.Transport {
	cfg.SessionTicketsDisabled = true
	return &http.Transport{TLSClientConfig: cfg}
}

func reassignedParameter(cfg *tls.Config) *http.Transport {
	if cfg == nil {
		cfg = &tls.Config{}
	}
	return &http.Transport{TLSClientConfig: cfg}
}

func overwritten(base *tls.Config) *http.Transport {
	cfg := &tls.Config{}
	cfg = base.Clone()
	return &http.Transport{TLSClientConfig: cfg}
}

func configure(cfg *tls.Config) { cfg.ClientSessionCache = tls.NewLRUClientSessionCache(0) }

func handedToUnknown() *http.Transport {
	cfg := &tls.Config{}
	configure(cfg)
	return &http.Transport{TLSClientConfig: cfg}
}

type holder struct{ cfg *tls.Config }

func stored() *holder {
	return &holder{cfg: &tls.Config{}}
}

func unusedConfig() *tls.Config { // want unusedConfig:"uncachedConfig"
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	return cfg
}

var ExportedConfig = &tls.Config{}

var exportedTransport = &http.Transport{TLSClientConfig: ExportedConfig}

func closure() *http.Transport {
	mk := func() *tls.Config { return &tls.Config{} }
	return &http.Transport{TLSClientConfig: mk()}
}

var once sync.Once

func ticketsFalse() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{
		SessionTicketsDisabled: false,
		ClientSessionCache:     tls.NewLRUClientSessionCache(0),
	}}
}

// A caller that adds the cache to a helper's config.
func cachedHelperConfig() *tls.Config { // want cachedHelperConfig:"uncachedConfig"
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

func cachedHelper() *http.Transport {
	cfg := cachedHelperConfig()
	cfg.ClientSessionCache = tls.NewLRUClientSessionCache(0)
	return &http.Transport{TLSClientConfig: cfg}
}

// A fallback for a nil parameter (net/http's cloneTLSConfig): the
// caller's config decides.
func cloneOrNew(cfg *tls.Config) *tls.Config {
	if cfg == nil {
		return &tls.Config{}
	}
	return cfg.Clone()
}

func dialFallback(conn net.Conn, cfg *tls.Config) *tls.Conn {
	return tls.Client(conn, cloneOrNew(cfg))
}

func transportFallback(cfg *tls.Config) *http.Transport {
	return &http.Transport{TLSClientConfig: cloneOrNew(cfg)}
}

// A default filled into a Transport the function received (net/http's
// HTTP/2 setup does this): its owner decides.
func fillDefault(t *http.Transport) {
	if t.TLSClientConfig == nil {
		t.TLSClientConfig = new(tls.Config)
	}
}

type client struct{ tr *http.Transport }

func (c *client) setTLS() {
	c.tr.TLSClientConfig = &tls.Config{ServerName: "x"}
}
