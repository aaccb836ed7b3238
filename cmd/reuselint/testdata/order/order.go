// Package order has findings of several checks in one file, the later
// check of the suite first, and two on one line: standalone text output
// must list them by line and column, not by check.
package order

import (
	"crypto/tls"
	"net/http"
)

// Exists closes the body unread (undrainedbody).
func Exists(url string) (bool, error) {
	resp, err := http.Get(url)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// Handle builds a pool per request (clientperrequest). Its transport's
// settings are not reported: it dies with its call.
func Handle(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
	resp, err := client.Get("https://example.com/")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

// Shared turns HTTP/2 off (transportdefaults) and has no session cache
// (tlssessioncache, a check listed before transportdefaults), on one line.
var Shared = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
