package testcode

import (
	"net/http"
	"testing"
)

func TestStatus(t *testing.T) {
	resp, err := http.Get("http://example.tld/") // want `resp.Body is not closed when the function ends`
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.StatusCode
}
