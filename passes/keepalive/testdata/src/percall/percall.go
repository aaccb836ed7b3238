// Package percall holds requests closed after their response, sent
// through a transport that dies with its call: there is no pool to
// return the connection to (a LAN device that mishandles keep-alive), so
// they are silent by default and reported with -all (TestPerCall).
package percall

import "net/http"

// Silent by default: one request through a transport of its own.
func reboot(addr string) error {
	tr := &http.Transport{}
	c := &http.Client{Transport: tr}
	req, err := http.NewRequest("POST", "http://"+addr+"/reboot", nil)
	if err != nil {
		return err
	}
	req.Close = true // want `outgoing request with Close set`
	req.Header.Set("Connection", "close")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var shared = &http.Client{}

// Through a shared client: reported by default too.
func ping(u string) error {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return err
	}
	req.Close = true // want `outgoing request with Close set`
	resp, err := shared.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
