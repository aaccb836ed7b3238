package probe

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/reuselint/reuselint/reusetrace"
)

// summary is one mode's totals and medians. Medians are over the
// successful requests, reused ones included (they paid no connect or
// handshake).
type summary struct {
	ok, failed int
	reused     int // requests on a pooled connection
	handshakes int // requests that made a TLS handshake
	resumed    int // handshakes that resumed a session
	dns        time.Duration
	connect    time.Duration
	tls        time.Duration
	ttfb       time.Duration
	total      time.Duration
	speedup    float64 // mode 1's median total over this one's; 0 without mode 1
}

type report struct {
	cfg     *config
	tg      *target
	results []result
	sums    []summary
	failed  int
	total   int

	interrupted bool // the run was stopped early
}

func newReport(cfg *config, tg *target, results []result) *report {
	rep := &report{cfg: cfg, tg: tg, results: results}
	for _, res := range results {
		rep.sums = append(rep.sums, summarize(res.records))
	}
	for i := range rep.sums {
		s := &rep.sums[i]
		rep.failed += s.failed
		rep.total += s.ok + s.failed
		if results[0].mode.num == 1 && rep.sums[0].total > 0 && s.total > 0 {
			s.speedup = float64(rep.sums[0].total) / float64(s.total)
		}
	}
	return rep
}

func summarize(recs []reusetrace.Record) summary {
	var s summary
	var dns, connect, tls, ttfb, total []time.Duration
	for _, r := range recs {
		if r.Err != nil {
			s.failed++
			continue
		}
		s.ok++
		if r.Reused {
			s.reused++
		}
		if r.NewConn() && r.TLS {
			s.handshakes++
			if r.Resumed {
				s.resumed++
			}
		}
		dns = append(dns, r.DNS)
		connect = append(connect, r.Connect)
		tls = append(tls, r.TLSHandshake)
		ttfb = append(ttfb, r.TTFB)
		total = append(total, r.Total)
	}
	s.dns, s.connect, s.tls, s.ttfb, s.total = median(dns), median(connect), median(tls), median(ttfb), median(total)
	return s
}

// median returns the median of ds (the mean of the middle two for an
// even count), 0 for none.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	ds = slices.Clone(ds)
	slices.Sort(ds)
	m := len(ds) / 2
	if len(ds)%2 == 1 {
		return ds[m]
	}
	return (ds[m-1] + ds[m]) / 2
}

// ms formats d in milliseconds, "-" for zero (the step did not happen).
func ms(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(d)/float64(time.Millisecond))
}

func (rep *report) target() string {
	s := "GET " + rep.tg.url
	if rep.tg.local {
		s += " (local HTTPS test server on loopback, certificate trusted through its own pool)"
	}
	if p := rep.tg.proxy(); p != "" {
		s += " through proxy " + p + " (connect times are to the proxy)"
	}
	return s
}

func (rep *report) writeText(w io.Writer) {
	cfg := rep.cfg
	fmt.Fprintf(w, "reuselint probe: %s\n", rep.target())
	fmt.Fprintf(w, "%d requests per mode, concurrency %d, timeout %v; times in ms\n", cfg.n, cfg.concurrency, cfg.timeout)
	if cfg.insecure {
		fmt.Fprintln(w, "WARNING: -insecure: the server's certificate is NOT verified")
	}
	if rep.interrupted {
		fmt.Fprintf(w, "interrupted after %d requests: partial results\n", rep.total)
	}
	for _, res := range rep.results {
		fmt.Fprintf(w, "\nmode %d: %s\n", res.mode.num, res.mode.title)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  #\tstatus\tproto\tdns\tconnect\ttls\tttfb\ttotal\tconnection\ttls session")
		for _, r := range res.records {
			status, proto := fmt.Sprint(r.StatusCode), r.Proto
			if r.StatusCode == 0 {
				status, proto = "-", "-"
			}
			cells := []string{fmt.Sprint("  ", r.Seq), status, proto,
				ms(r.DNS), ms(r.Connect), ms(r.TLSHandshake), ms(r.TTFB), ms(r.Total), connection(r), session(r)}
			if r.Err != nil {
				cells = append(cells, "error: "+describe(r.Err, cfg.timeout))
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		tw.Flush()
	}

	fmt.Fprintf(w, "\nsummary: medians of the successful requests, in ms; speedup is mode 1's median total over the mode's\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "mode\tok\treused\tresumed\tdns\tconnect\ttls\tttfb\ttotal\tspeedup")
	for i, res := range rep.results {
		s := rep.sums[i]
		speedup := "-"
		if s.speedup > 0 {
			speedup = fmt.Sprintf("%.2fx", s.speedup)
		}
		fmt.Fprintf(tw, "%d %s\t%d/%d\t%d/%d\t%d/%d\t%s\t%s\t%s\t%s\t%s\t%s\n", res.mode.num, res.mode.name,
			s.ok, s.ok+s.failed, s.reused, s.ok, s.resumed, s.handshakes,
			ms(s.dns), ms(s.connect), ms(s.tls), ms(s.ttfb), ms(s.total), speedup)
	}
	tw.Flush()
	fmt.Fprintln(w, "(reused: requests on a pooled connection; resumed: TLS handshakes that resumed a session)")
	if strings.HasPrefix(rep.tg.url, "http:") {
		fmt.Fprintln(w, "(an http:// URL has no TLS: no handshakes, nothing to resume; mode 3 shows what reconnecting costs)")
	}
	if rep.tg.local {
		fmt.Fprintln(w, "(loopback has no network latency: against a real server each connect and handshake costs round trips, and the speedups grow)")
	}
	if code := rep.redirect(); code != 0 {
		fmt.Fprintf(w, "note: the URL answers %d, a redirect, which the probe does not follow: probe the URL it redirects to\n", code)
	}
}

func connection(r reusetrace.Record) string {
	switch {
	case r.Reused:
		return "reused"
	case r.GotConn:
		return "new"
	}
	return "-"
}

func session(r reusetrace.Record) string {
	switch {
	case !r.NewConn() || !r.TLS:
		return "-"
	case r.Resumed:
		return "resumed"
	}
	return "full handshake"
}

// redirect returns the status of a redirect answer, or 0.
func (rep *report) redirect() int {
	for _, res := range rep.results {
		for _, r := range res.records {
			if r.StatusCode >= 300 && r.StatusCode < 400 && r.StatusCode != 304 {
				return r.StatusCode
			}
		}
	}
	return 0
}

// The JSON output. Times are in milliseconds.
type (
	jsonReport struct {
		URL         string     `json:"url"`
		Proxy       string     `json:"proxy,omitempty"`
		LocalServer bool       `json:"local_server"`
		Insecure    bool       `json:"insecure"`
		N           int        `json:"requests_per_mode"`
		Concurrency int        `json:"concurrency"`
		TimeoutMS   float64    `json:"timeout_ms"`
		Modes       []jsonMode `json:"modes"`
		Failed      int        `json:"failed"`
		Interrupted bool       `json:"interrupted,omitempty"`
	}
	jsonMode struct {
		Mode     int           `json:"mode"`
		Name     string        `json:"name"`
		Title    string        `json:"title"`
		Requests []jsonRequest `json:"requests"`
		Summary  jsonSummary   `json:"summary"`
	}
	jsonRequest struct {
		Seq       int     `json:"seq"`
		Status    int     `json:"status,omitempty"`
		Proto     string  `json:"proto,omitempty"`
		DNSMS     float64 `json:"dns_ms"`
		ConnectMS float64 `json:"connect_ms"`
		TLSMS     float64 `json:"tls_handshake_ms"`
		TTFBMS    float64 `json:"ttfb_ms"`
		TotalMS   float64 `json:"total_ms"`
		NewConn   bool    `json:"new_connection"`
		Reused    bool    `json:"reused"`
		TLS       bool    `json:"tls"`
		Resumed   bool    `json:"tls_resumed"`
		Error     string  `json:"error,omitempty"`
	}
	jsonSummary struct {
		OK         int     `json:"ok"`
		Failed     int     `json:"failed"`
		Reused     int     `json:"reused"`
		Handshakes int     `json:"tls_handshakes"`
		Resumed    int     `json:"tls_resumed"`
		DNSMS      float64 `json:"median_dns_ms"`
		ConnectMS  float64 `json:"median_connect_ms"`
		TLSMS      float64 `json:"median_tls_handshake_ms"`
		TTFBMS     float64 `json:"median_ttfb_ms"`
		TotalMS    float64 `json:"median_total_ms"`
		Speedup    float64 `json:"speedup,omitempty"`
	}
)

func msf(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (rep *report) writeJSON(w io.Writer) error {
	cfg := rep.cfg
	out := jsonReport{URL: rep.tg.url, Proxy: rep.tg.proxy(), LocalServer: rep.tg.local, Insecure: cfg.insecure, N: cfg.n,
		Concurrency: cfg.concurrency, TimeoutMS: msf(cfg.timeout), Failed: rep.failed, Interrupted: rep.interrupted}
	for i, res := range rep.results {
		s := rep.sums[i]
		jm := jsonMode{Mode: res.mode.num, Name: res.mode.name, Title: res.mode.title,
			Requests: []jsonRequest{},
			Summary: jsonSummary{OK: s.ok, Failed: s.failed, Reused: s.reused, Handshakes: s.handshakes, Resumed: s.resumed,
				DNSMS: msf(s.dns), ConnectMS: msf(s.connect), TLSMS: msf(s.tls), TTFBMS: msf(s.ttfb), TotalMS: msf(s.total),
				Speedup: float64(int(s.speedup*100+0.5)) / 100}}
		for _, r := range res.records {
			jr := jsonRequest{Seq: r.Seq, Status: r.StatusCode, Proto: r.Proto,
				DNSMS: msf(r.DNS), ConnectMS: msf(r.Connect), TLSMS: msf(r.TLSHandshake), TTFBMS: msf(r.TTFB), TotalMS: msf(r.Total),
				NewConn: r.NewConn(), Reused: r.Reused, TLS: r.TLS, Resumed: r.Resumed}
			if r.Err != nil {
				jr.Error = describe(r.Err, cfg.timeout)
			}
			jm.Requests = append(jm.Requests, jr)
		}
		out.Modes = append(out.Modes, jm)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
