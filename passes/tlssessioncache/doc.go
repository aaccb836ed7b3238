// Package tlssessioncache defines an analyzer that reports client TLS
// configs that cannot resume sessions.
//
// # Analyzer tlssessioncache
//
// tlssessioncache: client tls.Config without a session cache
//
// crypto/tls resumes a session, which saves most of a handshake, only when
// the client's config has a ClientSessionCache and does not set
// SessionTicketsDisabled ((*Conn).loadSession returns early otherwise).
// net/http never sets a cache, not even on http.DefaultTransport, so
// without one every new connection (after an idle timeout, a server
// close, or in another pool) pays a full handshake.
//
// The check reports a tls.Config literal without a ClientSessionCache
// when the config is used by a client: it reaches
// http.Transport.TLSClientConfig, tls.Dial, tls.DialWithDialer,
// tls.Dialer.Config or tls.Client (or the TLSClientConfig of
// golang.org/x/net/http2's Transport), directly, through local variables
// and unexported package variables, or through the results of functions
// of the same package. It also reports SessionTicketsDisabled: true (in
// the literal or assigned later) on such a config.
//
// A cache serves the connections of the configs that share it. A config
// in an http.Transport or a tls.Dialer lives as long as they do, so the
// fix puts the cache in the literal. A config built inside a function and
// passed only to tls.Dial, tls.DialWithDialer or tls.Client serves one
// connection: a cache added to it would never be reused, and sharing one
// across calls is a design change (a one-shot probe may even need the
// full handshake), so such a config is not reported. A config in a
// package variable is shared by every dial, and is reported.
//
// Across packages, a function whose every returned config is a literal it
// builds without a cache gets a fact (uncachedConfig), and a caller in
// another package that makes that result client-side is reported at the
// call, without a fix: the literal to change is in the other package, and
// only the caller knows the config is used by a client. A config already
// reported in its own package gives no fact, so it is reported once.
//
// Bad:
//
//	tr := &http.Transport{
//		TLSClientConfig: &tls.Config{
//			RootCAs: pool,
//		},
//	}
//
// Good:
//
//	tr := &http.Transport{
//		TLSClientConfig: &tls.Config{
//			RootCAs:            pool,
//			ClientSessionCache: tls.NewLRUClientSessionCache(0),
//		},
//	}
//
// The fix adds ClientSessionCache: tls.NewLRUClientSessionCache(0) (the
// default capacity) to the literal; for SessionTicketsDisabled: true it
// removes the field or the assignment.
//
// Security: resumed sessions do not call VerifyPeerCertificate again
// (VerifyConnection runs on every connection). A config that sets
// VerifyPeerCertificate without VerifyConnection is reported with a
// message saying the verification must move to VerifyConnection before a
// cache can be added, and never gets a fix; its SessionTicketsDisabled is
// not reported. Nothing the check suggests weakens certificate
// verification.
//
// Silent on: test files (a test's client lives for one test); literals
// returned as a fallback by a function that may also return a config it
// did not build (cfg.Clone() or nil-check defaults, as net/http's
// cloneTLSConfig); a config stored into a Transport or Dialer the function
// received (a parameter, a receiver's field), as a default filled in for
// its owner; configs used only by servers (tls.Listen, tls.Server,
// tls.NewListener, http.Server.TLSConfig, httptest.Server.TLS); configs
// that set a ClientSessionCache, in the literal or by assignment; clones
// (base.Clone()) and configs received as parameters, whose owner decides;
// configs handed to code the check cannot see into (another function, a
// struct field, an interface), whose use is unknown; variables that may
// hold another config too.
//
// A config from new(tls.Config) is followed like a literal; its fix
// replaces the call with a literal that has the cache.
//
// Known limits: a config built field by field in a zero tls.Config
// variable (var cfg tls.Config) is not reported; a config stored in a struct
// and used by a client later is not followed; a value the analysis cannot
// follow keeps the whole config silent.
package tlssessioncache
