package a

import (
	"net/http"
	"testing"
)

func TestDropped(t *testing.T) {
	client.Get("http://example.tld/") // a fake transport in tests: not reported
	_, err := http.Get("http://invalid.tld/")
	if err == nil {
		t.Fatal("want an error")
	}
	resp, err := http.Get("http://example.tld/") // test code: reported only with -tests
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.StatusCode
}

type fakeRT struct{ resp *http.Response }

func (f *fakeRT) RoundTrip(*http.Request) (*http.Response, error) { return f.resp, nil }

func TestFakeRoundTripper(t *testing.T) {
	var rt http.RoundTripper = &fakeRT{resp: &http.Response{}}
	for i := 0; i < 2; i++ {
		res, err := rt.RoundTrip(&http.Request{})
		if err != nil {
			continue
		}
		_ = res.Header
	}
	got, _ := (&fakeRT{}).RoundTrip(&http.Request{})
	_ = got
}
