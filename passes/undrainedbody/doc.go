// Package undrainedbody defines an Analyzer that reports HTTP response
// bodies closed before they are read.
//
// # Analyzer undrainedbody
//
// undrainedbody: response body closed without being read
//
// Closing a response body is not enough for its connection to be reused:
// net/http's bodyEOFSignal returns an HTTP/1.x connection to the pool only
// when the body was read to EOF before Close. A body closed early makes
// the Transport close the connection, and the next request dials a new one
// (with a new TLS handshake). Measured locally, 10 sequential requests
// closing an unread body reused 0 of 9 connections; draining with
// io.Copy(io.Discard, resp.Body) before closing reused 9 of 9.
//
// The check reports a close (direct, deferred, or by a helper) reached on a
// path where the body was never read: typically a status check that
// returns with the deferred close pending.
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status) // closed unread
//	}
//
// Drain the body before closing it:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	defer func() {
//		io.Copy(io.Discard, resp.Body)
//		resp.Body.Close()
//	}()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status)
//	}
//
// By default any read on the path counts (a JSON decoder usually reaches
// the end). With -undrainedbody.strict, only a read to EOF counts:
// io.ReadAll, io.Copy, or a helper that drains (in any package); a
// decoder alone is then reported, since on chunked bodies it may stop
// before the final chunk.
//
// A body that is never closed on some path is unclosedbody's finding, not
// this one's. The check is silent for HEAD and CONNECT requests, requests
// whose method is not a constant, requests built elsewhere (a parameter, a
// table) whose body this function never reads (they may be HEAD or
// CONNECT), for branches where the status is 204 or 304 or
// the content length is 0 (nothing to read), for requests sent to an
// httptest.Server, through a test double's RoundTrip or through an
// http.Transport the function builds for itself (a literal, new or a Clone; no pool to give
// the connection back to), for requests through a golang.org/x/net/http2
// Transport or ClientConn, directly or as the Transport of a local
// http.Client literal (closing an HTTP/2 body resets its stream, not the
// connection), for bodies handed
// to a helper that drains them, and for deferred closes in main.main
// (they run as the process exits).
//
// The suggested fix inserts io.Copy(io.Discard, resp.Body) before the
// close, turning a deferred close into a deferred closure that drains then
// closes, and adds the "io" import when it is missing. A body may be
// large: if the server can send much more than you want to read, bound the
// drain (io.CopyN) or accept closing the connection.
package undrainedbody
