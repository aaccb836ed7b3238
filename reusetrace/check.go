package reusetrace

import (
	"errors"
	"fmt"
	"strings"
)

// TB is the part of testing.TB the checks use, so this package does not
// import "testing"; *testing.T, *testing.B and *testing.F satisfy it.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// RequireReuse reports an error on t for every request in r's records
// that should have reused a pooled connection and did not: for each host,
// every request after the first one. It also reports requests that
// failed or whose body is still open, since their connection cannot go
// back to the pool. The requests must have been sent one after the other:
// concurrent requests need connections of their own.
func (r *Recorder) RequireReuse(t TB) {
	t.Helper()
	for _, p := range reuseProblems(r.Records()) {
		t.Errorf("%s", p)
	}
}

// RequireResumption reports an error on t when, for some host, a new TLS
// connection after the first one did not resume its TLS session, or when
// no second handshake was made at all (then resumption was not tested:
// make the client reconnect, e.g. with DisableKeepAlives or
// CloseIdleConnections between requests). Resumption needs a
// ClientSessionCache in the client's tls.Config.
func (r *Recorder) RequireResumption(t TB) {
	t.Helper()
	for _, p := range resumptionProblems(r.Records()) {
		t.Errorf("%s", p)
	}
}

// CheckReuse is RequireReuse for code that is not a test: it returns the
// problems joined in one error, or nil.
func CheckReuse(records []Record) error { return join(reuseProblems(records)) }

// CheckResumption is RequireResumption for code that is not a test: it
// returns the problems joined in one error, or nil.
func CheckResumption(records []Record) error { return join(resumptionProblems(records)) }

func join(problems []string) error {
	if len(problems) == 0 {
		return nil
	}
	return errors.New(strings.Join(problems, "\n"))
}

// perHost reports the failed and unfinished requests, then calls check
// with each host's finished requests, in order, and gathers its problems.
func perHost(records []Record, check func(host string, recs []Record) []string) []string {
	if len(records) == 0 {
		return []string{"no requests recorded: send them through the client or transport the Recorder wrapped"}
	}
	var (
		problems []string
		hosts    []string
		finished = make(map[string][]Record)
	)
	for _, rec := range records {
		switch {
		case rec.Err != nil:
			problems = append(problems, fmt.Sprintf("request #%d (%s %s) failed: %v", rec.Seq, rec.Method, rec.URL, rec.Err))
		case !rec.Done:
			problems = append(problems, fmt.Sprintf("request #%d (%s %s): response body not read to EOF nor closed; its connection stays busy", rec.Seq, rec.Method, rec.URL))
		default:
			if _, ok := finished[rec.Host]; !ok {
				hosts = append(hosts, rec.Host)
			}
			finished[rec.Host] = append(finished[rec.Host], rec)
		}
	}
	for _, host := range hosts {
		problems = append(problems, check(host, finished[host])...)
	}
	return problems
}

func reuseProblems(records []Record) []string {
	return perHost(records, func(host string, recs []Record) []string {
		var problems []string
		for i, rec := range recs {
			if i == 0 || rec.Reused {
				continue
			}
			p := fmt.Sprintf("request #%d to %s opened a new connection instead of reusing one (%d of %d requests to it reused a connection)",
				rec.Seq, host, reusedCount(recs), len(recs)-1)
			if prev := recs[i-1]; !prev.BodyEOF && prev.BodyClosed {
				p += fmt.Sprintf("; request #%d's body was closed before EOF, which can discard its connection: read it to EOF first", prev.Seq)
			}
			problems = append(problems, p)
		}
		return problems
	})
}

func reusedCount(recs []Record) int {
	n := 0
	for _, rec := range recs {
		if rec.Reused {
			n++
		}
	}
	return n
}

func resumptionProblems(records []Record) []string {
	return perHost(records, func(host string, recs []Record) []string {
		var problems []string
		handshakes := 0
		for _, rec := range recs {
			if !rec.NewConn() {
				continue
			}
			if !rec.TLS {
				problems = append(problems, fmt.Sprintf("request #%d to %s did not use TLS: nothing to resume", rec.Seq, host))
				continue
			}
			handshakes++
			if handshakes > 1 && !rec.Resumed {
				problems = append(problems, fmt.Sprintf("request #%d to %s made a full TLS handshake instead of resuming the session (is a ClientSessionCache set in the client's tls.Config?)", rec.Seq, host))
			}
		}
		if handshakes == 1 {
			problems = append(problems, fmt.Sprintf("only one TLS handshake to %s: resumption was not exercised (make the client reconnect, e.g. with DisableKeepAlives)", host))
		}
		return problems
	})
}
