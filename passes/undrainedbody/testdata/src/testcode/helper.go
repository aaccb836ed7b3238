// Package testcode runs with -tests: test files and test helpers are
// reported too.
package testcode

import (
	"net/http"
	"testing"
)

func checkUp(tb testing.TB, url string) {
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close() // want `resp.Body is closed without being read`
	if resp.StatusCode != http.StatusOK {
		tb.Errorf("status %s", resp.Status)
	}
}
