package a

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"time"
)

const maxConns = 64

// NewAPIClient sizes its pool for one service and keeps 2 idle per host.
func NewAPIClient(baseURL string) *http.Client {
	return &http.Client{Transport: &http.Transport{ // want `http.Transport sets MaxIdleConns to 100 but not MaxIdleConnsPerHost, so it keeps at most 2 idle connections per host \(DefaultMaxIdleConnsPerHost\): with more than 2 requests in flight to one host, the extra connections are closed after each response and reopened`
		Proxy:           http.ProxyFromEnvironment,
		MaxIdleConns:    100,
		IdleConnTimeout: 90 * time.Second,
	}}
}

// perHostLimit: MaxConnsPerHost sizes the per-host pool.
func perHostLimit() *http.Transport {
	return &http.Transport{MaxConnsPerHost: maxConns, MaxIdleConns: 200} // want `sets MaxConnsPerHost to maxConns but not MaxIdleConnsPerHost`
}

// fieldByField builds the transport with assignments.
func fieldByField() *http.Client {
	tr := new(http.Transport) // want `sets MaxIdleConns to 50 but not MaxIdleConnsPerHost`
	tr.MaxIdleConns = 50
	tr.IdleConnTimeout = time.Minute
	return &http.Client{Transport: tr} // the transport above is reported
}

var _ = fieldByField

// literalThenAssign: the size is assigned after the literal.
func literalThenAssign(ctx context.Context) *http.Transport {
	tr := &http.Transport{} // want `sets MaxConnsPerHost to 16`
	tr.MaxConnsPerHost = 16
	if ctx != nil {
		tr.IdleConnTimeout = time.Minute
	}
	return tr
}

// Traps.

func perHostSet() *http.Transport {
	return &http.Transport{MaxIdleConns: 100, MaxIdleConnsPerHost: 10}
}

func perHostExpr(n int) *http.Transport {
	return &http.Transport{MaxIdleConns: 100, MaxIdleConnsPerHost: n / 2}
}

func perHostAssigned(baseURL string) *http.Transport {
	tr := &http.Transport{MaxIdleConns: 100}
	tr.MaxIdleConnsPerHost = 100
	return tr
}

func small() *http.Transport {
	return &http.Transport{MaxIdleConns: 2}
}

func fewPerHost(endpoint string) *http.Transport {
	return &http.Transport{MaxIdleConns: 100, MaxConnsPerHost: 2}
}

type Config struct{ MaxIdle, PerHost int }

func fromConfig(cfg Config) *http.Transport {
	return &http.Transport{MaxIdleConns: cfg.MaxIdle}
}

func fromParam(n int) *http.Transport {
	return &http.Transport{MaxIdleConns: n}
}

func perHostFromConfig(cfg Config) *http.Transport {
	return &http.Transport{MaxIdleConns: 500, MaxConnsPerHost: cfg.PerHost}
}

func cloned(addr string) *http.Transport {
	return http.DefaultTransport.(*http.Transport).Clone()
}

func noKeepAlive(addr string) *http.Transport {
	return &http.Transport{MaxIdleConns: 100, DisableKeepAlives: true}
}

// copyOfDefault copies DefaultTransport's list with nothing that says it
// serves one service.
func copyOfDefault() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}
}

// perRequest builds a pool per request: clientperrequest's finding.
func perRequest(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{MaxIdleConns: 50}}
	_ = c
}

func inLoop(hosts []string) {
	for range hosts {
		_ = &http.Transport{MaxConnsPerHost: 10}
	}
}

// SQL.

// OpenDB opens a pool sized for 50 queries that keeps 2 idle.
func OpenDB(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(50) // want `sql.DB with SetMaxOpenConns\(50\) and no SetMaxIdleConns keeps at most 2 idle connections \(database/sql's defaultMaxIdleConns\): with more than 2 queries in flight, the extra connections are closed after each use and reopened, authentication included`
	db.SetConnMaxLifetime(time.Hour)
	return db, nil
}

func openSized(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	db.SetMaxOpenConns(maxConns) // want `SetMaxOpenConns\(maxConns\)`
	return db
}

func openBoth(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	db.SetMaxOpenConns(50)
	db.SetMaxIdleConns(10)
	return db
}

func openSmall(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	db.SetMaxOpenConns(2)
	return db
}

func openConfigured(dsn string, n int) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	db.SetMaxOpenConns(n)
	return db
}

func openIdleInClosure(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	db.SetMaxOpenConns(20)
	func() { db.SetMaxIdleConns(20) }()
	return db
}

func openPerRequest(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", r.FormValue("dsn"))
	db.SetMaxOpenConns(10)
	defer db.Close()
}

// given: the pool comes from the caller, who may size it.
func given(db *sql.DB) {
	db.SetMaxOpenConns(30)
}

// waitForHTTP polls one endpoint with a DefaultTransport copy it keeps to
// itself: one request at a time, so 2 idle connections are plenty
// (testcontainers' HTTP wait strategy).
func waitForHTTP(ctx context.Context, endpoint string) error {
	tr := &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConns: 100, IdleConnTimeout: 90 * time.Second}
	client := http.Client{Transport: tr, Timeout: time.Second}
	for ctx.Err() == nil {
		resp, err := client.Get(endpoint)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return ctx.Err()
}
