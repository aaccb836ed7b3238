// Package requser2 does not import net/http: it holds requests and
// transports from reqlib and still switches keep-alive off on them.
package requser2

import "reqlib"

func Built(c *reqlib.Client) {
	req := reqlib.Build("http://x")
	req.Close = true // want `outgoing request with Close set`
	_, _ = c.HTTP.Do(req)
}

func Transport() {
	t := reqlib.NewTransport()
	t.DisableKeepAlives = true // want `http.Transport with DisableKeepAlives`
	_ = t
}
