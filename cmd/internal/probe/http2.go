package probe

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// The -http2 scenario shows what transportdefaults reports: a transport
// with a custom TLSClientConfig and no ForceAttemptHTTP2 speaks HTTP/1.1
// only, so concurrent requests to one host each need a connection and a
// TLS handshake of their own; with ForceAttemptHTTP2 they share one
// connection. Each side sends one request, then -n requests at once,
// which the local server (speaking h2 and HTTP/1.1) holds until all of
// them have arrived: every request is in flight at the same moment, so the
// counts do not depend on timing.

// h2Side is one transport of the scenario and what it cost.
type h2Side struct {
	Name        string  `json:"name"`
	Title       string  `json:"title"`
	Proto       string  `json:"proto"`
	Requests    int     `json:"requests"`
	Failed      int     `json:"failed"`
	Connections int     `json:"connections"`
	Handshakes  int     `json:"tls_handshakes"`
	PerRequest  float64 `json:"connections_per_request"`
	TotalMS     float64 `json:"total_ms"`
}

// h2Sides are the two transports, by ForceAttemptHTTP2.
var h2Sides = []struct {
	name, title string
	force       bool
}{
	{"lost", "custom TLSClientConfig, no ForceAttemptHTTP2 (HTTP/2 lost)", false},
	{"kept", "the same with ForceAttemptHTTP2: true", true},
}

// h2Server is the local HTTPS server of the scenario: it speaks h2 and
// HTTP/1.1, counts the connections it accepts, and holds each request
// until the number of requests its gate waits for have arrived.
type h2Server struct {
	srv   *httptest.Server
	conns atomic.Int64
	mu    sync.Mutex
	gate  *gate
}

// gate releases its requests once want of them have arrived, or after
// limit, so that a client that cannot send them all at once still ends.
type gate struct {
	want, got int
	open      chan struct{}
	limit     time.Duration
}

func newH2Server() (*h2Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		if ln, err = net.Listen("tcp6", "[::1]:0"); err != nil {
			return nil, fmt.Errorf("cannot start the local server on loopback: %v", err)
		}
	}
	s := &h2Server{}
	s.srv = &httptest.Server{
		Listener:    ln,
		EnableHTTP2: true,
		Config: &http.Server{
			Handler:  http.HandlerFunc(s.serve),
			ErrorLog: log.New(io.Discard, "", 0),
			ConnState: func(_ net.Conn, st http.ConnState) {
				if st == http.StateNew {
					s.conns.Add(1)
				}
			},
		},
	}
	s.srv.StartTLS()
	// httptest offers only "h2" when EnableHTTP2 is set; HTTP/1.1
	// clients must be served too.
	s.srv.TLS.NextProtos = []string{"h2", "http/1.1"}
	return s, nil
}

// hold makes the next want requests wait for one another.
func (s *h2Server) hold(want int, limit time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gate = &gate{want: want, open: make(chan struct{}), limit: limit}
}

func (s *h2Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	g := s.gate
	if g.got++; g.got == g.want {
		close(g.open)
	}
	s.mu.Unlock()
	select {
	case <-g.open:
	case <-time.After(g.limit):
	case <-r.Context().Done():
	}
	io.WriteString(w, localBody)
}

// h2Transport returns the transport of one side: DefaultTransport's
// settings with the server's certificate trusted, and ForceAttemptHTTP2
// as force. The TLS config is fresh: net/http appends "h2" to the
// NextProtos of a config it enables HTTP/2 for.
func h2Transport(pool *x509.CertPool, force bool) *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = new(tls.Config)
	tr.TLSClientConfig.RootCAs = pool
	tr.ForceAttemptHTTP2 = force
	return tr
}

// runHTTP2 runs the scenario with n concurrent requests per side.
func runHTTP2(ctx context.Context, n int, timeout time.Duration) ([]h2Side, error) {
	s, err := newH2Server()
	if err != nil {
		return nil, err
	}
	defer s.srv.Close()
	pool := x509.NewCertPool()
	pool.AddCert(s.srv.Certificate())
	var sides []h2Side
	for _, sd := range h2Sides {
		side, err := s.side(ctx, h2Transport(pool, sd.force), n, timeout)
		if err != nil {
			return nil, err
		}
		side.Name, side.Title = sd.name, sd.title
		sides = append(sides, side)
	}
	return sides, nil
}

// side sends one request, then n at once, through tr.
func (s *h2Server) side(ctx context.Context, tr *http.Transport, n int, timeout time.Duration) (h2Side, error) {
	defer tr.CloseIdleConnections()
	var side h2Side
	var handshakes atomic.Int64
	trace := &httptrace.ClientTrace{TLSHandshakeStart: func() { handshakes.Add(1) }}
	ctx = httptrace.WithClientTrace(ctx, trace)
	c := &http.Client{Transport: tr, CheckRedirect: noRedirect}
	before := s.conns.Load()
	start := time.Now()
	s.hold(1, timeout)
	proto, err := get(ctx, c, s.srv.URL, timeout)
	if err != nil {
		return side, err // the first request: the scenario cannot run
	}
	side.Failed = s.burst(ctx, c, n, timeout)
	side.Proto = proto
	side.Requests = n + 1
	side.Connections = int(s.conns.Load() - before)
	side.Handshakes = int(handshakes.Load())
	side.PerRequest = float64(side.Connections) / float64(side.Requests)
	side.TotalMS = float64(time.Since(start).Microseconds()) / 1000
	return side, nil
}

// burst sends n GETs at once through c, held by the server until all
// have arrived, and returns how many failed.
func (s *h2Server) burst(ctx context.Context, c *http.Client, n int, timeout time.Duration) int {
	s.hold(n, timeout/2)
	var wg sync.WaitGroup
	var failed atomic.Int64
	for range n {
		wg.Go(func() {
			if _, err := get(ctx, c, s.srv.URL, timeout); err != nil {
				failed.Add(1)
			}
		})
	}
	wg.Wait()
	return int(failed.Load())
}

// get sends one GET, reads the body to EOF and closes it, and returns the
// response's protocol.
func get(ctx context.Context, c *http.Client, url string, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	if cerr := resp.Body.Close(); err == nil {
		err = cerr
	}
	return resp.Proto, err
}

// mainHTTP2 runs the scenario and writes its report.
func mainHTTP2(ctx context.Context, cfg *config, stdout, stderr io.Writer) int {
	sides, err := runHTTP2(ctx, cfg.n, cfg.timeout)
	failed := 0
	for _, s := range sides {
		failed += s.Failed
	}
	out := struct {
		Scenario   string   `json:"scenario"`
		Concurrent int      `json:"concurrent"`
		Sides      []h2Side `json:"sides"`
		Failed     int      `json:"failed"`
	}{"http2", cfg.n, sides, failed}
	return finishScenario(cfg, stdout, stderr, "http2", err, out, func(w io.Writer) { writeHTTP2(w, cfg.n, sides) }, failed, 2*(cfg.n+1))
}

// finishScenario writes the result of a scenario, out as JSON with -json
// or else as text by write, or err if it could not run, and returns the
// exit status: failed of total requests failed.
func finishScenario(cfg *config, stdout, stderr io.Writer, name string, err error, out any, write func(io.Writer), failed, total int) int {
	if err != nil {
		fmt.Fprintf(stderr, "reuselint probe: -%s: %s\n", name, describe(err, cfg.timeout))
		return exitFailed
	}
	if cfg.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "reuselint probe: writing JSON: %v\n", err)
			return exitFailed
		}
	} else {
		write(stdout)
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "reuselint probe: %d of %d requests failed\n", failed, total)
		return exitFailed
	}
	return exitOK
}

func writeHTTP2(w io.Writer, n int, sides []h2Side) {
	fmt.Fprintf(w, "reuselint probe -http2: local HTTPS server on loopback, speaking h2 and HTTP/1.1\n")
	fmt.Fprintf(w, "per transport: 1 request, then %d at once, held by the server until all %d have arrived\n\n", n, n)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "transport\tproto\tok\tconnections\ttls handshakes\tconnections/request\ttotal ms")
	for _, s := range sides {
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d\t%d\t%.2f\t%.1f\n", s.Title, s.Proto, s.Requests-s.Failed, s.Requests, s.Connections, s.Handshakes, s.PerRequest, s.TotalMS)
	}
	tw.Flush()
	fmt.Fprintln(w, "(transportdefaults reports the first transport; its fix is the second)")
}
