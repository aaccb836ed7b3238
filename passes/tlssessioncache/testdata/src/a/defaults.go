package a

import (
	"crypto/tls"
	"errors"
	"net/http"
)

type searchConfig struct {
	Transport          http.RoundTripper
	InsecureSkipVerify bool
}

// opensearch-go's shape: a default config filled into a clone of the
// caller's transport when it has none; the caller's transport decides.
func newSearchTransport(cfg searchConfig) (http.RoundTripper, error) {
	if cfg.InsecureSkipVerify {
		tr, ok := cfg.Transport.(*http.Transport)
		if !ok {
			return nil, errors.New("not an *http.Transport")
		}
		tr = tr.Clone()
		if tr.TLSClientConfig == nil {
			tr.TLSClientConfig = &tls.Config{} // trap: a default for a transport this function did not build
		}
		tr.TLSClientConfig.InsecureSkipVerify = true
		cfg.Transport = tr
	}
	return cfg.Transport, nil
}

// On a transport the function builds, the nil check is always true:
// reported.
func newOwnTransport() *http.Transport {
	tr := &http.Transport{}
	if tr.TLSClientConfig == nil {
		tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12} // want `tls.Config used by a client has no ClientSessionCache`
	}
	return tr
}

// resty's shape: the receiver's transport belongs to the package's own
// client, which decides its config: reported.
type restClient struct{ hc *http.Client }

func (c *restClient) transport() (*http.Transport, error) {
	tr, ok := c.hc.Transport.(*http.Transport)
	if !ok {
		return nil, errors.New("not an *http.Transport")
	}
	return tr, nil
}

func (c *restClient) tlsConfig() (*tls.Config, error) {
	tr, err := c.transport()
	if err != nil {
		return nil, err
	}
	if tr.TLSClientConfig == nil {
		tr.TLSClientConfig = &tls.Config{} // want `tls.Config used by a client has no ClientSessionCache`
	}
	return tr.TLSClientConfig, nil
}
