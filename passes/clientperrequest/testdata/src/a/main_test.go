package a

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestFetch(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	c := &http.Client{Transport: &http.Transport{}}
	c.Get(srv.URL)
	srv.Client().Get(srv.URL)
	httptest.NewServer(http.NotFoundHandler()).Client().Get(srv.URL)
}

func BenchmarkFetch(b *testing.B) {
	for range b.N {
		c := &http.Client{Transport: &http.Transport{}}
		c.Get("http://localhost")
	}
}

func helper(t *testing.T, u string) {
	tr := &http.Transport{}
	(&http.Client{Transport: tr}).Get(u)
}

// Helpers of tests build throwaway transports on purpose: silent.
func roundTrip(req *http.Request) {
	t := &http.Transport{}
	t.RoundTrip(req)
}
