// Package transportdefaults defines an analyzer that reports hand-written
// http.Transport values that silently switch HTTP/2 off.
//
// # Analyzer transportdefaults
//
// transportdefaults: custom http.Transport that silently turns HTTP/2 off
//
// Bad:
//
//	tr := &http.Transport{
//		TLSClientConfig: &tls.Config{RootCAs: pool},
//	}
//
// Good:
//
//	tr := http.DefaultTransport.(*http.Transport).Clone()
//	tr.TLSClientConfig = &tls.Config{RootCAs: pool}
//
// Why it costs: net/http switches HTTP/2 off for a Transport that sets
// TLSClientConfig, Dial, DialContext, DialTLS or DialTLSContext, unless it also sets
// ForceAttemptHTTP2 ((*Transport).protocols, called from
// onceSetNextProtoDefaults: "don't automatically enable http2 if they've
// specified a custom TLS config or custom dialers"). Over HTTP/2,
// concurrent requests to a host share one multiplexed connection; over
// HTTP/1.1 each request in flight needs a connection and a TLS handshake of
// its own, and the idle pool (2 per host by default) closes most of them
// again after a burst. A hand-written Transport also loses what
// http.DefaultTransport sets: Proxy (HTTP_PROXY, HTTPS_PROXY and NO_PROXY
// are ignored), IdleConnTimeout (idle connections never expire, so the pool
// hands out connections a server or load balancer dropped long ago) and
// TLSHandshakeTimeout (a stalled handshake waits for the request's own
// deadline, if any).
//
// Reported: an http.Transport composite literal, or a
// &http.Transport{} or new(http.Transport) completed by field assignments
// in the same function, that sets at least one of those five fields and
// none of ForceAttemptHTTP2 (any value: false is a decision), Protocols or
// TLSNextProto (an empty map is net/http's documented way to turn HTTP/2
// off). The diagnostic, one per transport, also names what else the
// transport lacks compared with DefaultTransport.
//
// The fix: the suggested fix adds ForceAttemptHTTP2: true to the literal,
// or t.ForceAttemptHTTP2 = true after the statement holding the last field
// assignment; it never adds a Proxy, which would change where the traffic
// goes. Starting from a clone of DefaultTransport, as in the good example,
// keeps ForceAttemptHTTP2, the proxy from the environment and every
// timeout. With HTTP/2 on, net/http appends "h2" to the NextProtos of the
// TLSClientConfig in place (it does not clone it), which a config shared
// with other code will see. A custom DialTLS or DialTLSContext must offer
// "h2" in its own ALPN list for the fix to bring HTTP/2 back.
//
// Not reported: a Clone of any transport (Clone keeps ForceAttemptHTTP2, the
// proxy and the timeouts), with fields set afterwards; a transport handed
// to golang.org/x/net/http2's ConfigureTransport or ConfigureTransports in
// the same function, or to a function of another package that takes an
// *http.Transport (it may configure HTTP/2 itself); a function that sets
// ForceAttemptHTTP2, Protocols or TLSNextProto on any transport, or calls
// ConfigureTransport(s); a dialer to a unix-domain socket (a constant
// "unix" network in the Dial or DialContext function): plain HTTP to a
// local agent, nothing to lose; a transport without TLSClientConfig whose
// Dial or DialContext literal calls nothing named dial (it hands out a
// connection made in memory, as httputil.DumpRequestOut does); a
// TLSClientConfig literal that sets NextProtos (the protocols are chosen
// by hand); a transport built in a function that makes a protocol-upgrade
// request (Connection: Upgrade and an Upgrade header: the 101 response's
// body becomes the connection); test files, test helpers and test-support
// packages (net/http/httptest included: its client talks to its own
// server); a transport that sets none of the five fields (HTTP/2 stays
// on), or sets TLSClientConfig to the result of a function of the package
// that returns nil on some path (sentry-go's getTLSConfig builds a config
// only for custom CAs: by default the field is nil at run time and HTTP/2
// stays on).
//
// By default (the cost model; -transportdefaults.all or the suite's -all
// reports them too): a transport that dies with its call, built per
// request in a handler or loop (clientperrequest's finding) or carrying
// one request or none, where HTTP/2 would help no later request; a
// transport with keep-alive off (keepalive reports that cause); a
// transport whose per-host idle pool is a constant above 2
// (MaxIdleConnsPerHost: 64), where HTTP/1.1 reuse already works and
// HTTP/2 would save only the first handshakes.
//
// Options: -transportdefaults.all (or the suite's -all) reports what the cost
// model leaves out by default, listed above.
//
// Known limits: the check follows a transport through local variables of
// its function only. A transport that leaves its function (returned,
// stored, assigned to a package variable) is reported unless some function
// of its package mentions ForceAttemptHTTP2, Protocols or TLSNextProto on a
// transport other than one built on the spot in that function (a literal, new
// or a Clone), reading it included, or calls ConfigureTransport(s): that
// package handles HTTP/2 somewhere, perhaps on this transport. Callers in
// other packages are not looked at. A transport handed to a function value
// (a user's hook taking an *http.Transport) is not reported either, and
// neither is a field copy that carries TLSNextProto over from another
// transport (TLSNextProto: tr.TLSNextProto), which keeps HTTP/2 only if the
// source had it configured. Fields set through another expression
// (c.Transport.(*http.Transport).TLSClientConfig = ...) are not seen, so
// such a transport may go unreported. Whether the transport ever talks to
// an HTTPS server is not known: one used only for plain http loses
// nothing over HTTP/2.
package transportdefaults
