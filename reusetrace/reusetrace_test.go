package reusetrace_test

import (
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/reuselint/reuselint/reusetrace"
)

// fakeT collects the errors a check reports.
type fakeT struct{ errs []string }

func (*fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}

// bigBody is larger than the transport's read buffer, so closing it
// unread really discards the connection.
var bigBody = strings.Repeat("x", 64<<10)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, bigBody)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// transport returns a fresh transport trusting srv's certificate, with a
// TLS config of its own; the caller closes its idle connections.
func transport(t *testing.T, srv *httptest.Server) *http.Transport {
	t.Helper()
	tr := srv.Client().Transport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	return tr
}

// get sends n GETs to srv through c, each body handled by finish.
func get(t *testing.T, c *http.Client, url string, n int, finish func(io.ReadCloser)) {
	t.Helper()
	for range n {
		resp, err := c.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		finish(resp.Body)
	}
}

func drainClose(b io.ReadCloser) {
	io.Copy(io.Discard, b)
	b.Close()
}

func TestPooledClientReuses(t *testing.T) {
	srv := newServer(t)
	rec := reusetrace.New()
	tr := transport(t, srv)
	orig := &http.Client{Transport: tr}
	c := rec.Wrap(orig)
	if orig.Transport != tr {
		t.Fatal("Wrap changed the client it wraps")
	}
	start := time.Now()
	get(t, c, srv.URL, 5, drainClose)
	wall := time.Since(start)

	ft := &fakeT{}
	rec.RequireReuse(ft)
	if len(ft.errs) != 0 {
		t.Errorf("RequireReuse on a pooled client: %q", ft.errs)
	}
	recs := rec.Records()
	if len(recs) != 5 {
		t.Fatalf("%d records, want 5", len(recs))
	}
	for i, r := range recs {
		if r.Seq != i+1 || !r.Done || !r.BodyEOF || !r.BodyClosed || r.BodyBytes != int64(len(bigBody)) || r.StatusCode != 200 || !r.TLS {
			t.Errorf("record %d: %+v", i, r)
		}
		if r.Reused != (i > 0) {
			t.Errorf("record %d: Reused = %v", i, r.Reused)
		}
		if steps := r.DNS + r.Connect + r.TLSHandshake; steps > r.TTFB || r.TTFB <= 0 || r.TTFB > r.Total || r.Total > wall {
			t.Errorf("record %d: dns %v + connect %v + tls %v, ttfb %v, total %v, wall %v: not ordered",
				i, r.DNS, r.Connect, r.TLSHandshake, r.TTFB, r.Total, wall)
		}
		if i == 0 && (r.Connect <= 0 || r.TLSHandshake <= 0) {
			t.Errorf("first request: connect %v, handshake %v, want > 0", r.Connect, r.TLSHandshake)
		}
		if i > 0 && (r.Connect != 0 || r.TLSHandshake != 0) {
			t.Errorf("reused request %d: connect %v, handshake %v, want 0", i, r.Connect, r.TLSHandshake)
		}
	}
	if err := reusetrace.CheckReuse(recs); err != nil {
		t.Errorf("CheckReuse: %v", err)
	}
	// CloseIdleConnections goes through the wrapper: the next request dials.
	c.CloseIdleConnections()
	get(t, c, srv.URL, 1, drainClose)
	if last := rec.Records()[5]; !last.NewConn() {
		t.Errorf("request after CloseIdleConnections: %v, want a new connection", last)
	}
	for i, want := range []string{"200 HTTP/1.1 new connection dns=0s connect=", "200 HTTP/1.1 reused dns=0s connect=0s tls=0s ttfb="} {
		if s := recs[i].String(); !strings.HasPrefix(s, fmt.Sprintf("#%d GET %s: ", i+1, srv.URL)) || !strings.Contains(s, want) {
			t.Errorf("record %d: String() = %q, want it to contain %q", i, s, want)
		}
	}
}

func TestEarlyCloseFailsReuse(t *testing.T) {
	srv := newServer(t)
	rec := reusetrace.New()
	c := rec.Wrap(&http.Client{Transport: transport(t, srv)})
	get(t, c, srv.URL, 3, func(b io.ReadCloser) { b.Close() })

	ft := &fakeT{}
	rec.RequireReuse(ft)
	if len(ft.errs) != 2 {
		t.Fatalf("RequireReuse: %d errors, want 2: %q", len(ft.errs), ft.errs)
	}
	if want := "request #2 to " + strings.TrimPrefix(srv.URL, "https://") + " opened a new connection"; !strings.HasPrefix(ft.errs[0], want) {
		t.Errorf("error %q does not start with %q", ft.errs[0], want)
	}
	if !strings.Contains(ft.errs[0], "request #1's body was closed before EOF") {
		t.Errorf("error %q does not blame the early close", ft.errs[0])
	}
}

func TestTransportPerRequestFailsReuse(t *testing.T) {
	srv := newServer(t)
	rec := reusetrace.New()
	for range 3 {
		c := rec.Wrap(&http.Client{Transport: transport(t, srv)})
		get(t, c, srv.URL, 1, drainClose)
	}
	if err := reusetrace.CheckReuse(rec.Records()); err == nil || strings.Count(err.Error(), "opened a new connection") != 2 {
		t.Errorf("CheckReuse = %v, want two new connections", err)
	}
	// Each request made a full handshake.
	if err := reusetrace.CheckResumption(rec.Records()); err == nil || strings.Count(err.Error(), "full TLS handshake") != 2 {
		t.Errorf("CheckResumption = %v, want two full handshakes", err)
	}
}

func TestResumption(t *testing.T) {
	srv := newServer(t)
	tr := transport(t, srv)
	tr.DisableKeepAlives = true
	tr.TLSClientConfig.ClientSessionCache = tls.NewLRUClientSessionCache(8)
	rec := reusetrace.New()
	get(t, rec.Wrap(&http.Client{Transport: tr}), srv.URL, 4, drainClose)

	ft := &fakeT{}
	rec.RequireResumption(ft)
	if len(ft.errs) != 0 {
		t.Errorf("RequireResumption with a session cache: %q", ft.errs)
	}
	for i, r := range rec.Records() {
		if r.Reused || r.Resumed != (i > 0) || r.TLSHandshake <= 0 {
			t.Errorf("record %d: reused %v, resumed %v, handshake %v", i, r.Reused, r.Resumed, r.TLSHandshake)
		}
	}
	// Keep-alive off: RequireReuse must fail for every request but the first.
	ft = &fakeT{}
	rec.RequireReuse(ft)
	if len(ft.errs) != 3 {
		t.Errorf("RequireReuse with keep-alive off: %d errors, want 3: %q", len(ft.errs), ft.errs)
	}
}

func TestResumptionNotExercised(t *testing.T) {
	srv := newServer(t)
	rec := reusetrace.New()
	get(t, rec.Wrap(&http.Client{Transport: transport(t, srv)}), srv.URL, 3, drainClose)
	err := reusetrace.CheckResumption(rec.Records())
	if err == nil || !strings.Contains(err.Error(), "only one TLS handshake") {
		t.Errorf("CheckResumption on reused connections = %v, want 'only one TLS handshake'", err)
	}
}

func TestFailuresAndOpenBodies(t *testing.T) {
	if err := reusetrace.CheckReuse(nil); err == nil {
		t.Error("CheckReuse(nil) = nil, want an error: nothing was recorded")
	}

	// A refused connection: a listener closed before the request.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	rec := reusetrace.New()
	c := rec.Wrap(&http.Client{Transport: &http.Transport{}})
	if _, err = c.Get("http://" + addr + "/"); err == nil {
		t.Fatal("GET on a closed port succeeded")
	}

	// An open body.
	srv := newServer(t)
	c = rec.Wrap(&http.Client{Transport: transport(t, srv)})
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()

	recs := rec.Records()
	if len(recs) != 2 || recs[0].Err == nil || !recs[0].Done || recs[0].GotConn || recs[1].Done {
		t.Fatalf("records: %v", recs)
	}
	err = reusetrace.CheckReuse(recs)
	if err == nil || !strings.Contains(err.Error(), "request #1 (GET http://"+addr+"/) failed") ||
		!strings.Contains(err.Error(), "request #2 (GET "+srv.URL+"): response body not read to EOF nor closed") {
		t.Errorf("CheckReuse = %v", err)
	}
}

func TestHTTP2(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello")
	}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()
	tr := transport(t, srv)
	tr.TLSClientConfig.ClientSessionCache = tls.NewLRUClientSessionCache(8)
	rec := reusetrace.New()
	c := rec.Wrap(&http.Client{Transport: tr})
	get(t, c, srv.URL, 3, drainClose)
	c.CloseIdleConnections()
	get(t, c, srv.URL, 1, drainClose)

	recs := rec.Records()
	for i, r := range recs {
		if r.Proto != "HTTP/2.0" || r.Reused != (i == 1 || i == 2) || r.Resumed != (i == 3) || !r.Done {
			t.Errorf("record %d: %v, resumed %v", i, r, r.Resumed)
		}
	}
	if err := reusetrace.CheckReuse(recs[:3]); err != nil {
		t.Errorf("CheckReuse over HTTP/2: %v", err)
	}
	if err := reusetrace.CheckResumption(recs); err != nil {
		t.Errorf("CheckResumption over HTTP/2: %v", err)
	}
}
