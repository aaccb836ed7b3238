// Package probe implements "reuselint probe": it sends a series of
// requests to a URL in three ways (a new transport per request, one
// pooled client, keep-alive off with a TLS session cache) and reports what
// each request paid in DNS, connect, TLS handshake, first byte and total
// time, whether it reused a connection and whether it resumed its TLS
// session. Without a URL it probes an HTTPS server it starts on loopback.
package probe

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/reuselint/reuselint/reusetrace"
)

// Exit statuses of Main.
const (
	exitOK     = 0 // every request succeeded
	exitFailed = 1 // the target could not be probed, or some requests failed
	exitUsage  = 2 // bad flags or arguments

	exitInterrupted = 130 // stopped by an interrupt, as shells report SIGINT
)

// A mode is one way of sending the requests.
type mode struct {
	num   int
	name  string // -mode value
	title string
}

var modes = []mode{
	{1, "new", "new transport per request (the anti-pattern)"},
	{2, "pooled", "one pooled client, keep-alive on (the fix)"},
	{3, "resume", "keep-alive off, TLS session cache (resumption)"},
}

// config is the parsed command line.
type config struct {
	n           int
	concurrency int
	timeout     time.Duration
	json        bool
	insecure    bool
	modes       []mode
	url         string // "" for the local server
	http2       bool   // run the -http2 scenario instead of the modes
	poolsize    bool   // run the -poolsize scenario instead of the modes
	rounds      int    // bursts per transport in the -poolsize scenario
}

const usage = `usage: reuselint probe [flags] [URL]

Sends -n GET requests to URL (an http or https URL) in each of three modes
and reports, per request, DNS, connect, TLS handshake, time to first byte
and total time, whether the connection was reused and whether the TLS
session was resumed, then medians per mode and each mode's speedup over
mode 1:
  1 new    a new http.Transport per request (the anti-pattern)
  2 pooled one pooled client, keep-alive on (the fix)
  3 resume keep-alive off, TLS session cache: every request reconnects,
           resumption shows how much of the handshake it saves
Without URL, it probes an HTTPS server it starts on loopback (offline).
With -http2, it sends instead 1 request, then -n at once, through a
transport that lost HTTP/2 (a custom TLSClientConfig, no ForceAttemptHTTP2:
what transportdefaults reports) and through the same with
ForceAttemptHTTP2, to a local server speaking h2 that holds the requests
until all have arrived, and reports connections and TLS handshakes per
request for both.
With -poolsize, it sends instead -rounds bursts of -n requests at once
through a transport with MaxIdleConns 100 and the default per-host idle
limit of 2 (what poolsize reports) and through the same with
MaxIdleConnsPerHost -n, to a local server that holds each burst until all
of it has arrived, and reports connections accepted (new ones per burst)
and TLS handshakes per request for both.
The modes take turns, so that changes in load weigh on all of them alike.
Every response body is read to EOF and closed; redirects are not followed.
Exit status: 0 when every request succeeded, 1 when the target could not
be probed or some requests failed, 2 on bad flags or arguments, 130 when
interrupted (Ctrl-C stops the run and prints what it measured).

flags:
`

// Main runs "reuselint probe" with args, the arguments after "probe", and
// returns the exit status. Errors are one line on stderr.
func Main(args []string, stdout, stderr io.Writer) int {
	cfg, err := parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		fs, _ := flags(&config{})
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "reuselint probe: %v (see reuselint probe -h)\n", err)
		return exitUsage
	}
	if cfg.http2 || cfg.poolsize {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		if cfg.http2 {
			return mainHTTP2(ctx, cfg, stdout, stderr)
		}
		return mainPoolsize(ctx, cfg, stdout, stderr)
	}
	if cfg.insecure {
		fmt.Fprintln(stderr, "reuselint probe: WARNING: -insecure: server certificates are NOT verified")
	}
	tg, err := newTarget(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "reuselint probe: %v\n", err)
		return exitFailed
	}
	defer tg.close()
	// The first interrupt stops the run and prints what it measured; a
	// second one kills the process as usual.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	context.AfterFunc(ctx, stop)
	return run(ctx, cfg, tg, stdout, stderr)
}

// flags returns the flag set filling cfg, and a function that validates
// and finishes cfg after parsing.
func flags(cfg *config) (*flag.FlagSet, func() error) {
	fs := flag.NewFlagSet("probe", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.IntVar(&cfg.n, "n", 10, "requests per mode")
	modeFlag := fs.String("mode", "all", "modes to run: all, or a comma-separated list of 1, 2, 3 or new, pooled, resume")
	fs.IntVar(&cfg.concurrency, "concurrency", 1, "requests in flight at once in each mode")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "time limit for each request, body included")
	fs.BoolVar(&cfg.json, "json", false, "print the results as JSON")
	fs.BoolVar(&cfg.http2, "http2", false, "instead of the modes: 1 request, then -n at once, through a transport that lost HTTP/2 (custom TLSClientConfig, no ForceAttemptHTTP2) and through the same with ForceAttemptHTTP2, to a local server speaking h2; reports connections and TLS handshakes per request")
	fs.BoolVar(&cfg.poolsize, "poolsize", false, "instead of the modes: -rounds bursts of -n requests at once through a transport with MaxIdleConns 100 and the default MaxIdleConnsPerHost (2), and through the same with MaxIdleConnsPerHost -n, to a local server; reports connections and TLS handshakes per request")
	fs.IntVar(&cfg.rounds, "rounds", 5, "bursts per transport with -poolsize")
	fs.BoolVar(&cfg.insecure, "insecure", false, "do not verify the server's certificate (self-signed test servers only; stated in the output)")
	return fs, func() error {
		switch {
		case cfg.n < 1:
			return fmt.Errorf("-n must be at least 1, not %d", cfg.n)
		case cfg.concurrency < 1:
			return fmt.Errorf("-concurrency must be at least 1, not %d", cfg.concurrency)
		case cfg.timeout <= 0:
			return fmt.Errorf("-timeout must be positive, not %v", cfg.timeout)
		case cfg.rounds < 1:
			return fmt.Errorf("-rounds must be at least 1, not %d", cfg.rounds)
		case cfg.http2 && cfg.poolsize:
			return fmt.Errorf("-http2 and -poolsize are two scenarios: run one at a time")
		}
		var err error
		cfg.modes, err = parseModes(*modeFlag)
		return err
	}
}

func parse(args []string) (*config, error) {
	cfg := &config{}
	fs, finish := flags(cfg)
	// Flags may come before and after the URL.
	var urls []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		urls = append(urls, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if cfg.http2 && len(urls) > 0 {
		return nil, fmt.Errorf("-http2 probes a local server of its own (it holds the requests until all have arrived), not %s", urls[0])
	}
	if cfg.poolsize && len(urls) > 0 {
		return nil, fmt.Errorf("-poolsize probes a local server of its own (it holds each burst until all of it has arrived), not %s", urls[0])
	}
	switch len(urls) {
	case 0:
	case 1:
		u, err := checkURL(urls[0])
		if err != nil {
			return nil, err
		}
		cfg.url = u
	default:
		return nil, fmt.Errorf("want at most one URL, got %d: %s", len(urls), strings.Join(urls, " "))
	}
	return cfg, nil
}

func parseModes(s string) ([]mode, error) {
	if s == "all" {
		return modes, nil
	}
	var ms []mode
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(f)
		i := slices.IndexFunc(modes, func(m mode) bool { return f == m.name || f == strconv.Itoa(m.num) })
		if i < 0 {
			return nil, fmt.Errorf("-mode: unknown mode %q: want all, or a list of 1, 2, 3 or new, pooled, resume", f)
		}
		if !slices.Contains(ms, modes[i]) {
			ms = append(ms, modes[i])
		}
	}
	slices.SortFunc(ms, func(a, b mode) int { return a.num - b.num })
	return ms, nil
}

// checkURL accepts absolute http and https URLs with a host.
func checkURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("bad URL %q: %v", raw, errors.Unwrap(err))
	}
	switch {
	case u.Scheme == "" && u.Host == "":
		return "", fmt.Errorf("bad URL %q: want an http:// or https:// URL (did you mean https://%s?)", raw, raw)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("bad URL %q: scheme %q is not http or https", raw, u.Scheme)
	case u.Host == "" || u.Hostname() == "":
		return "", fmt.Errorf("bad URL %q: no host", raw)
	}
	return u.String(), nil
}

// target is what the probe sends requests to.
type target struct {
	url   string
	local bool
	base  *http.Transport // settings every mode starts from
	close func()
}

// newTarget starts the local server when cfg.url is empty and returns the
// base transport: http.DefaultTransport's settings, trusting the local
// server's certificate or skipping verification with -insecure.
func newTarget(cfg *config) (*target, error) {
	tg := &target{url: cfg.url, close: func() {}}
	tlsConf := &tls.Config{InsecureSkipVerify: cfg.insecure}
	if tg.url == "" {
		srv, err := localServer()
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		pool.AddCert(srv.Certificate())
		tlsConf.RootCAs = pool
		tg.url, tg.local, tg.close = srv.URL+"/", true, srv.Close
	}
	tg.base = http.DefaultTransport.(*http.Transport).Clone()
	tg.base.TLSClientConfig = tlsConf // ForceAttemptHTTP2 stays on, as in DefaultTransport
	return tg, nil
}

// localBody is what the local server answers: a small page.
var localBody = strings.Repeat("reuselint probe: local HTTPS test server\n", 50)

// localServer starts an HTTPS server on loopback. Its TLS config is the
// default one, which issues TLS 1.3 session tickets, so mode 3 can resume.
// It listens itself (httptest.NewUnstartedServer panics when it cannot).
func localServer() (*httptest.Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		if ln, err = net.Listen("tcp6", "[::1]:0"); err != nil {
			return nil, fmt.Errorf("cannot start the local server on loopback: %v", err)
		}
	}
	srv := &httptest.Server{
		Listener: ln,
		Config: &http.Server{
			Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				io.WriteString(w, localBody)
			}),
			ErrorLog: log.New(io.Discard, "", 0),
		},
	}
	srv.StartTLS()
	return srv, nil
}

// proxy returns the proxy the requests go through (HTTPS_PROXY and
// friends, as for http.DefaultTransport), without its password, or "".
func (tg *target) proxy() string {
	req, err := http.NewRequest(http.MethodGet, tg.url, nil)
	if err != nil || tg.base.Proxy == nil {
		return ""
	}
	u, err := tg.base.Proxy(req)
	if err != nil || u == nil {
		return ""
	}
	return u.Redacted()
}

// noRedirect makes the client return redirects as they are: following
// them would mix two hosts' connections in one series.
func noRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// client returns, for mode m, a function giving the client of each
// request, and a function to call when the mode is over.
func (tg *target) client(m mode, cfg *config, rec *reusetrace.Recorder) (get func() (*http.Client, func()), done func()) {
	switch m.num {
	case 1:
		return func() (*http.Client, func()) {
			tr := tg.base.Clone() // a new, empty pool, and no session cache
			return rec.Wrap(&http.Client{Transport: tr, CheckRedirect: noRedirect}), tr.CloseIdleConnections
		}, func() {}
	case 2:
		tr := tg.base.Clone()
		tr.MaxIdleConnsPerHost = max(cfg.concurrency, http.DefaultMaxIdleConnsPerHost)
		c := rec.Wrap(&http.Client{Transport: tr, CheckRedirect: noRedirect})
		return func() (*http.Client, func()) { return c, func() {} }, tr.CloseIdleConnections
	default:
		tr := tg.base.Clone()
		tr.DisableKeepAlives = true
		tr.TLSClientConfig.ClientSessionCache = tls.NewLRUClientSessionCache(0)
		c := rec.Wrap(&http.Client{Transport: tr, CheckRedirect: noRedirect})
		return func() (*http.Client, func()) { return c, func() {} }, tr.CloseIdleConnections
	}
}

// result is one mode's run.
type result struct {
	mode    mode
	records []reusetrace.Record
}

// errFirst is the error of the run's first request: the target cannot be
// probed.
type errFirst struct{ err error }

func (e errFirst) Error() string { return e.err.Error() }
func (e errFirst) Unwrap() error { return e.err }

// modeRun is one mode's clients and records.
type modeRun struct {
	mode mode
	rec  *reusetrace.Recorder
	get  func() (*http.Client, func())
}

// one sends one request of the mode.
func (r *modeRun) one(ctx context.Context, tg *target, cfg *config, prog *progress) error {
	c, closeIdle := r.get()
	defer closeIdle()
	err := tg.send(ctx, c, cfg.timeout)
	prog.step()
	return err
}

// runAll sends cfg.n requests in each mode of cfg. The modes take turns,
// so that a change in the load of the machine or the network weighs on
// all of them alike: first the first request of each mode, alone, then
// batches of cfg.concurrency requests at once. When the run's very first
// request fails, the target cannot be probed: runAll returns that error
// as errFirst and sends nothing else. Later failures stay in the records.
// Once ctx is done (an interrupt), runAll sends nothing more and leaves out
// the requests it cut short.
func (tg *target) runAll(ctx context.Context, cfg *config, prog *progress) ([]result, error) {
	runs := make([]*modeRun, len(cfg.modes))
	for i, m := range cfg.modes {
		rec := reusetrace.New()
		get, done := tg.client(m, cfg, rec)
		defer done()
		runs[i] = &modeRun{mode: m, rec: rec, get: get}
	}
	for i, r := range runs {
		if err := r.one(ctx, tg, cfg, prog); err != nil && i == 0 {
			return nil, errFirst{err}
		}
	}
	for sent := 1; sent < cfg.n && ctx.Err() == nil; {
		batch := min(cfg.concurrency, cfg.n-sent)
		for _, r := range runs {
			if ctx.Err() != nil {
				break
			}
			var wg sync.WaitGroup
			for range batch {
				wg.Go(func() { r.one(ctx, tg, cfg, prog) })
			}
			wg.Wait()
		}
		sent += batch
	}
	results := make([]result, len(runs))
	for i, r := range runs {
		recs := r.rec.Records()
		if ctx.Err() != nil {
			recs = slices.DeleteFunc(recs, func(rec reusetrace.Record) bool { return errors.Is(rec.Err, context.Canceled) })
		}
		results[i] = result{mode: r.mode, records: recs}
	}
	return results, nil
}

// send makes one request, reading the body to EOF and closing it, as a
// client must for its connection to go back to the pool.
func (tg *target) send(ctx context.Context, c *http.Client, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, tg.url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", "reuselint-probe")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	if cerr := resp.Body.Close(); err == nil {
		err = cerr
	}
	return err
}

// run probes tg and writes the report. Once ctx is done (an interrupt),
// it reports what it measured so far.
func run(ctx context.Context, cfg *config, tg *target, stdout, stderr io.Writer) int {
	prog := newProgress(stderr, cfg.n*len(cfg.modes))
	results, err := tg.runAll(ctx, cfg, prog)
	prog.clear()
	interrupted := ctx.Err() != nil
	if err != nil && interrupted {
		fmt.Fprintln(stderr, "reuselint probe: interrupted")
		return exitInterrupted
	}
	if err != nil {
		fmt.Fprintf(stderr, "reuselint probe: %s: %s\n", tg.url, describe(err, cfg.timeout))
		return exitFailed
	}

	rep := newReport(cfg, tg, results)
	rep.interrupted = interrupted
	if cfg.json {
		if err := rep.writeJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "reuselint probe: writing JSON: %v\n", err)
			return exitFailed
		}
	} else {
		rep.writeText(stdout)
	}
	switch {
	case interrupted:
		fmt.Fprintf(stderr, "reuselint probe: interrupted after %d requests\n", rep.total)
		return exitInterrupted
	case rep.failed > 0:
		fmt.Fprintf(stderr, "reuselint probe: %d of %d requests failed\n", rep.failed, rep.total)
		return exitFailed
	}
	return exitOK
}

// describe turns a request error into one line for a person.
func describe(err error, timeout time.Duration) string {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		err = ue.Err
	}
	ne, isNet := errors.AsType[net.Error](err)
	_, isCert := errors.AsType[*tls.CertificateVerificationError](err)
	_, isDNS := errors.AsType[*net.DNSError](err)
	_, isRecord := errors.AsType[tls.RecordHeaderError](err)
	var msg string
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isNet && ne.Timeout():
		msg = fmt.Sprintf("no complete answer within %v (-timeout)", timeout)
	case isCert:
		msg = err.Error() + " (-insecure skips verification, for test servers only)"
	case isDNS:
		msg = "cannot resolve host: " + err.Error()
	case isRecord:
		msg = err.Error() + " (not a TLS server?)"
	default:
		msg = err.Error()
	}
	return strings.Join(strings.Fields(msg), " ")
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
