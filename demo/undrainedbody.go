package demo

import (
	"io"
	"net/http"
)

// Exists reports whether url answers 200, but closes the body unread:
// net/http then closes the connection, on every call that succeeds.
func Exists(url string) (bool, error) {
	resp, err := http.Get(url)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// ExistsFixed drains the body before closing it, so the connection goes
// back to the pool.
func ExistsFixed(url string) (bool, error) {
	resp, err := http.Get(url)
	if err != nil {
		return false, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}
