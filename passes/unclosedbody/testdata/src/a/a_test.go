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
	resp, err := http.Get("http://example.tld/") // want `resp.Body is not closed when the function ends`
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.StatusCode
}
