package probe

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// The -poolsize scenario shows what poolsize reports: a transport with
// MaxIdleConns 100 and the default per-host idle limit (2) keeps only 2
// of the connections a burst of concurrent requests to one host opened,
// so every later burst dials and handshakes again for all but 2 of its
// requests; with MaxIdleConnsPerHost set to the burst size, later bursts
// reuse every connection. Each side sends -rounds bursts of -n requests,
// which the local server (the -http2 scenario's) holds until all of the
// burst have arrived, so that every request of a burst needs a connection
// of its own and the counts do not depend on timing. A body read to EOF
// gives its connection back before the read returns (net/http's eofc), so
// the next burst sees the idle pool the previous one left.

// poolSide is one transport of the scenario and what it cost.
type poolSide struct {
	Name        string  `json:"name"`
	Title       string  `json:"title"`
	Requests    int     `json:"requests"`
	Failed      int     `json:"failed"`
	Connections int     `json:"connections"`
	Handshakes  int     `json:"tls_handshakes"`
	PerBurst    []int   `json:"new_connections_per_burst"`
	PerRequest  float64 `json:"handshakes_per_request"`
	TotalMS     float64 `json:"total_ms"`
}

// poolTransport returns the transport of one side: MaxIdleConns 100 over
// HTTP/1.1 (a custom TLS config and no ForceAttemptHTTP2, so that each
// request in flight needs its own connection), with perHost as
// MaxIdleConnsPerHost (0: the default of 2).
func poolTransport(pool *x509.CertPool, perHost int) *http.Transport {
	tr := h2Transport(pool, false)
	tr.MaxIdleConns = 100
	tr.MaxIdleConnsPerHost = perHost
	return tr
}

// runPoolsize runs the scenario: rounds bursts of n concurrent requests
// per side.
func runPoolsize(ctx context.Context, n, rounds int, timeout time.Duration) ([]poolSide, error) {
	s, err := newH2Server()
	if err != nil {
		return nil, err
	}
	defer s.srv.Close()
	pool := x509.NewCertPool()
	pool.AddCert(s.srv.Certificate())
	sides := []struct {
		name, title string
		perHost     int
	}{
		{"default", "MaxIdleConns 100, MaxIdleConnsPerHost unset (2 idle per host)", 0},
		{"sized", fmt.Sprintf("the same with MaxIdleConnsPerHost %d", n), n},
	}
	var out []poolSide
	for _, sd := range sides {
		side, err := s.bursts(ctx, poolTransport(pool, sd.perHost), n, rounds, timeout)
		if err != nil {
			return nil, err
		}
		side.Name, side.Title = sd.name, sd.title
		out = append(out, side)
	}
	return out, nil
}

// bursts sends rounds bursts of n requests at once through tr.
func (s *h2Server) bursts(ctx context.Context, tr *http.Transport, n, rounds int, timeout time.Duration) (poolSide, error) {
	defer tr.CloseIdleConnections()
	var side poolSide
	var handshakes atomic.Int64
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{TLSHandshakeStart: func() { handshakes.Add(1) }})
	c := &http.Client{Transport: tr, CheckRedirect: noRedirect}
	before := s.conns.Load()
	start := time.Now()
	for range rounds {
		if err := ctx.Err(); err != nil {
			return side, err
		}
		burstStart := s.conns.Load()
		side.Failed += s.burst(ctx, c, n, timeout)
		side.PerBurst = append(side.PerBurst, int(s.conns.Load()-burstStart))
	}
	side.Requests = n * rounds
	side.Connections = int(s.conns.Load() - before)
	side.Handshakes = int(handshakes.Load())
	side.PerRequest = float64(side.Handshakes) / float64(side.Requests)
	side.TotalMS = float64(time.Since(start).Microseconds()) / 1000
	return side, nil
}

// mainPoolsize runs the scenario and writes its report.
func mainPoolsize(ctx context.Context, cfg *config, stdout, stderr io.Writer) int {
	sides, err := runPoolsize(ctx, cfg.n, cfg.rounds, cfg.timeout)
	failed := 0
	for _, s := range sides {
		failed += s.Failed
	}
	out := struct {
		Scenario   string     `json:"scenario"`
		Concurrent int        `json:"concurrent"`
		Rounds     int        `json:"rounds"`
		Sides      []poolSide `json:"sides"`
		Failed     int        `json:"failed"`
	}{"poolsize", cfg.n, cfg.rounds, sides, failed}
	return finishScenario(cfg, stdout, stderr, "poolsize", err, out, func(w io.Writer) { writePoolsize(w, cfg.n, cfg.rounds, sides) }, failed, 2*cfg.n*cfg.rounds)
}

func writePoolsize(w io.Writer, n, rounds int, sides []poolSide) {
	fmt.Fprintf(w, "reuselint probe -poolsize: local HTTPS server on loopback, HTTP/1.1\n")
	fmt.Fprintf(w, "per transport: %d bursts of %d requests at once, each burst held by the server until all %d have arrived\n\n", rounds, n, n)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "transport\tok\tconnections\tnew per burst\ttls handshakes\thandshakes/request\ttotal ms")
	for _, s := range sides {
		fmt.Fprintf(tw, "%s\t%d/%d\t%d\t%s\t%d\t%.2f\t%.1f\n", s.Title, s.Requests-s.Failed, s.Requests, s.Connections, burstList(s.PerBurst), s.Handshakes, s.PerRequest, s.TotalMS)
	}
	tw.Flush()
	fmt.Fprintln(w, "(poolsize reports the first transport; its fix is the second)")
}

// burstList formats the new connections of each burst: "10 8 8 8 8".
func burstList(counts []int) string {
	s := ""
	for i, c := range counts {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprint(c)
	}
	return s
}
