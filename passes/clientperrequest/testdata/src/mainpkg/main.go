package main

import "net/http"

func main() {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("https://example.com")
	for range 3 {
		t := &http.Transport{}
		t.RoundTrip(nil)
	}
	if err := run(); err != nil {
		panic(err)
	}
	for range 3 {
		poll("https://example.com")
	}
}

// run and fetch run once, called from main: silent.
func run() error {
	return fetch("https://example.com")
}

func fetch(u string) error {
	c := &http.Client{Transport: &http.Transport{}}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// poll is called in a loop.
func poll(u string) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created for a single request and dropped: each call of poll`
	c.Get(u)
}
