package demo

import (
	"io"
	"net/http"
	"time"
)

// Proxy fetches the upstream page for each request it serves, with a new
// Transport each time: every request pays a new TCP connection and TLS
// handshake.
func Proxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: 10},
		Timeout:   10 * time.Second,
	}
	resp, err := client.Get("https://example.com/upstream")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// upstream is built once: its connections are reused across requests.
var upstream = &http.Client{
	Transport: &http.Transport{MaxIdleConnsPerHost: 10},
	Timeout:   10 * time.Second,
}

// ProxyFixed shares one client, and so one pool, across requests.
func ProxyFixed(w http.ResponseWriter, r *http.Request) {
	resp, err := upstream.Get("https://example.com/upstream")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
