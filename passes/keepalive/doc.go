// Package keepalive defines an analyzer that reports client code switching
// HTTP keep-alive off.
//
// # Analyzer keepalive
//
// keepalive: client settings that switch HTTP or database keep-alive off
//
// Bad:
//
//	tr := &http.Transport{
//		DisableKeepAlives: true,
//	}
//	req, err := http.NewRequest("GET", url, nil)
//	if err != nil {
//		return err
//	}
//	req.Header.Set("Connection", "close")
//	db.SetMaxIdleConns(0)
//
// Good:
//
//	tr := &http.Transport{}
//	req, err := http.NewRequest("GET", url, nil)
//	if err != nil {
//		return err
//	}
//
// Why it costs: an http.Transport keeps finished connections in its idle
// pool so the next request to the same host skips the TCP connect and the
// TLS handshake.
// Four settings defeat that: Transport.DisableKeepAlives and a negative
// Transport.MaxIdleConnsPerHost make (*Transport).tryPutIdleConn refuse
// every connection, and Request.Close = true or a "Connection: close"
// request header make the transport close the connection after the
// response. Each request then pays a new connection, and over HTTPS a full
// handshake; an *sql.DB that keeps no idle connection makes every query
// dial, do its TLS handshake and authenticate again.
//
// Reported: with constant values only (a value read from
// configuration is the user's choice):
//
//   - DisableKeepAlives: true in an http.Transport literal, and
//     t.DisableKeepAlives = true;
//   - MaxIdleConnsPerHost set to a negative constant, in a literal or an
//     assignment;
//   - Close: true or req.Close = true on an outgoing request;
//   - req.Header.Set or req.Header.Add with "Connection" and "close" (any
//     letter case) on an outgoing request, req.Header["Connection"] =
//     []string{"close"}, and an http.Header literal with a "Connection":
//     {"close"} entry that becomes an outgoing request's Header;
//   - db.SetMaxIdleConns(n) on an *sql.DB with a constant n <= 0.
//
// An outgoing request is a local variable (or literal) of a request the
// function sends with Client.Do or RoundTrip, whatever its origin, or one
// that holds only requests built as client requests: by http.NewRequest
// or http.NewRequestWithContext (they build client requests), by
// WithContext or Clone of such a request, or by a function that returns
// only such requests (req, err := c.newRequest(ctx, method, path)); the
// newRequest fact carries that across packages. A request from a literal
// or new(http.Request) counts only when the function sends it, since
// servers build their incoming requests that way too (net/http/cgi does).
// A handler's *http.Request parameter, a request handed to ServeHTTP or to
// a call that also receives a ResponseWriter, and a request received from
// elsewhere and not sent here are never reported: closing a server-side
// request means something else, and its owner decides.
//
// database/sql has its own keep-alive switch: db.SetMaxIdleConns(n) with a
// constant n <= 0 keeps no idle connection (maxIdleCount = -1 in
// database/sql), so every query dials, does its TLS handshake and
// authenticates again. It is reported, except on a pool opened with
// sql.OpenDB in the same function, whose connector may lend connections
// from a pool of its own (pgx's stdlib.OpenDBFromPool sets 0 so that
// pgxpool keeps them).
//
// The fix: the suggested fix removes the field, the statement, the header entry or the
// SetMaxIdleConns call (database/sql then keeps its default of 2 idle
// connections; set a size that matches the traffic if 2 is too few). No fix is
// offered when the removal would leave a variable or an import unused, or
// when the statement shares its line with other code.
//
// Not reported: test files and test helpers (tests switch keep-alive off on
// purpose); a Close or Connection: close set under a condition (if, switch
// or select branch), which retires one possibly broken connection after a
// timeout or follows configuration; a function that builds a
// protocol-upgrade request (Connection: Upgrade with an Upgrade header),
// with the transport it builds for it, since the connection is taken over
// after the 101 response; resp.Close on an *http.Response, which is
// advisory and does not disable reuse; values from configuration; a
// Transport literal built and dropped within one call (used on the spot,
// or by local variables and a local client that are never returned,
// stored or handed on), where DisableKeepAlives closes each connection
// instead of leaking it idle and the cost is the Transport per call, which
// clientperrequest reports (amqp091-go's one-shot management calls).
//
// By default (the cost model; -keepalive.all or the suite's -all reports
// them too): Close or a "Connection: close" header on a request sent from
// a function that builds its own transport dying with its call (built per
// request, or carrying one request), which has no pool to return the
// connection to. Several switches in one function for one cause (two
// fields of a transport, the same field in two branches, Close and the
// header on one request) are one finding, at the first, with the others
// as related locations and one fix removing them all.
//
// Options: -keepalive.all (or the suite's -all) reports what the cost
// model leaves out by default, listed above.
//
// Known limits: the check does not follow a Transport through function
// calls, nor a request into the functions it is passed to; it does not
// report a header built in a variable before being assigned to a request.
// Two fixes that each remove a use of the same request variable may, applied
// together, leave it unused.
// A server's response header (w.Header()) and Server.SetKeepAlivesEnabled
// are out of scope. Comments above a removed line stay where they are.
package keepalive
