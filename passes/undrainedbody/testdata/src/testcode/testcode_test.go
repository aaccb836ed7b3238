package testcode

import (
	"net/http"
	"testing"
)

func TestUp(t *testing.T) {
	resp, err := http.Get("http://example.tld/")
	if err != nil {
		t.Skip(err)
	}
	resp.Body.Close() // want `resp.Body is closed without being read`
}
