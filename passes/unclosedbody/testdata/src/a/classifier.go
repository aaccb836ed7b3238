package a

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// isContextErr is olivere/elastic's IsContextErr: it names kinds of
// failure, so when it holds, Do failed and returned no body.
func isContextErr(err error) bool {
	if err == context.Canceled || err == context.DeadlineExceeded {
		return true
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return isContextErr(ue.Err)
	}
	return false
}

func performRequest(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	res, err := c.Do(req.WithContext(ctx))
	if isContextErr(err) {
		return nil, err // trap: no response when the error is a context error
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// The classifier says nothing about a response that did come back.
func classifiedThenDropped(c *http.Client, req *http.Request) error {
	res, err := c.Do(req) // want `res.Body is not closed on the return at line 41`
	if isContextErr(err) {
		return err
	}
	if err == nil && res.StatusCode != http.StatusOK {
		return errors.New(res.Status)
	}
	return err
}
