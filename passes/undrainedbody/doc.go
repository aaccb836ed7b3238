// Package undrainedbody defines an Analyzer that reports HTTP response
// bodies closed before they are read.
//
// # Analyzer undrainedbody
//
// undrainedbody: response body closed without being read
//
// Bad:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return false, err
//	}
//	resp.Body.Close() // closed unread
//	return resp.StatusCode == http.StatusOK, nil
//
// Good:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return false, err
//	}
//	io.Copy(io.Discard, resp.Body)
//	resp.Body.Close()
//	return resp.StatusCode == http.StatusOK, nil
//
// Why it costs: closing a response body is not enough for its connection
// to be reused: net/http's bodyEOFSignal returns an HTTP/1.x connection to
// the pool only when the body was read to EOF before Close. A body closed
// early makes the Transport close the connection, and the next request
// dials a new one (with a new TLS handshake). Measured locally, 10
// sequential requests closing an unread body reused 0 of 9 connections;
// draining with io.Copy(io.Discard, resp.Body) before closing reused 9 of
// 9.
//
// Reported: a close (direct, deferred, or by a helper) reached with the
// body never read on a path where the function then carries on as normal:
// it returns no error (a nil error, a value, a status), or it makes the
// call again (a retry loop throws a connection away on every attempt,
// exactly when the server is struggling).
//
// An error that may well be nil counts as no error: the call's own error
// after its check, the error of a close, or of reading the body
// (return json.NewDecoder(resp.Body).Decode(v)). A function whose only
// result is an error, that reads the body on its error paths only and
// returns a bare nil on success, expects no content there (a 204 answer
// to a DELETE, a ping, as generated API clients do): it is not reported.
//
// Responses of a Do method shaped like (*http.Client).Do, taking only the
// request and returning (*http.Response, error), are followed too: an
// SDK's HTTP client interface, a retrying client of another package.
//
// The fix: the suggested fix inserts io.Copy(io.Discard, resp.Body) before
// the close, turning a deferred close into a deferred closure that drains
// then closes, and adds the "io" import when it is missing. A body may be
// large: if the server can send much more than you want to read, bound the
// drain (io.CopyN) or accept closing the connection.
//
// Not reported: a body that is never closed on some path is unclosedbody's
// finding, not this one's. The check is silent for HEAD and CONNECT
// requests, requests whose method is not a constant (the method of
// http.NewRequest, or of an SDK's NewRequest(method, ...) as
// olivere/elastic's, followed through req.WithContext and conversions to
// *http.Request), requests built elsewhere (a parameter, a table) whose
// body this function never reads (they may be HEAD or CONNECT), for
// branches where the status is 204 or 304 or the content length is 0
// (nothing to read), for requests sent to an httptest.Server, through a
// test double's RoundTrip or through an http.Transport the function builds
// for itself (a literal, new or a Clone, passed in a Client literal or
// installed with client.Transport = tr; no pool to give the connection
// back to), for requests through a golang.org/x/net/http2 Transport or
// ClientConn, directly or as the Transport of a local http.Client literal
// (closing an HTTP/2 body resets its stream, not the connection), for
// requests that end their connection themselves (req.Close = true, a
// "Connection: close" header: keepalive reports those) or that ask for a
// protocol upgrade (the non-101 answer of a WebSocket handshake), for
// bodies handed to a helper that drains them, and for deferred closes in
// main.main (they run as the process exits).
//
// By default, paths that return a non-nil error (an error built or named
// after looking at the response), panic or exit are not reported: they
// cost one connection per error response, which rarely matters. With
// -undrainedbody.errorpaths they are reported too, e.g. the deferred close
// on the status-check return here:
//
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status) // closed unread
//	}
//	return json.NewDecoder(resp.Body).Decode(v)
//
// Test code is left alone: _test.go files, test helpers (functions that
// take a testing.TB, *testing.T, *testing.B or *testing.F) and
// test-support packages (an import path element such as testutil or
// testing), whose requests go to test servers, unless
// -undrainedbody.tests is set.
//
// Options: -undrainedbody.strict counts only a read to EOF: io.ReadAll,
// io.Copy, or a helper that drains (in any package); a decoder alone is
// then reported, since on chunked bodies it may stop before the final
// chunk. By default any read on the path counts (a JSON decoder usually
// reaches the end). -undrainedbody.errorpaths also reports the paths that
// return an error, panic or exit (see above). -undrainedbody.tests reports
// in test code too (unlike the driver's -test flag, which decides whether
// test files are loaded at all).
//
// By default (the cost model; -undrainedbody.all or the suite's -all
// reports them too): a response of code that runs once per process (main,
// init, a command-line action, or an unexported function only such code
// calls, outside loops), whose connection is lost once.
//
// Known limits: the cost is on HTTP/1.1 connections (plain http, servers
// without h2, transports that lost HTTP/2): over HTTP/2, closing an unread
// body resets one stream and the connection stays in use. The check
// reports anyway, since a client rarely knows which protocol it gets. An
// empty body (a 204 or 304 response, Content-Length: 0) costs nothing
// either way. Without -undrainedbody.strict, a partial read such as a JSON
// decoder counts as a read even when it stops before the end of a chunked
// body.
package undrainedbody
