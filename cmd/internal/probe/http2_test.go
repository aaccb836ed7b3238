package probe

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestHTTP2 runs the -http2 scenario: with 8 requests held open by the
// server until all have arrived, the transport that lost HTTP/2 needs a
// connection and a handshake per request in flight, the one with
// ForceAttemptHTTP2 one of each for all.
func TestHTTP2(t *testing.T) {
	const n = 8
	sides, err := runHTTP2(context.Background(), n, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(sides) != 2 {
		t.Fatalf("%d sides, want 2", len(sides))
	}
	lost, kept := sides[0], sides[1]
	if lost.Name != "lost" || lost.Proto != "HTTP/1.1" || lost.Failed != 0 || lost.Connections != n || lost.Handshakes != n {
		t.Errorf("HTTP/2 lost: %+v; want HTTP/1.1, %d connections and handshakes", lost, n)
	}
	if kept.Name != "kept" || kept.Proto != "HTTP/2.0" || kept.Failed != 0 || kept.Connections != 1 || kept.Handshakes != 1 {
		t.Errorf("HTTP/2 kept: %+v; want HTTP/2.0, 1 connection and handshake", kept)
	}
	if kept.PerRequest >= lost.PerRequest {
		t.Errorf("connections per request: %v with HTTP/2, %v without; want fewer with", kept.PerRequest, lost.PerRequest)
	}
}

func TestHTTP2Output(t *testing.T) {
	stdout, stderr, code := mainArgs(t, "-http2", "-n", "3")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"1 request, then 3 at once", "no ForceAttemptHTTP2", "HTTP/1.1  4/4  3", "HTTP/2.0  4/4  1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	stdout, _, code = mainArgs(t, "-http2", "-n", "2", "-json")
	var out struct {
		Scenario string
		Sides    []h2Side
	}
	if err := json.Unmarshal([]byte(stdout), &out); code != 0 || err != nil || out.Scenario != "http2" || len(out.Sides) != 2 {
		t.Errorf("-json: exit %d, %v: %s", code, err, stdout)
	}
	if _, stderr, code := mainArgs(t, "-http2", "https://h.test/"); code != exitUsage || !strings.Contains(stderr, "-http2 probes a local server") {
		t.Errorf("-http2 with a URL: exit %d, stderr %q", code, stderr)
	}
}
