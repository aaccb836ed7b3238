package http2user

import (
	"crypto/tls"
	"net/http"

	"golang.org/x/net/http2"
)

func configured(cfg *tls.Config) (*http.Client, error) {
	tr := &http.Transport{TLSClientConfig: cfg}
	if err := http2.ConfigureTransport(tr); err != nil {
		return nil, err
	}
	return &http.Client{Transport: tr}, nil
}

func configuredS(cfg *tls.Config) (*http.Client, error) {
	tr := &http.Transport{TLSClientConfig: cfg}
	t2, err := http2.ConfigureTransports(tr)
	if err != nil {
		return nil, err
	}
	_ = t2
	return &http.Client{Transport: tr}, nil
}
