package probe

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestPoolsize runs the -poolsize scenario with 10 requests per burst and
// 5 bursts, each held by the server until all 10 have arrived: with the
// default per-host idle limit, the first burst opens 10 connections and
// every later one 8 (2 stay idle), one TLS handshake each; with
// MaxIdleConnsPerHost 10, later bursts open none.
func TestPoolsize(t *testing.T) {
	const n, rounds = 10, 5
	sides, err := runPoolsize(context.Background(), n, rounds, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(sides) != 2 {
		t.Fatalf("%d sides, want 2", len(sides))
	}
	def, sized := sides[0], sides[1]
	if want := []int{10, 8, 8, 8, 8}; def.Name != "default" || def.Failed != 0 || def.Requests != n*rounds ||
		!slices.Equal(def.PerBurst, want) || def.Connections != 42 || def.Handshakes != 42 {
		t.Errorf("default per-host limit: %+v; want new connections per burst %v, 42 connections and handshakes", def, want)
	}
	if want := []int{10, 0, 0, 0, 0}; sized.Name != "sized" || sized.Failed != 0 || sized.Requests != n*rounds ||
		!slices.Equal(sized.PerBurst, want) || sized.Connections != n || sized.Handshakes != n {
		t.Errorf("MaxIdleConnsPerHost %d: %+v; want new connections per burst %v, %d connections and handshakes", n, sized, want, n)
	}
}

func TestPoolsizeOutput(t *testing.T) {
	stdout, stderr, code := mainArgs(t, "-poolsize", "-n", "4", "-rounds", "3")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"3 bursts of 4 requests at once", "(2 idle per host)  12/12  8            4 2 2", "MaxIdleConnsPerHost 4                            12/12  4            4 0 0"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	stdout, _, code = mainArgs(t, "-poolsize", "-n", "3", "-rounds", "2", "-json")
	var out struct {
		Scenario string
		Rounds   int
		Sides    []poolSide
	}
	if err := json.Unmarshal([]byte(stdout), &out); code != 0 || err != nil || out.Scenario != "poolsize" || out.Rounds != 2 || len(out.Sides) != 2 {
		t.Errorf("-json: exit %d, %v: %s", code, err, stdout)
	}
	for _, args := range [][]string{{"-poolsize", "https://h.test/"}, {"-poolsize", "-rounds", "0"}, {"-poolsize", "-http2"}} {
		if _, stderr, code := mainArgs(t, args...); code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
