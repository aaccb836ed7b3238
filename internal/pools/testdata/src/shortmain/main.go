// A command: what main calls once is not built per call of hot code, but
// a transport of one request still dies with its call.
package main

import "net/http"

func oneShot(u string) error {
	tr := &http.Transport{} // want `short: used for at most one request`
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A client for the whole run: many requests, not short.
func crawl(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	for _, u := range urls {
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

func main() {
	_ = oneShot("https://example.com")
	crawl(nil)
}
