package main

import "net/http"

func main() {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("https://example.com")
	for range 3 {
		t := &http.Transport{}
		t.RoundTrip(nil)
	}
}
