// Package tlssessioncache defines an analyzer that reports client TLS
// configs that cannot resume sessions.
//
// # Analyzer tlssessioncache
//
// tlssessioncache: client tls.Config without a session cache
//
// Bad:
//
//	tr := &http.Transport{
//		TLSClientConfig: &tls.Config{
//			RootCAs: pool,
//		},
//	}
//
//	func (d *Dialer) dial(addr string) (net.Conn, error) {
//		return tls.Dial("tcp", addr, &tls.Config{ServerName: d.Host})
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
//	var tlsSessionCache = tls.NewLRUClientSessionCache(0)
//
//	func (d *Dialer) dial(addr string) (net.Conn, error) {
//		return tls.Dial("tcp", addr, &tls.Config{ServerName: d.Host, ClientSessionCache: tlsSessionCache})
//	}
//
// Why it costs: crypto/tls resumes a session, which saves most of a
// handshake, only when the client's config has a ClientSessionCache and does not set
// SessionTicketsDisabled ((*Conn).loadSession returns early otherwise).
// net/http never sets a cache, not even on http.DefaultTransport, so
// without one every new connection (after an idle timeout, a server
// close, or in another pool) pays a full handshake.
//
// Reported: a tls.Config literal (or new(tls.Config)) without a
// ClientSessionCache when the config is used by a client: it reaches
// http.Transport.TLSClientConfig, tls.Dialer.Config (or the
// TLSClientConfig of golang.org/x/net/http2's Transport), tls.Dial,
// tls.DialWithDialer, tls.Client, (*net/smtp.Client).StartTLS, or the
// STARTTLS and one-connection TLS dials of the mail, LDAP and IMAP
// clients (emersion/go-smtp, go-mail's smtp fork, go-ldap, go-imap),
// directly, through local variables, unexported package variables, the
// fields of the package's struct types and the parameters of its
// functions (a helper that fills in roots or certificates), or through
// the results of functions of the same package. A config handed to code
// the check cannot see (another package's function, a function value, a
// variadic parameter) may get a cache there: it is not reported. It also
// reports SessionTicketsDisabled: true (in the literal or assigned later)
// on such a config.
//
// A config in an http.Transport, in a tls.Dialer kept for later, in a
// package variable or in a struct field lives as long as they do, so the
// fix puts the cache in the literal. A config kept in a field of a struct
// reached through a pointer and dialed with for each connection (a
// driver's Config.TLS set from a DSN, a mail client's tlsConfig) is
// reported even when the field may hold other configs too (a registered
// one, the caller's), as long as a connection carries data. A struct
// value filled for one call is no longer-lived than the dial it serves.
//
// A config built for each connection (in the function that calls
// tls.Dial, tls.DialWithDialer, tls.Client, StartTLS, or Dial or
// DialContext of a tls.Dialer built for that call, or in a function whose
// result such a call uses, such as d.tlsConfig() returning
// &tls.Config{ServerName: d.Host}) is the common shape of SMTP senders,
// database drivers, Redis and LDAP clients: one full handshake per
// message or per pooled connection, always to the same server. It is
// reported when the connection carries data (it is returned, stored,
// handed on, read or written), including a fallback such as
// if cfg == nil { cfg = &tls.Config{ServerName: host} } before the dial.
//
// Across packages, a function whose every returned config is a literal it
// builds without a cache gets a fact (uncachedConfig), and a caller in
// another package that makes that result client-side is reported at the
// call, without a fix: the literal to change is in the other package, and
// only the caller knows the config is used by a client. A config already
// reported in its own package gives no fact, so it is reported once.
//
// The fix: for a long-lived config the suggested fix adds
// ClientSessionCache: tls.NewLRUClientSessionCache(0) (the default capacity) to the literal;
// for SessionTicketsDisabled: true it removes the field or the
// assignment.
//
// A config from new(tls.Config) is followed like a literal; its fix
// replaces the call with a literal that has the cache.
//
// For a config built per connection, a cache created with that config
// would serve one connection, so the fix declares one package-level cache,
//
//	var tlsSessionCache = tls.NewLRUClientSessionCache(0)
//
// (or reuses a package variable initialized with
// tls.NewLRUClientSessionCache), and sets ClientSessionCache:
// tlsSessionCache in the literal. crypto/tls keys the cache by server
// name (or address), so one cache serves every server. The declaration
// goes after the imports of the first file with such a fix; every fix of
// that file inserts the same text at the same place, which the drivers
// (go vet -fix, golangci-lint, analysistest) merge into one. A fix stays
// in its own file, so findings in the package's other files get theirs on
// the next run, once the variable exists.
//
// For security, note that resumed sessions do not call
// VerifyPeerCertificate again (VerifyConnection runs on every connection). A config that sets
// VerifyPeerCertificate without VerifyConnection is reported with a
// message saying the verification must move to VerifyConnection before a
// cache can be added, and never gets a fix; its SessionTicketsDisabled is
// not reported. A session also keeps the client certificate it was
// authenticated with, so a per-connection config that sets Certificates or
// GetClientCertificate gets no fix: a cache shared by the whole package
// could resume one identity's session for another (crypto/tls re-checks
// the server's chain against the new config's RootCAs, not the client's
// identity). Nothing the check suggests weakens certificate verification.
//
// Not reported: a one-shot probe, whose connection is only handshaken,
// inspected (ConnectionState) and closed, as client-go's
// GetClientCANames does (it needs the full handshake to see what the
// server asks for); dials in main, init and test helpers.
//
// The check is also silent on test files and test-support packages such
// as net/http/httptest (a test's client lives for one test); configs whose
// only clients are Transports built in the function and gone when it
// returns (held in its local variables, used by its local http.Clients to
// send requests, not stored, returned or captured), as testcontainers'
// HTTP wait strategy polls a container: a cache there would serve one
// call's connections, and a transport built per call is the problem to
// fix; net/http itself; server-side STARTTLS (tls.Server); a config copied
// field by field from the caller's (its owner decides whether it has a
// cache); literals returned as a fallback by a function that may also
// return a config it did not build (cfg.Clone() or nil-check defaults, as
// net/http's cloneTLSConfig); a config stored into a Transport or Dialer
// the function received (a parameter, a receiver's field), or, under if
// tr.TLSClientConfig == nil, into a transport taken from a parameter
// (opensearch-go fills one into a clone of the caller's; a receiver's
// transport, as in resty's tlsConfig, is the package's own and is
// reported), as a default filled in for its owner; configs used only by
// servers (tls.Listen, tls.Server, tls.NewListener, http.Server.TLSConfig,
// httptest.Server.TLS); configs that set a ClientSessionCache, in the
// literal or by assignment; clones (base.Clone()) and configs received as
// parameters, whose owner decides; configs handed to code the check cannot
// see into (another function, a struct field, an interface), whose use is
// unknown; variables that may hold another config too (except a
// per-connection fallback assigned in a branch, as above; a literal
// unconditionally overwritten by another config stays silent).
//
// By default (the cost model; -tlssessioncache.all or the suite's -all
// reports them too): a config that turns session tickets off
// (SessionTicketsDisabled: true), a deliberate opt-out of resumption,
// often a security choice. With -all it is reported once, at
// SessionTicketsDisabled, and its missing cache only when adding one
// would skip VerifyPeerCertificate.
//
// Options: -tlssessioncache.all (or the suite's -all) reports what the cost
// model leaves out by default, listed above.
//
// Known limits: a tls.Dialer assigned field by field (d.Config = cfg)
// counts as kept for later; a config built field by field in a zero
// tls.Config variable (var cfg tls.Config) is not reported; a config kept
// in a slice or map (pgx's fallback configs, ranged over at connect) or in
// another package's struct is not followed; uses of a field in test files
// are not seen; a value the analysis cannot follow keeps the whole config
// silent.
package tlssessioncache
