// Package manyhosts builds transports that talk to many hosts: the
// per-host default is a choice there.
package manyhosts

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

type Crawler struct{ client *http.Client }

func NewCrawler(seedURL string) *Crawler {
	return &Crawler{client: &http.Client{Transport: &http.Transport{MaxIdleConns: 500}}}
}

func newWebhookSender(targetURL string) *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: 10}}
}

func reverse(target *url.URL) *httputil.ReverseProxy {
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.Transport = &http.Transport{MaxIdleConns: 100, MaxConnsPerHost: 20}
	return rp
}

func upstreamTransport() *http.Transport {
	upstream := &http.Transport{MaxIdleConns: 1000}
	return upstream
}

// The package sets MaxIdleConnsPerHost on transports it gets from
// elsewhere: the one returned below may be one of them.
func built(serverURL string) *http.Transport {
	return &http.Transport{MaxIdleConns: 64}
}

func tune(c *http.Client) {
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
}
