package a

import (
	"net/http"
	"time"
)

const off = true

func literal() *http.Transport {
	return &http.Transport{
		IdleConnTimeout:   time.Minute,
		DisableKeepAlives: true, // want `http.Transport with DisableKeepAlives: every request opens a new connection`
	}
}

func singleLine() *http.Transport {
	return &http.Transport{DisableKeepAlives: off, MaxIdleConns: 10} // want `DisableKeepAlives`
}

func singleLineLast() *http.Transport {
	return &http.Transport{MaxIdleConns: 10, MaxIdleConnsPerHost: -1} // want `negative MaxIdleConnsPerHost keeps no idle connection`
}

func onlyField() http.Transport {
	return http.Transport{DisableKeepAlives: true} // want `DisableKeepAlives`
}

func assigned() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true // want `DisableKeepAlives`
	t.MaxIdleConnsPerHost = -1
	t.MaxIdleConnsPerHost = 1 - 3
	return t
}

type wrapper struct {
	*http.Transport
	DisableKeepAlives bool
}

func embedded(w *wrapper) {
	w.Transport.DisableKeepAlives = true // want `DisableKeepAlives`
	w.DisableKeepAlives = true           // trap: a field of the same name on another type
}

func onlyUse() {
	var t http.Transport
	t.DisableKeepAlives = true // want `DisableKeepAlives`
}

func sharedLine(t *http.Transport) {
	if t.DisableKeepAlives = true; t != nil { // want `DisableKeepAlives`
		return
	}
}

// Traps.

func notConstant(disable bool, n int) *http.Transport {
	t := &http.Transport{DisableKeepAlives: disable, MaxIdleConnsPerHost: n}
	t.DisableKeepAlives = disable
	t.MaxIdleConnsPerHost = n
	return t
}

func explicitDefaults() *http.Transport {
	t := &http.Transport{DisableKeepAlives: false, MaxIdleConnsPerHost: 0}
	t.MaxIdleConnsPerHost = 100
	t.DisableKeepAlives = false
	return t
}

type options struct {
	DisableKeepAlives   bool
	MaxIdleConnsPerHost int
	Close               bool
}

func unrelated() options {
	o := options{DisableKeepAlives: true, MaxIdleConnsPerHost: -1, Close: true}
	o.DisableKeepAlives = true
	o.Close = true
	return o
}

func read(t *http.Transport) bool {
	return t.DisableKeepAlives
}

// A transport built and dropped in one call: DisableKeepAlives closes its
// connections instead of leaking them idle (amqp091-go's management
// calls); the transport per call is clientperrequest's finding.
func oneShot(url string) error {
	client := http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func oneShotVariable(req *http.Request) error {
	tr := &http.Transport{DisableKeepAlives: true, MaxIdleConnsPerHost: -1}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Kept: reported.
func keptClient() *http.Client {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `DisableKeepAlives`
	return client
}
