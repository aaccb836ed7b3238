// Package unclosedbody defines an Analyzer that reports HTTP response
// bodies left open on some path.
//
// # Analyzer unclosedbody
//
// unclosedbody: response body not closed on some path
//
// Bad:
//
//	resp, err := client.Get(url)
//	if err != nil {
//		return err
//	}
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status) // body left open
//	}
//	defer resp.Body.Close()
//
// Good:
//
//	resp, err := client.Get(url)
//	if err != nil {
//		return err
//	}
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status)
//	}
//
// Why it costs: an HTTP/1.x connection goes back to the Transport's pool
// once its response body has been read to EOF; closing the body before that
// discards the connection (see undrainedbody). A body neither read to the
// end nor closed keeps its connection busy for good: net/http's
// persistConn.readLoop waits on it, the next request to the same host
// dials a new connection, with a new TLS handshake, and the old one stays
// open until the server gives up on it.
//
// Reported: an *http.Response returned by a client call
// ((*http.Client).Do, Get, Post, PostForm, http.Get, http.Post,
// http.PostForm, RoundTrip) when some path of the function that makes the
// call returns with its body still open (the check follows the response
// path by path): typically a status check placed before the defer that
// closes it.
//
// It also reports a response discarded outright (_, err := http.Get(url),
// or the call used as a statement), and a `defer resp.Body.Close()` placed
// directly in a loop body when the loop can go round again with that body
// closed by nothing but the defer: the deferred calls run only when the
// function returns, so every iteration keeps its connection busy until
// then. Close the body at the end of each iteration, or move the iteration
// into a function. A loop whose every path that goes round again closes
// or drains the body first (a retry helper that closes it), or returns
// with it, is not reported.
//
// A response that the function returns to its caller on some paths is
// still reported where it is dropped: an error path that decodes the body
// into an error and returns nil, a retry loop that continues past a 429 or
// 5xx response, a redirect followed by hand (goto, or a for loop) that
// drops each 3xx response. Every error or retry then keeps a connection
// busy until the body is garbage collected.
//
// A function returning (*http.Response, error) that hands back a client
// call's response untouched (not read, closed or stored) is followed like
// a client call, in its own package and in others. So is a Do method
// shaped like (*http.Client).Do, taking only the request and returning
// (*http.Response, error): an SDK's HTTP client interface, a retrying
// client of another package.
//
// The fix: the suggested fix, offered when the call is followed by its
// `if err != nil { ... }` check and not inside a loop, inserts
// `defer resp.Body.Close()` right after that check, moving an existing
// `defer resp.Body.Close()` of the same block there. There is no fix for
// the loop case.
//
// Not reported: on the branch where the call's error is non-nil the
// response is nil and there is nothing to close; so is a branch taken when errors.Is(err, ...)
// or errors.As(err, ...) holds, or an error classifier, a func(error) bool
// such as os.IsTimeout(err) or olivere/elastic's IsContextErr(err). The
// check stays silent on the paths where
// the response or its body is handed off: returned (the function's job is
// then to return it), stored in a field, map, slice or global, sent on a channel,
// captured by a goroutine or a closure that keeps it, or passed to a
// function that closes it or whose body it cannot see. Functions that
// close, or drain and close, a response or body they receive count, in
// the same package or another one. Readers that never close (io.ReadAll,
// io.Copy, json.NewDecoder, bufio.NewReader...) do not take ownership.
// Requests sent to an httptest.Server, and HEAD requests (their response
// has no body: net/http returns the connection to the pool before handing
// the response over), are not reported. Neither is a path on which the
// body was read to EOF (io.ReadAll, io.Copy, a draining helper): net/http
// puts the connection back when the body reports EOF, before any Close.
// Calls through an http.Transport the function builds itself (a literal,
// new(http.Transport) or a Clone, directly or as a local Client's Transport)
// have no pool to give back to (so do those installed with
// client.Transport = tr on a local Client), and responses discarded in
// _test.go files (fake transports, calls expected to fail) are left alone
// even with -unclosedbody.tests, as are
// RoundTrip calls in tests on anything but an *http.Transport (fakes). In
// main.main, a path that returns ends the process: only a leak before the
// next request (a loop, a reassignment) is reported.
//
// Test code is left alone: _test.go files, test helpers (functions that
// take a testing.TB, *testing.T, *testing.B or *testing.F) and
// test-support packages (an import path element such as testutil or
// testing), unless -unclosedbody.tests is set.
//
// Options: -unclosedbody.tests reports in test code too (unlike the
// driver's -test flag, which decides whether test files are loaded at
// all).
//
// By default (the cost model; -unclosedbody.all or the suite's -all
// reports them too): a response of code that runs once per process (main,
// init, a command-line action, or an unexported function only such code
// calls, outside loops), whose connection is lost once; a response of an
// HTTP/2-only transport (x/net/http2.Transport), which holds a stream of
// its one connection, not a pooled connection.
//
// Known limits: a wrapper followed like a client call (see above) must
// return the response variable or the call itself; a wrapper that reads, stores or replaces the body, or returns it
// through another variable, is not followed, and its callers are not
// checked.
package unclosedbody
