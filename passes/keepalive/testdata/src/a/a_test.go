package a

import (
	"net/http"
	"testing"
)

// Tests switch keep-alive off on purpose: not reported.
func TestNoKeepAlive(t *testing.T) {
	tr := &http.Transport{DisableKeepAlives: true}
	req, _ := http.NewRequest("GET", "http://example.com", nil)
	req.Close = true
	_, _ = tr.RoundTrip(req)
}
