// Package reusetrace records, for each request an *http.Client sends,
// whether it reused a pooled connection, whether its TLS session was
// resumed, and how long DNS, connect, TLS handshake, first byte and the
// whole exchange took. Its checks turn those facts into test failures, so
// a test can prove that a client keeps its connections alive.
//
// Wrap the client under test, send a series of requests to one host, read
// and close each body, then check:
//
//	rec := reusetrace.New()
//	client := rec.Wrap(myClient)
//	... requests through client ...
//	rec.RequireReuse(t)      // every request after the first reused a connection
//	rec.RequireResumption(t) // every new TLS connection after the first resumed its session
//
// The facts come from [net/http/httptrace] (GotConnInfo.Reused) and from
// the handshake's [tls.ConnectionState] (DidResume). A request is finished
// when its body has been read to EOF or closed; until then its Total is
// zero and Done is false.
package reusetrace

import (
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"sync"
	"time"
)

// A Record holds what one round trip did. Durations are zero when the
// step did not happen (no DNS lookup for an IP address, no connect or
// handshake on a reused connection).
type Record struct {
	Seq    int    // 1 for the first request the Recorder saw, then 2, 3...
	Method string // request method
	URL    string // request URL
	Host   string // request URL host (host:port when the URL has a port)

	Start time.Time // when the round trip started

	// DNS, Connect and TLSHandshake are the steps of the dial that made
	// the request's new connection. They are zero on a reused connection,
	// and also on a new one that the transport dialed for another request
	// (concurrent requests on one pool). On an error, they show how far
	// the dial went.
	DNS          time.Duration // DNS lookup
	Connect      time.Duration // TCP connect (from the first dial attempt to the connection that succeeded)
	TLSHandshake time.Duration // TLS handshake
	TTFB         time.Duration // from Start to the first byte of the response
	Total        time.Duration // from Start to the body's EOF, its Close, or the error

	GotConn bool // the request got a connection (httptrace.ClientTrace.GotConn)
	Reused  bool // the connection came from the pool (httptrace.GotConnInfo.Reused)
	TLS     bool // the connection uses TLS
	Resumed bool // the request's new TLS connection resumed a session (tls.ConnectionState.DidResume)

	Proto      string // response protocol, e.g. "HTTP/1.1"
	StatusCode int    // response status, 0 when there was no response
	BodyBytes  int64  // body bytes read through the response body
	BodyEOF    bool   // the body was read to EOF
	BodyClosed bool   // the body was closed
	Err        error  // round-trip or body read error
	Done       bool   // the request is over: error, EOF or Close
}

// NewConn reports whether the request got a new connection rather than
// one from the pool.
func (r Record) NewConn() bool { return r.GotConn && !r.Reused }

// A Recorder records the requests sent through the clients and transports
// it wraps. It is safe for concurrent use.
type Recorder struct {
	mu      sync.Mutex
	records []*Record
	now     func() time.Time
}

// New returns an empty Recorder.
func New() *Recorder { return &Recorder{now: time.Now} }

// Wrap returns a shallow copy of c (of http.DefaultClient when c is nil)
// whose Transport records every round trip in r. A nil Transport stands for [http.DefaultTransport], as in
// [http.Client]. c itself is not changed, and the copy shares c's
// connection pool.
func (r *Recorder) Wrap(c *http.Client) *http.Client {
	if c == nil {
		c = http.DefaultClient
	}
	w := *c
	w.Transport = r.Transport(c.Transport)
	return &w
}

// Transport returns a RoundTripper that records each round trip in r and
// sends it through base (http.DefaultTransport when nil).
func (r *Recorder) Transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &transport{rec: r, base: base}
}

// Records returns a copy of the records so far, in the order the requests
// started.
func (r *Recorder) Records() []Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Record, len(r.records))
	for i, rec := range r.records {
		out[i] = *rec
	}
	return out
}

// Reset forgets the records so far.
func (r *Recorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.records = nil
}

type transport struct {
	rec  *Recorder
	base http.RoundTripper
}

// CloseIdleConnections closes the idle connections of the wrapped
// transport, so http.Client.CloseIdleConnections keeps working.
func (t *transport) CloseIdleConnections() {
	if c, ok := t.base.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := t.rec
	rec := &Record{Method: req.Method, URL: req.URL.String(), Host: req.URL.Host}

	// The dial's steps are measured aside and kept only if the request
	// uses the connection that dial made: the transport may hand the
	// request a connection freed or dialed by another request, while the
	// dial it started goes on (its callbacks may even come after the
	// request is over). The callbacks run on the transport's goroutines:
	// every access holds r.mu.
	var (
		dnsStart, connStart, tlsStart time.Time
		dns, connect, handshake       time.Duration
		connected, handshaken         bool
		gotConn                       bool // later dial callbacks are not this request's
	)
	// keepDial copies the dial's steps into the record; with a connection
	// in hand (conn != nil), only if the dial finished before: its result
	// is then the connection the request got.
	keepDial := func(conn net.Conn) {
		if conn != nil {
			if _, isTLS := conn.(*tls.Conn); !connected || isTLS && !handshaken {
				return
			}
		}
		rec.DNS, rec.Connect, rec.TLSHandshake = dns, connect, handshake
	}
	set := func(f func()) {
		r.mu.Lock()
		defer r.mu.Unlock()
		if !gotConn {
			f()
		}
	}
	trace := &httptrace.ClientTrace{
		DNSStart: func(httptrace.DNSStartInfo) { set(func() { dnsStart = r.now() }) },
		DNSDone: func(httptrace.DNSDoneInfo) {
			set(func() {
				if !dnsStart.IsZero() {
					dns = r.now().Sub(dnsStart)
				}
			})
		},
		ConnectStart: func(string, string) {
			set(func() {
				if connStart.IsZero() {
					connStart = r.now()
				}
			})
		},
		ConnectDone: func(_, _ string, err error) {
			set(func() {
				if err == nil && !connStart.IsZero() {
					connect, connected = r.now().Sub(connStart), true
				}
			})
		},
		TLSHandshakeStart: func() { set(func() { tlsStart = r.now() }) },
		TLSHandshakeDone: func(cs tls.ConnectionState, err error) {
			set(func() {
				if !tlsStart.IsZero() {
					handshake, handshaken = r.now().Sub(tlsStart), err == nil
				}
			})
		},
		GotConn: func(info httptrace.GotConnInfo) {
			set(func() {
				gotConn = true
				rec.GotConn = true
				rec.Reused = info.Reused
				if tc, ok := info.Conn.(*tls.Conn); ok {
					rec.TLS = true
					// The handshake is over: ConnectionState does not wait.
					rec.Resumed = !info.Reused && tc.ConnectionState().DidResume
				}
				if !info.Reused {
					keepDial(info.Conn)
				}
			})
		},
		GotFirstResponseByte: func() {
			r.mu.Lock()
			defer r.mu.Unlock()
			rec.TTFB = r.now().Sub(rec.Start)
		},
	}

	r.mu.Lock()
	rec.Start = r.now()
	r.records = append(r.records, rec)
	rec.Seq = len(r.records)
	r.mu.Unlock()

	resp, err := t.base.RoundTrip(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))

	r.mu.Lock()
	defer r.mu.Unlock()
	end := r.now()
	if err != nil {
		if !gotConn {
			keepDial(nil) // how far the dial went before the error
			gotConn = true
		}
		rec.Err = err
		rec.Total = end.Sub(rec.Start)
		rec.Done = true
		return resp, err
	}
	rec.StatusCode = resp.StatusCode
	rec.Proto = resp.Proto
	if resp.TLS != nil {
		rec.TLS = true
	}
	if rec.TTFB == 0 {
		rec.TTFB = end.Sub(rec.Start)
	}
	switch {
	case resp.Body == nil || resp.Body == http.NoBody:
		rec.BodyEOF = true
		rec.Total = end.Sub(rec.Start)
		rec.Done = true
	case resp.StatusCode == http.StatusSwitchingProtocols:
		// The body is the connection (an io.ReadWriteCloser): leave it
		// as it is; the request is over for the pool's purposes.
		rec.Total = end.Sub(rec.Start)
		rec.Done = true
	default:
		resp.Body = &body{rc: resp.Body, rec: rec, r: r}
	}
	return resp, nil
}

// body records the end of a response: EOF, an error or Close.
type body struct {
	rc  io.ReadCloser
	rec *Record
	r   *Recorder
}

func (b *body) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	b.r.mu.Lock()
	defer b.r.mu.Unlock()
	b.rec.BodyBytes += int64(n)
	if err != nil && !b.rec.Done {
		if errors.Is(err, io.EOF) {
			b.rec.BodyEOF = true
		} else {
			b.rec.Err = err
		}
		b.rec.Total = b.r.now().Sub(b.rec.Start)
		b.rec.Done = true
	}
	return n, err
}

func (b *body) Close() error {
	err := b.rc.Close()
	b.r.mu.Lock()
	defer b.r.mu.Unlock()
	b.rec.BodyClosed = true
	if !b.rec.Done {
		b.rec.Total = b.r.now().Sub(b.rec.Start)
		b.rec.Done = true
	}
	return err
}

// String formats r on one line, e.g.
// "#2 GET https://h/: 200 HTTP/1.1 reused dns=0s connect=0s tls=0s ttfb=1ms total=1.2ms".
func (r Record) String() string {
	s := fmt.Sprintf("#%d %s %s: ", r.Seq, r.Method, r.URL)
	if r.Err != nil && r.StatusCode == 0 {
		return s + "error: " + r.Err.Error()
	}
	s += fmt.Sprintf("%d %s", r.StatusCode, r.Proto)
	switch {
	case r.Reused:
		s += " reused"
	case r.Resumed:
		s += " new connection, TLS resumed"
	default:
		s += " new connection"
	}
	s += fmt.Sprintf(" dns=%v connect=%v tls=%v ttfb=%v total=%v", r.DNS, r.Connect, r.TLSHandshake, r.TTFB, r.Total)
	if r.Err != nil {
		s += " error: " + r.Err.Error()
	}
	return s
}
