package a

import (
	"context"
	"encoding/json"
	"net/http"
)

// Request is an SDK's own request type (olivere/elastic's), built by its
// NewRequest(method, url) and converted back to send it.
type Request http.Request

func NewRequest(method, url string) (*Request, error) {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	return (*Request)(req), nil
}

type pingResult struct{ Name string }

// ping is olivere/elastic's PingService.Do: with headOnly it sends a
// HEAD, whose response has no body to read.
func ping(ctx context.Context, c *http.Client, url string, headOnly bool) (*pingResult, error) {
	method := "GET"
	if headOnly {
		method = "HEAD"
	}
	req, err := NewRequest(method, url)
	if err != nil {
		return nil, err
	}
	res, err := c.Do((*http.Request)(req).WithContext(ctx))
	if err != nil {
		return nil, err
	}
	defer res.Body.Close() // trap: the method may be HEAD
	var ret *pingResult
	if !headOnly {
		ret = new(pingResult)
		if err := json.NewDecoder(res.Body).Decode(ret); err != nil {
			return nil, err
		}
	}
	return ret, nil
}

// A constant method through the same constructor is known: reported.
func status(ctx context.Context, c *http.Client, url string) (int, error) {
	req, err := NewRequest("GET", url)
	if err != nil {
		return 0, err
	}
	res, err := c.Do((*http.Request)(req).WithContext(ctx))
	if err != nil {
		return 0, err
	}
	defer res.Body.Close() // want `res.Body is closed without being read`
	return res.StatusCode, nil
}
