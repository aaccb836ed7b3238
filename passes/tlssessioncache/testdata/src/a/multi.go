package a

import (
	"crypto/tls"
	"net/http"
)

func closingBraceOnLastLine() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{ // want `no ClientSessionCache`
		ServerName: "y"}}
}
