package probe

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/reuselint/reuselint/reusetrace"
)

// mainArgs runs Main with args and returns its output and exit status.
func mainArgs(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = Main(args, &o, &e)
	return o.String(), e.String(), code
}

func testConfig(t *testing.T, args ...string) *config {
	t.Helper()
	cfg, err := parse(args)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// checkTimings asserts that the timings of recs are measured: the steps
// add up to no more than the first byte, the first byte comes before the
// end, and a new TLS connection took a handshake. With concurrent
// requests (not strict), a new connection may have been dialed for
// another request and come without steps.
func checkTimings(t *testing.T, m mode, recs []reusetrace.Record, strict bool) {
	t.Helper()
	for _, r := range recs {
		if r.Err != nil {
			t.Errorf("mode %d request %d: %v", m.num, r.Seq, r.Err)
			continue
		}
		if steps := r.DNS + r.Connect + r.TLSHandshake; steps > r.TTFB || r.TTFB <= 0 || r.TTFB > r.Total {
			t.Errorf("mode %d request %d: dns %v + connect %v + tls %v, ttfb %v, total %v: not ordered",
				m.num, r.Seq, r.DNS, r.Connect, r.TLSHandshake, r.TTFB, r.Total)
		}
		if dialed := r.Connect > 0; dialed != (r.TLSHandshake > 0) || dialed && !r.NewConn() || strict && dialed != r.NewConn() {
			t.Errorf("mode %d request %d: new connection %v, connect %v, handshake %v",
				m.num, r.Seq, r.NewConn(), r.Connect, r.TLSHandshake)
		}
		if !r.BodyEOF || !r.BodyClosed || r.BodyBytes != int64(len(localBody)) {
			t.Errorf("mode %d request %d: body read %d bytes, EOF %v, closed %v", m.num, r.Seq, r.BodyBytes, r.BodyEOF, r.BodyClosed)
		}
	}
}

// TestModes probes the local server in each mode, one request at a time,
// and checks what each mode must show.
func TestModes(t *testing.T) {
	cfg := testConfig(t, "-n", "6")
	tg := localTarget(t, cfg)
	if !tg.local || tg.base.TLSClientConfig.InsecureSkipVerify {
		t.Fatalf("local target: local %v, insecure %v", tg.local, tg.base.TLSClientConfig.InsecureSkipVerify)
	}
	prog := newProgress(io.Discard, 3*cfg.n)
	start := time.Now()
	results, err := tg.runAll(context.Background(), cfg, prog)
	wall := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 {
		t.Fatalf("%d results, want 3", len(results))
	}
	// One request at a time: the totals of all requests fit in the wall time.
	var sum time.Duration
	for _, res := range results {
		m := res.mode
		if len(res.records) != cfg.n {
			t.Fatalf("mode %d: %d records, want %d", m.num, len(res.records), cfg.n)
		}
		checkTimings(t, m, res.records, true)
		for i, r := range res.records {
			sum += r.Total
			first := i == 0
			var wantReused, wantResumed bool
			switch m.num {
			case 2:
				wantReused = !first
			case 3:
				wantResumed = !first
			}
			if r.Reused != wantReused || r.Resumed != wantResumed || !r.TLS || r.StatusCode != 200 {
				t.Errorf("mode %d request %d: reused %v (want %v), resumed %v (want %v), tls %v, status %d",
					m.num, r.Seq, r.Reused, wantReused, r.Resumed, wantResumed, r.TLS, r.StatusCode)
			}
		}
		switch m.num {
		case 1:
			err = reusetrace.CheckReuse(res.records)
			if err == nil {
				t.Error("mode 1: CheckReuse passed, want every request on a new connection")
			}
		case 2:
			err = reusetrace.CheckReuse(res.records)
		case 3:
			err = reusetrace.CheckResumption(res.records)
		}
		if m.num != 1 && err != nil {
			t.Errorf("mode %d: %v", m.num, err)
		}
	}
	if sum > wall {
		t.Errorf("requests took %v in total, more than the %v the run lasted", sum, wall)
	}
	if n := prog.done; n != 3*cfg.n {
		t.Errorf("progress counted %d requests, want %d", n, 3*cfg.n)
	}
}

// TestMode1ClosesTransports checks that mode 1 leaves no connection open
// on the server once it is over.
func TestMode1ClosesTransports(t *testing.T) {
	var open atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, localBody)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			open.Add(1)
		case http.StateClosed, http.StateHijacked:
			open.Add(-1)
		}
	}
	srv.StartTLS()
	defer srv.Close()
	cfg := testConfig(t, "-n", "5", "-mode", "new")
	tg := testTarget(t, srv)
	if _, err := tg.runAll(context.Background(), cfg, newProgress(io.Discard, 5)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for open.Load() != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := open.Load(); n != 0 {
		t.Errorf("%d connections still open after mode 1: its transports were not closed", n)
	}
}

// localTarget is the local server's target, closed at the end of the test.
func localTarget(t *testing.T, cfg *config) *target {
	t.Helper()
	tg, err := newTarget(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tg.close)
	return tg
}

// testTarget is a target for srv, trusting its certificate.
func testTarget(t *testing.T, srv *httptest.Server) *target {
	t.Helper()
	tg := localTarget(t, &config{url: srv.URL})
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	tg.base.TLSClientConfig.RootCAs = pool
	return tg
}

func TestJSON(t *testing.T) {
	start := time.Now()
	stdout, stderr, code := mainArgs(t, "-n", "4", "-json")
	wall := time.Since(start)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, stdout)
	}
	if !rep.LocalServer || rep.Insecure || rep.N != 4 || len(rep.Modes) != 3 || rep.Failed != 0 || !strings.HasPrefix(rep.URL, "https://127.0.0.1:") {
		t.Fatalf("report: %+v", rep)
	}
	want := []struct{ reused, handshakes, resumed int }{{0, 4, 0}, {3, 1, 0}, {0, 4, 3}}
	for i, m := range rep.Modes {
		s := m.Summary
		if m.Mode != i+1 || len(m.Requests) != 4 || s.OK != 4 || s.Reused != want[i].reused ||
			s.Handshakes != want[i].handshakes || s.Resumed != want[i].resumed {
			t.Errorf("mode %d: %+v", i+1, m)
		}
		if s.TotalMS <= 0 || s.TotalMS > float64(wall.Milliseconds()+1) {
			t.Errorf("mode %d: median total %vms, wall %v", i+1, s.TotalMS, wall)
		}
		if i == 0 && s.Speedup != 1 || i > 0 && s.Speedup <= 0 {
			t.Errorf("mode %d: speedup %v", i+1, s.Speedup)
		}
	}
}

func TestText(t *testing.T) {
	stdout, stderr, code := mainArgs(t, "-n", "3", "-mode", "pooled,1")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"local HTTPS test server on loopback",
		"mode 1: new transport per request",
		"mode 2: one pooled client",
		"full handshake",
		"reused",
		"summary:",
		"1.00x",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "mode 3") || strings.Contains(stdout, "WARNING") {
		t.Errorf("unexpected mode 3 or warning:\n%s", stdout)
	}
	// 2 modes of 3 rows, each row starting with its number.
	for _, row := range []string{"\n  1  200", "\n  3  200"} {
		if strings.Count(stdout, row) != 2 {
			t.Errorf("want 2 rows starting %q:\n%s", row, stdout)
		}
	}
}

// TestMidRunFailure makes requests 3, 8 and 13 the server sees time out:
// with the modes taking turns, one request of each mode, none of them the
// run's first. Each is reported in its row and in the summary, the others
// still run.
func TestMidRunFailure(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%5 == 3 {
			<-r.Context().Done()        // until the client gives up,
			panic(http.ErrAbortHandler) // and never answer
		}
		io.WriteString(w, localBody)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	defer srv.Close()
	cfg := testConfig(t, "-n", "5", "-timeout", "300ms")
	var o, e bytes.Buffer
	code := run(context.Background(), cfg, testTarget(t, srv), &o, &e)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	if got, want := e.String(), "reuselint probe: 3 of 15 requests failed\n"; got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
	out := o.String()
	if c := strings.Count(out, "error: no complete answer within 300ms (-timeout)"); c != 3 {
		t.Errorf("%d error rows, want 3:\n%s", c, out)
	}
	if c := strings.Count(out, "4/5"); c < 3 {
		t.Errorf("summary does not show 4/5 ok for each mode:\n%s", out)
	}
}

func TestInsecure(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	stdout, stderr, code := mainArgs(t, "-n", "2", "-mode", "2", srv.URL, "-insecure")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "WARNING: -insecure") || !strings.Contains(stdout, "WARNING: -insecure") {
		t.Errorf("-insecure not stated:\nstdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
}

// TestBadInput checks that each bad input gives one line on stderr, no
// output and a non-zero exit status.
func TestBadInput(t *testing.T) {
	refused := func() string { // a port nobody listens on
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		return "http://" + ln.Addr().String() + "/"
	}()
	// A listener that never accepts: the kernel completes the connection,
	// nobody answers.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	selfSigned := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	selfSigned.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake fails, as it should
	selfSigned.StartTLS()
	defer selfSigned.Close()
	plain := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer plain.Close()

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-x"}, exitUsage, "flag provided but not defined: -x"},
		{[]string{"-n", "zero"}, exitUsage, `invalid value "zero" for flag -n`},
		{[]string{"-n", "0"}, exitUsage, "-n must be at least 1"},
		{[]string{"-concurrency", "-1"}, exitUsage, "-concurrency must be at least 1"},
		{[]string{"-timeout", "0s"}, exitUsage, "-timeout must be positive"},
		{[]string{"-mode", "4"}, exitUsage, `unknown mode "4"`},
		{[]string{"ftp://example.com/file"}, exitUsage, `scheme "ftp" is not http or https`},
		{[]string{"garbage"}, exitUsage, "did you mean https://garbage?"},
		{[]string{"http://"}, exitUsage, "no host"},
		{[]string{"https://exa mple.com/"}, exitUsage, "bad URL"},
		{[]string{"https://a.test/", "https://b.test/"}, exitUsage, "at most one URL"},
		{[]string{refused}, exitFailed, "connection refused"},
		{[]string{"-timeout", "200ms", "https://" + silent.Addr().String() + "/"}, exitFailed, "no complete answer within 200ms (-timeout)"},
		{[]string{selfSigned.URL}, exitFailed, "certificate signed by unknown authority (-insecure skips verification"},
		{[]string{strings.Replace(plain.URL, "http:", "https:", 1)}, exitFailed, "server gave HTTP response to HTTPS client"},
	} {
		stdout, stderr, code := mainArgs(t, tc.args...)
		if code != tc.code || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") ||
			!strings.HasPrefix(stderr, "reuselint probe: ") || !strings.Contains(stderr, tc.want) {
			t.Errorf("probe %q: exit %d (want %d), stdout %q, stderr %q (want one line with %q)",
				tc.args, code, tc.code, stdout, stderr, tc.want)
		}
	}
}

func TestHelp(t *testing.T) {
	stdout, stderr, code := mainArgs(t, "-h")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "usage: reuselint probe") || !strings.Contains(stdout, "-concurrency") {
		t.Errorf("-h: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
}

func TestParse(t *testing.T) {
	cfg := testConfig(t, "-n", "3", "https://h.test/x", "-mode", "resume,new,1", "-concurrency", "4")
	if cfg.n != 3 || cfg.url != "https://h.test/x" || cfg.concurrency != 4 || len(cfg.modes) != 2 ||
		cfg.modes[0].num != 1 || cfg.modes[1].num != 3 {
		t.Errorf("config: %+v", cfg)
	}
}

func TestProgressOnTerminal(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, 4)
	p.step() // too early: nothing
	p.tty, p.start, p.last = true, p.start.Add(-time.Second), p.last.Add(-time.Second)
	p.step()
	p.clear()
	if got, want := b.String(), "\rreuselint probe: 2/4 requests\033[K\r\033[K"; got != want {
		t.Errorf("progress wrote %q, want %q", got, want)
	}
	b.Reset()
	p = newProgress(&b, 4)
	p.last = p.last.Add(-lineEvery)
	p.step()
	p.clear()
	if got := b.String(); !strings.HasPrefix(got, "reuselint probe: 1/4 requests, ") || strings.Count(got, "\n") != 1 {
		t.Errorf("progress off a terminal wrote %q", got)
	}
}

// TestConcurrency runs batches of requests at once: all succeed, and the
// pool of mode 2 opens no more connections than requests in flight.
func TestConcurrency(t *testing.T) {
	cfg := testConfig(t, "-n", "7", "-concurrency", "3", "-mode", "pooled,resume")
	tg := localTarget(t, cfg)
	results, err := tg.runAll(context.Background(), cfg, newProgress(io.Discard, 14))
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range results {
		checkTimings(t, res.mode, res.records, false)
		s := summarize(res.records)
		if s.ok != 7 {
			t.Errorf("mode %d: %d of 7 ok", res.mode.num, s.ok)
		}
		switch res.mode.num {
		case 2:
			if news := s.ok - s.reused; news < 1 || news > 3 {
				t.Errorf("mode 2: %d new connections for 3 requests in flight", news)
			}
		case 3:
			if s.handshakes != 7 || s.resumed < 3 {
				t.Errorf("mode 3: %d handshakes, %d resumed; want 7, and at least the last batch resumed", s.handshakes, s.resumed)
			}
		}
	}
}

func TestProxyStated(t *testing.T) {
	tg := localTarget(t, testConfig(t, "https://h.test/"))
	if p := tg.proxy(); p != "" {
		t.Skipf("a proxy is set in the environment: %s", p)
	}
	u, err := url.Parse("http://user:secret@proxy.test:3128")
	if err != nil {
		t.Fatal(err)
	}
	tg.base.Proxy = http.ProxyURL(u)
	rep := newReport(testConfig(t), tg, nil)
	if got, want := rep.target(), "GET https://h.test/ through proxy http://user:xxxxx@proxy.test:3128 (connect times are to the proxy)"; got != want {
		t.Errorf("target() = %q, want %q", got, want)
	}
}

// TestInterrupt stops a run after a few requests, as Ctrl-C does: the
// report shows what was measured, without the requests cut short.
func TestInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n atomic.Int64
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 5 {
			cancel()
			<-r.Context().Done()
			return
		}
		io.WriteString(w, localBody)
	}))
	defer srv.Close()
	var o, e bytes.Buffer
	code := run(ctx, testConfig(t, "-n", "100", "-json"), testTarget(t, srv), &o, &e)
	if code != exitInterrupted || e.String() != "reuselint probe: interrupted after 4 requests\n" {
		t.Errorf("exit %d, stderr %q", code, e.String())
	}
	var rep jsonReport
	if err := json.Unmarshal(o.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	got := 0
	for _, m := range rep.Modes {
		got += len(m.Requests)
		if m.Summary.Failed != 0 {
			t.Errorf("mode %d: %d failed, want the cut request left out", m.Mode, m.Summary.Failed)
		}
	}
	if !rep.Interrupted || got != 4 || rep.Failed != 0 {
		t.Errorf("interrupted %v, %d requests, %d failed; want true, 4, 0", rep.Interrupted, got, rep.Failed)
	}
}
