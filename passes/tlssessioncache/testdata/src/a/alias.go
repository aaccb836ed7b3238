package a

import (
	ctls "crypto/tls"
	"net/http"
)

// The fix uses the file's name for crypto/tls.
func renamed() *http.Transport {
	return &http.Transport{TLSClientConfig: &ctls.Config{ServerName: "x"}} // want `no ClientSessionCache`
}

type config = ctls.Config

// A local name hides the package: reported, without a fix.
func shadowed() *http.Transport {
	ctls := "y"
	return &http.Transport{TLSClientConfig: &config{ServerName: ctls}} // want `no ClientSessionCache`
}
