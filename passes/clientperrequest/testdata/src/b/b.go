// Package b defines constructors of connection pools, used from package a.
package b

import (
	"database/sql"
	"net/http"
	"sync"
	"time"
)

// NewClient returns a client with its own, new Transport: a pool.
func NewClient() *http.Client { // want NewClient:"returnsFreshPool"
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 10}, Timeout: 5 * time.Second}
}

// NewTransport returns a clone of the default transport: a new pool.
func NewTransport() http.RoundTripper { // want NewTransport:"returnsFreshPool"
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 50
	return t
}

// Wrapped is a constructor through another constructor and a local
// variable.
func Wrapped() (*http.Client, error) { // want Wrapped:"returnsFreshPool"
	c := &http.Client{Transport: NewTransport()}
	return c, nil
}

// OpenDB returns a new database pool.
func OpenDB(dsn string) (*sql.DB, error) { // want OpenDB:"returnsFreshPool"
	return sql.Open("postgres", dsn)
}

// NewTimeoutClient shares the default transport: not a pool constructor.
func NewTimeoutClient(d time.Duration) *http.Client {
	return &http.Client{Timeout: d}
}

type loggingTransport struct{ next http.RoundTripper }

func (t *loggingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return t.next.RoundTrip(r)
}

// NewLoggingClient wraps the shared default transport: not a pool
// constructor.
func NewLoggingClient() *http.Client {
	return &http.Client{Transport: &loggingTransport{next: http.DefaultTransport}}
}

var (
	cached *http.Client
	mu     sync.Mutex
)

// Cached stores the pool it builds and returns it: not a constructor,
// every call returns the same pool.
func Cached() *http.Client {
	mu.Lock()
	defer mu.Unlock()
	if cached == nil {
		cached = &http.Client{Transport: &http.Transport{}}
	}
	return cached
}

// Shared returns a package-level pool: not a constructor.
var sharedTransport = &http.Transport{}

func Shared() *http.Transport { return sharedTransport }

// Lazy builds its pool once: not a constructor.
var Lazy = sync.OnceValue(func() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
})

// Service holds a pool; NewService is not a pool constructor (it returns
// a service), and a service is built once and kept.
type Service struct{ client *http.Client }

func NewService() *Service {
	return &Service{client: NewClient()}
}

// Factory has a constructor method.
type Factory struct{ Timeout time.Duration }

func (f *Factory) Client() *http.Client { // want Client:"returnsFreshPool"
	return &http.Client{Transport: &http.Transport{}, Timeout: f.Timeout}
}

// Fetch sends one request with the client it is given, and keeps it not.
func Fetch(c *http.Client, url string) error { // want Fetch:"borrowsPool"
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Crawl sends many.
func Crawl(c *http.Client, urls []string) { // want Crawl:"borrowsPool"
	for _, u := range urls {
		c.Get(u)
	}
}

var kept []*http.Client

// Keep keeps it.
func Keep(c *http.Client) { kept = append(kept, c) } // want Keep:"keepsPool"

// Handle sends requests with a client registered with Register.
type Handle struct{ c *http.Client }

func (h *Handle) Get(url string) (*http.Response, error) { return h.c.Get(url) }

// Register keeps the client in a registry and returns a handle on it:
// the caller's client outlives the call, whatever the handle does.
func Register(c *http.Client) *Handle { // want Register:"keepsPool"
	kept = append(kept, c)
	return &Handle{c: c}
}
