// Package once holds responses whose lost connection costs little: a
// call that runs once per process, a stream of an HTTP/2-only transport.
// They are silent by default and reported with -all (TestLowValue).
package main

import (
	"fmt"
	"net/http"

	"golang.org/x/net/http2"
)

func main() {
	generate("https://example.com/openapi.json")
	poll([]string{"https://example.com/a"})
}

// Only main calls it, once: one connection lost once. Silent by default.
func generate(u string) {
	resp, err := http.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
}

// Runs once, but the call is in a loop: reported.
func poll(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u) // want `resp.Body is not closed`
		if err != nil {
			continue
		}
		fmt.Println(resp.Status)
	}
}

// Called by no one in view (reflection, a plugin): reported.
func Fetch(u string) {
	resp, err := http.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
}

// An HTTP/2-only transport: the open body holds a stream of its one
// connection, not a pooled connection. Silent by default.
func Stream(t *http2.Transport, req *http.Request) {
	resp, err := t.RoundTrip(req) // want `resp.Body is not closed`
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
}
