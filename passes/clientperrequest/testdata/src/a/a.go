package a

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"

	"b"
)

// Handlers: a pool built per request.

func handler(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created per request in an HTTP handler: each request opens new connections and TLS handshakes; reuse one shared Client`
	resp, err := client.Get("https://example.com")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

type server struct {
	client *http.Client
	db     *sql.DB
	target *url.URL
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport created per request in an HTTP handler: each request opens new connections and TLS handshakes; build one Transport and reuse it`
	tr.TLSClientConfig = nil
	c := &http.Client{Transport: tr}
	c.Do(r)
}

func register(mux *http.ServeMux, dsn string) {
	mux.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) {
		db, err := sql.Open("postgres", dsn) // want `sql.DB opened per request in an HTTP handler: each request opens new database connections; build one DB and reuse it`
		if err != nil {
			return
		}
		defer db.Close()
		db.QueryContext(r.Context(), "SELECT 1")
	})
	http.HandleFunc("/proxy", func(w http.ResponseWriter, r *http.Request) {
		proxy := &httputil.ReverseProxy{
			Rewrite:   func(*httputil.ProxyRequest) {},
			Transport: new(http.Transport), // want `http.Transport created per request in an HTTP handler`
		}
		proxy.ServeHTTP(w, r)
	})
	mux.Handle("/new", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := b.NewClient() // want `connection pool from b.NewClient created per request in an HTTP handler: each request opens new connections and TLS handshakes; reuse one shared pool`
		c.Get("https://example.com")
	}))
}

func (s *server) viaFactory(w http.ResponseWriter, r *http.Request) {
	f := &b.Factory{Timeout: time.Second}
	c := f.Client() // want `connection pool from f.Client created per request in an HTTP handler: each request opens new connections and TLS handshakes; build one pool and reuse it`
	c.Get("https://example.com")
}

// Handlers that keep what they build: lazy initialization.

func (s *server) lazy(w http.ResponseWriter, r *http.Request) {
	if s.client == nil {
		s.client = &http.Client{Transport: &http.Transport{}}
	}
	if s.db == nil {
		s.db, _ = sql.Open("postgres", "")
	}
	s.client.Get("https://example.com")
}

var (
	once       sync.Once
	onceClient *http.Client
)

func withOnce(w http.ResponseWriter, r *http.Request) {
	once.Do(func() {
		onceClient = &http.Client{Transport: &http.Transport{}}
	})
	onceClient.Get("https://example.com")
}

var lazyClient = sync.OnceValue(func() *http.Client { return b.NewClient() })

func withOnceValue(w http.ResponseWriter, r *http.Request) {
	lazyClient().Get("https://example.com")
	b.Lazy().Get("https://example.com")
}

// Clients that share a pool: silent.

var sharedTransport = &http.Transport{MaxIdleConnsPerHost: 10}

type authTransport struct{ base http.RoundTripper }

func (t *authTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "token")
	return t.base.RoundTrip(r)
}

func sharing(w http.ResponseWriter, r *http.Request) {
	c1 := &http.Client{Timeout: time.Second}
	c1.Get("https://example.com")
	c2 := &http.Client{Transport: sharedTransport, Timeout: time.Second}
	c2.Get("https://example.com")
	c3 := &http.Client{Transport: &authTransport{base: http.DefaultTransport}}
	c3.Get("https://example.com")
	c4 := &http.Client{Transport: &authTransport{base: sharedTransport}}
	c4.Get("https://example.com")
	b.NewTimeoutClient(time.Second).Get("https://example.com")
	b.NewLoggingClient().Get("https://example.com")
	b.Cached().Get("https://example.com")
	b.Shared().RoundTrip(r)
	b.Lazy().Get("https://example.com")
}

// A per-request client whose RoundTripper wraps a new transport still has
// a new pool.
func wrapsFresh(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &authTransport{base: &http.Transport{}}} // want `http.Transport created per request in an HTTP handler`
	c.Get("https://example.com")
}

// Loops.

func loop(urls []string) {
	for _, u := range urls {
		c := &http.Client{Transport: &http.Transport{}, Timeout: time.Second} // want `http.Client with its own Transport created on every loop iteration: each iteration opens new connections and TLS handshakes; reuse one shared Client`
		c.Get(u)
	}
}

func loopCtor(urls []string) {
	for i := 0; i < len(urls); i++ {
		c := b.NewClient() // want `connection pool from b.NewClient created on every loop iteration`
		c.Get(urls[i])
	}
}

func loopGoroutines(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := &http.Transport{Proxy: http.ProxyFromEnvironment} // want `http.Transport created on every loop iteration`
			req, _ := http.NewRequest("GET", u, nil)
			t.RoundTrip(req)
		}()
	}
	wg.Wait()
}

func loopPerHost(hosts []string) {
	for _, h := range hosts {
		tr := &http.Transport{Proxy: func(*http.Request) (*url.URL, error) { return url.Parse(h) }} // want `http.Transport created on every loop iteration: each iteration opens new connections and TLS handshakes; build one Transport and reuse it`
		(&http.Client{Transport: tr}).Get("https://example.com")
	}
}

// Built once before the loop, reused: silent.
func batch(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	defer c.CloseIdleConnections()
	for _, u := range urls {
		c.Get(u)
	}
}

// Built in the loop and kept: silent.
func keepAll(hosts []string) map[string]*http.Client {
	clients := make(map[string]*http.Client)
	var list []*http.Transport
	for _, h := range hosts {
		clients[h] = &http.Client{Transport: &http.Transport{}}
		list = append(list, &http.Transport{})
	}
	_ = list
	return clients
}

// Lazily built in the loop, kept across iterations: silent.
func lazyInLoop(urls []string) {
	var c *http.Client
	for _, u := range urls {
		if c == nil {
			c = &http.Client{Transport: &http.Transport{}}
		}
		c.Get(u)
	}
}

// Build, use once, drop.

func fetch(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}} // want `http.Client with its own Transport created for a single request and dropped: each call of fetch opens new connections and TLS handshakes; reuse one shared Client`
	return c.Get(url)
}

func fetchCtor(ctx context.Context, req *http.Request) error {
	c, err := b.Wrapped() // want `connection pool from b.Wrapped created for a single request and dropped: each call of fetchCtor opens new connections and TLS handshakes; build one pool and reuse it`
	if err != nil {
		return err
	}
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func query(dsn string) error {
	db, err := b.OpenDB(dsn) // want `connection pool from b.OpenDB created for a single request and dropped: each call of query opens new database connections; build one pool and reuse it`
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("DELETE FROM t")
	return err
}

func passAlong(u string) ([]byte, error) {
	tr := &http.Transport{} // want `http.Transport created for a single request and dropped`
	return get(&http.Client{Transport: tr}, u)
}

func get(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Two requests with one pool: a batch, silent.
func twice(u string) {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get(u)
	c.Get(u)
}

// Returned: a constructor, silent here.
func newLocalClient() *http.Client { // want newLocalClient:"returnsFreshPool"
	return &http.Client{Transport: &http.Transport{}}
}

// Stored: silent.
func (s *server) init2() {
	s.client = newLocalClient()
	s.client.Get("https://example.com")
}

func intoChannel(ch chan *http.Client) {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("https://example.com")
	ch <- c
}

func captured() func() {
	c := &http.Client{Transport: &http.Transport{}}
	return func() { c.Get("https://example.com") }
}

func wrappedAndReturned() *httputil.ReverseProxy {
	return &httputil.ReverseProxy{Transport: &http.Transport{}}
}

func perHostRetries(u string) {
	c := &http.Client{Transport: &http.Transport{}}
	for range 3 {
		if _, err := c.Get(u); err == nil {
			return
		}
	}
}

// A same-package constructor called per request.
func usesLocal(w http.ResponseWriter, r *http.Request) {
	newLocalClient().Get("https://example.com") // want `connection pool from newLocalClient created per request in an HTTP handler`
}

// Built at package level: silent.
var pkgClient = &http.Client{Transport: &http.Transport{}}

var pkgDB, _ = sql.Open("postgres", "")

func init() {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("https://example.com")
}

// Transports that dial connections of this call only (an in-memory pipe,
// as httputil.DumpRequestOut does) cannot be shared: silent.
func dumpOut(req *http.Request, conn net.Conn) error {
	t := &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) { return conn, nil },
	}
	defer t.CloseIdleConnections()
	_, err := t.RoundTrip(req)
	return err
}

func dumpClone(w http.ResponseWriter, r *http.Request) {
	client, server := net.Pipe()
	defer server.Close()
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = func(context.Context, string, string) (net.Conn, error) { return client, nil }
	t.RoundTrip(r)
}

// A dialer that refers to no local value does not bind the transport.
func dialShared(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{DialContext: (&net.Dialer{Timeout: time.Second}).DialContext} // want `http.Transport created per request in an HTTP handler`
	t.RoundTrip(r)
}

// A local dialer with per-call settings does not bind the transport.
func localDialer(w http.ResponseWriter, r *http.Request) {
	d := &net.Dialer{Timeout: time.Second}
	t := &http.Transport{DialContext: d.DialContext} // want `http.Transport created per request in an HTTP handler: .*; build one Transport and reuse it`
	t.RoundTrip(r)
	t2 := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) { // want `http.Transport created per request in an HTTP handler`
		return d.DialContext(ctx, network, r.Host)
	}}
	t2.RoundTrip(r)
}

// Passed to functions that keep it: silent.

var clients sync.Map

func (s *server) register(name string, c *http.Client) {
	s.client = c
}

func addTarget(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{}}
	clients.Store(r.URL.Path, c)
}

func (s *server) addTarget2(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{}}
	s.register(r.URL.Path, c)
}

// Passed to a helper that sends many requests: a batch, silent.
func crawlAll(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	crawl(c, urls)
}

func crawl(c *http.Client, urls []string) {
	for _, u := range urls {
		c.Get(u)
	}
}

// Held by a value whose methods may send many requests: silent.
type scraper struct{ c *http.Client }

func (s *scraper) scrape(urls []string) {
	for _, u := range urls {
		s.c.Get(u)
	}
}

func scrapeAll(urls []string) {
	s := &scraper{c: &http.Client{Transport: &http.Transport{}}}
	s.scrape(urls)
}

// sql.OpenDB per request.
func openDB(conn driver.Connector) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db := sql.OpenDB(conn) // want `sql.DB opened per request in an HTTP handler: each request opens new database connections; build one DB and reuse it`
		defer db.Close()
		db.PingContext(r.Context())
	}
}

// httptest clients are the server's own: silent.
func probe(h http.Handler) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	srv.Client().Get(srv.URL)
	httptest.NewServer(h).Client().Get(srv.URL)
}

// Helpers of another package, known by their facts.
func fetchVia(u string) error {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created for a single request and dropped: each call of fetchVia`
	return b.Fetch(c, u)
}

func crawlVia(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	b.Crawl(c, urls)
}

func keepVia(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{}}
	b.Keep(c)
}

// A transport set on a client built here: the client holds it.
func setField(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: time.Second}
	client.Transport = &http.Transport{MaxIdleConns: 5} // want `http.Transport created per request in an HTTP handler: .*; reuse one shared Transport`
	client.Get("https://example.com")
	var c2 http.Client
	c2.Transport = http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport created per request in an HTTP handler`
	c2.Do(r)
}

// Set on a client that is not built here (shared, a parameter, or
// rebuilt from elsewhere): it is kept there, silent.
func setShared(w http.ResponseWriter, r *http.Request) {
	c := pkgClient
	c.Transport = &http.Transport{}
	c2 := &http.Client{}
	c2 = pkgClient
	c2.Transport = &http.Transport{}
	setParam(pkgClient)
}

func setParam(c *http.Client) {
	c.Transport = &http.Transport{}
}

// Kept by another package that also returns a handle (a keepsPool fact):
// silent.
func registered(w http.ResponseWriter, r *http.Request) {
	h := b.Register(&http.Client{Transport: &http.Transport{}})
	if resp, err := h.Get("https://example.com"); err == nil {
		resp.Body.Close()
	}
}
