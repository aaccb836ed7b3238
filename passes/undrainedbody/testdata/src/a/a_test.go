package a

import (
	"net/http"
	"testing"
)

// Test code is reported only with -tests.
func TestUp(t *testing.T) {
	resp, err := http.Get("http://example.tld/")
	if err != nil {
		t.Skip(err)
	}
	resp.Body.Close()
}
