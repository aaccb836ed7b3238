// Package testcode runs with -tests: test files and test helpers are
// reported too.
package testcode

import (
	"net/http"
	"testing"
)

func status(t *testing.T, url string) int {
	resp, err := http.Get(url) // want `resp.Body is not closed on the return at line 15`
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode
}
