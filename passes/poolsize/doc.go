// Package poolsize defines an analyzer that reports connection pools
// sized for concurrency whose idle pool stays at the default of 2.
//
// # Analyzer poolsize
//
// poolsize: pool sized for concurrency whose idle limit stays at 2
//
// Bad:
//
//	client := &http.Client{Transport: &http.Transport{
//		MaxIdleConns:    100,
//		MaxConnsPerHost: 50,
//	}}
//
//	db, err := sql.Open("postgres", dsn)
//	db.SetMaxOpenConns(50)
//
// Good:
//
//	client := &http.Client{Transport: &http.Transport{
//		MaxIdleConns:        100,
//		MaxConnsPerHost:     50,
//		MaxIdleConnsPerHost: 50,
//	}}
//
//	db, err := sql.Open("postgres", dsn)
//	db.SetMaxOpenConns(50)
//	db.SetMaxIdleConns(50)
//
// Why it costs: An http.Transport keeps at most MaxIdleConnsPerHost idle connections per
// host, and when that field is unset the limit is 2
// (DefaultMaxIdleConnsPerHost, returned by (*Transport).maxIdleConnsPerHost
// in net/http/transport.go), whatever MaxIdleConns or MaxConnsPerHost
// say. A client that sends more than two requests at once to one host
// opens a connection per request in flight; when the responses come back,
// (*Transport).tryPutIdleConn closes every connection beyond the second
// (errTooManyIdleHost), and the next burst dials and does a TLS handshake
// again: under steady load, a new connection for most requests and
// thousands of sockets in TIME_WAIT. database/sql has the same default:
// a DB keeps defaultMaxIdleConns (2) idle connections unless
// SetMaxIdleConns says otherwise ((*DB).maxIdleConnsLocked, and
// (*DB).putConnDBLocked closes the rest), and SetMaxOpenConns lowers the
// idle limit but never raises it, so with SetMaxOpenConns(100) 98 of 100
// concurrent queries reconnect and authenticate again.
//
// Reported: the check reports an http.Transport composite literal, or a
// &http.Transport{} or new(http.Transport) completed by field assignments
// in the same function (the reading transportdefaults shares), that sets
// MaxConnsPerHost or MaxIdleConns to a constant above 2 and leaves
// MaxIdleConnsPerHost unset; and a call db.SetMaxOpenConns(n), n a
// constant above 2, when no SetMaxIdleConns raises the idle limit of that
// pool: none in the function, none on the same field or package variable
// in any function of the package. The pool is a local variable opened in
// the function (sql.Open, sql.OpenDB, sqlx.Open and the other openers of
// the constructor catalog), a field or a package variable. One diagnostic
// per pool, at the literal or the call.
//
// A transport that copies DefaultTransport's field list (MaxIdleConns:
// 100, no MaxConnsPerHost) has not necessarily chosen a size: it is
// reported only when the function building it uses a string, []string or
// url.URL variable or field named like an address (url, endpoint, addr,
// host, server, dsn, proxy URLs excepted): a client for one service, an
// SDK's or a driver's (letsencrypt/boulder's CT log client, fixed in its
// PR 7349; keycloak/terraform-provider-keycloak PR 1169; InfluxDB's and
// ArangoDB's drivers). Every transport finding is left out where the code
// says the transport serves many hosts: the package path, the name of the
// function building it (or of its receiver's type) or of its variable
// contains proxy, crawl, spider, scrape, webhook, upstream or prober, or
// the function uses httputil's ReverseProxy.
//
// The fix: the suggested fix adds MaxIdleConnsPerHost with the same expression as
// MaxConnsPerHost when that is set (no more connections per host can be
// open), else as MaxIdleConns, to the literal, or assigns it after the
// statement holding the last field assignment; for a DB it calls
// SetMaxIdleConns with the argument of SetMaxOpenConns right after it. A
// smaller value is right for a transport that talks to many hosts (an
// idle connection per host each, MaxIdleConns caps them all) and for a
// process short of memory or file descriptors, or talking to a server
// that limits connections per client: each idle connection holds a
// socket and buffers on both ends.
//
// Not reported: a copy of DefaultTransport's list that stays in the
// function building it (a poller that sends one request at a time, as
// testcontainers' HTTP wait strategy does: 2 idle connections are
// plenty); MaxIdleConnsPerHost set or named through the transport's
// variable (any value, any expression); MaxIdleConns at 2 or below, or
// MaxConnsPerHost at 2 or below (2 idle cover every connection a host can
// have); a size from configuration or a parameter (not a constant);
// DisableKeepAlives (keepalive's finding); a Clone of DefaultTransport
// or of any transport (Clone keeps the per-host default, but the author
// sized nothing: that is DefaultTransport's own behaviour); a transport
// handed as *http.Transport to a function of another package (it may set
// the field), or that leaves its function in a package that sets
// MaxIdleConnsPerHost through another expression; a pool built in a loop
// or in a function with an HTTP handler's signature (a pool per call,
// clientperrequest's finding); a pool that dies with its call (built per request or iteration, or carrying one request: the pool analysis); a DB that a parameter, a call result or
// another expression holds (its owner may size it), or on which
// SetMaxIdleConns is called in the same function or on the same field or
// package variable in another function, or when the package calls
// SetMaxIdleConns on a parameter (a helper that sizes pools); test
// files, test helpers and test-support packages.
//
// Known limits: fields set on a Clone, or through another expression
// (c.Transport.(*http.Transport).MaxIdleConns = 100), are not read, so
// such transports go unreported; the per-call test knows loops and
// handler signatures only, not functions called from them; callers in
// other packages are not looked at (a DB returned by a constructor may
// be sized by its callers: reported). The one-service and many-host
// signals are names: a one-service client named like a proxy is missed,
// and a many-host transport in a function that also reads an address
// field is reported if it copies DefaultTransport.
package poolsize
