package a

import (
	"context"
	"crypto/tls"
	"net/http"
	"time"
)

// Traps: a Transport built in the function and gone when it returns.

// waitForHTTP is testcontainers' HTTP wait strategy: it polls a container
// until it answers, with a transport of its own.
func waitForHTTP(ctx context.Context, url string, useTLS bool) error {
	tripper := &http.Transport{IdleConnTimeout: time.Second}
	if useTLS {
		tripper.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // trap: the transport dies with the call
	}
	client := http.Client{Transport: tripper, Timeout: time.Second}
	for ctx.Err() == nil {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return ctx.Err()
}

func pollOnce(url string) (int, error) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{ServerName: "db"}} // trap: local transport, local client
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func inline(url string) error {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}} // trap
	c.Timeout = time.Second
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Reported: the transport may outlive the function.

func returned() *http.Client {
	tr := &http.Transport{}
	tr.TLSClientConfig = &tls.Config{ServerName: "api"} // want `tls.Config used by a client has no ClientSessionCache`
	return &http.Client{Transport: tr}
}

type poller struct{ client *http.Client }

func (p *poller) init() {
	tr := &http.Transport{TLSClientConfig: &tls.Config{ServerName: "api"}} // want `tls.Config used by a client has no ClientSessionCache`
	p.client = &http.Client{Transport: tr}
}

func captured(url string) func() error {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `tls.Config used by a client has no ClientSessionCache`
	return func() error {
		_, err := c.Get(url)
		return err
	}
}

func methodValue(url string) func(string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `tls.Config used by a client has no ClientSessionCache`
	return c.Get
}

func handedOn(run func(*http.Client)) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{}} // want `tls.Config used by a client has no ClientSessionCache`
	run(&http.Client{Transport: tr})
}

func transportRead(url string) http.RoundTripper {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `tls.Config used by a client has no ClientSessionCache`
	return c.Transport
}

// vault's DefaultConfig shape: the transport of a pooled client it built.
func fromClient(newClient func() *http.Client) *http.Client {
	c := newClient()
	tr := c.Transport.(*http.Transport)
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12} // want `tls.Config used by a client has no ClientSessionCache`
	return c
}

// minio-go's DefaultTransport: a function literal in a package variable
// returns the transport it builds.
var newDefaultTransport = func(secure bool) (*http.Transport, error) {
	tr := &http.Transport{IdleConnTimeout: time.Minute}
	if secure {
		tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12} // want `tls.Config used by a client has no ClientSessionCache`
	}
	return tr, nil
}
