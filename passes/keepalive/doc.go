// Package keepalive defines an analyzer that reports client code switching
// HTTP keep-alive off.
//
// # Analyzer keepalive
//
// keepalive: client settings that switch HTTP keep-alive off
//
// An http.Transport keeps finished connections in its idle pool so the next
// request to the same host skips the TCP connect and the TLS handshake.
// Four settings defeat that: Transport.DisableKeepAlives and a negative
// Transport.MaxIdleConnsPerHost make (*Transport).tryPutIdleConn refuse
// every connection, and Request.Close = true or a "Connection: close"
// request header make the transport close the connection after the
// response. Each request then pays a new connection, and over HTTPS a full
// handshake.
//
// The check reports, with constant values only (a value read from
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
//     {"close"} entry that becomes an outgoing request's Header.
//
// An outgoing request is a local variable (or literal) that holds only
// requests built in the same function, and that is never handed to a
// ServeHTTP method or to a call that also receives a ResponseWriter. A
// request from http.NewRequest or http.NewRequestWithContext qualifies (they
// build client requests); one from a literal or new(http.Request) only
// when the function also sends it with Client.Do or RoundTrip, since
// servers build their incoming requests that way too (net/http/cgi does). A handler's *http.Request parameter, a clone of it, or a
// request received from elsewhere is never reported: closing a server-side
// request means something else, and its owner decides.
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
//
// Good:
//
//	tr := &http.Transport{}
//	req, err := http.NewRequest("GET", url, nil)
//	if err != nil {
//		return err
//	}
//
// The fix removes the field, the statement or the header entry. No fix is
// offered when the removal would leave a variable or an import unused, or
// when the statement shares its line with other code.
//
// Test files are not checked: tests switch keep-alive off on purpose.
//
// Known limits: the check does not follow a Transport or a request through
// function calls, and it does not report a header built in a variable
// before being assigned to a request.
// A server's response header (w.Header()) and Server.SetKeepAlivesEnabled
// are out of scope. Comments above a removed line stay where they are.
package keepalive
