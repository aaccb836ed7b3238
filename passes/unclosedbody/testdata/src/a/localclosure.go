package a

import (
	"errors"
	"net/http"
)

// A local closure that closes the captured response in its own defer,
// called on the path (linodego's doRequest): not a leak.
func withProcess(c *http.Client, req *http.Request) error {
	var resp *http.Response
	var err error
	process := func() error {
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return errors.New(resp.Status)
		}
		return nil
	}
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req)
		if err == nil {
			if err = process(); err == nil {
				return nil
			}
		}
	}
	return err
}

// The same closure, never called on the leaking path: still a leak.
func processOnlyOnError(c *http.Client, req *http.Request) error {
	var resp *http.Response
	var err error
	process := func() error {
		defer resp.Body.Close()
		return nil
	}
	resp, err = c.Do(req) // want `resp.Body is not closed on the return at line 44`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	return process()
}
