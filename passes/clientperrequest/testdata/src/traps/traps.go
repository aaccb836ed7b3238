// Package traps holds shapes that must stay silent.
package traps

import (
	"bufio"
	"errors"
	"net"
	"net/http"
	"sync"

	"github.com/redis/go-redis/v9"
)

// A fresh pool only when an option asks for it: not a constructor.
func clientFor(insecure bool) *http.Client {
	if insecure {
		return &http.Client{Transport: &http.Transport{}}
	}
	return http.DefaultClient
}

func Fetch(url string) error {
	resp, err := clientFor(false).Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A constructor on every path (nil only with an error): its callers
// are reported.
func newClient(ok bool) (*http.Client, error) { // want newClient:"returnsFreshPool"
	if !ok {
		return nil, errors.New("no")
	}
	c := &http.Client{Transport: &http.Transport{}}
	return c, nil
}

func Get(url string) error {
	c, err := newClient(true) // want `connection pool from newClient created for a single request and dropped`
	if err != nil {
		return err
	}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A transport for one protocol-upgrade request: the 101 response's body
// becomes the connection.
func DialWebSocket(url string) (net.Conn, *bufio.Reader, error) {
	tr := &http.Transport{}
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "websocket")
	resp, err := tr.RoundTrip(req)
	if err != nil {
		return nil, nil, err
	}
	_ = resp
	return nil, nil, nil
}

// Package-level, sync.Once, lazily cached in a field.
var pkgClient = newRedis()

func newRedis() *redis.Client { return redis.NewClient(&redis.Options{Addr: "cache:6379"}) } // want newRedis:"returnsFreshPool"

var (
	once   sync.Once
	shared *redis.Client
)

func client() *redis.Client {
	once.Do(func() { shared = redis.NewClient(&redis.Options{}) })
	return shared
}

type svc struct{ client *http.Client }

func (s *svc) get(url string) (*http.Response, error) {
	if s.client == nil {
		s.client = &http.Client{Transport: &http.Transport{}}
	}
	return s.client.Get(url)
}

// A wrapper like oauth2.NewClient: a RoundTripper around a shared base
// transport, built per call, holds no pool of its own.
type authTransport struct {
	base  http.RoundTripper
	token string
}

func (t *authTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+t.token)
	return t.base.RoundTrip(r)
}

func newAuthClient(token string) *http.Client {
	return &http.Client{Transport: &authTransport{base: http.DefaultTransport, token: token}}
}

func handler(w http.ResponseWriter, r *http.Request) {
	c := newAuthClient(r.Header.Get("X-Token"))
	resp, err := c.Get("https://api.example.com")
	if err == nil {
		resp.Body.Close()
	}
}
