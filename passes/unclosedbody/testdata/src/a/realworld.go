package a

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"helpers"
	"retryclient"
)

// ---- leaks on the paths where things go wrong ----

type apiErr struct{ Message string }

func (e *apiErr) Error() string { return e.Message }

// The response is the caller's on success, but on the error path it is
// decoded into an error and dropped: the caller gets nil.
func getThing(u string) (*http.Response, error) {
	resp, err := http.Get(u) // want `resp.Body is not closed on the return at line 33: its connection stays busy and is never reused`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		e := new(apiErr)
		json.NewDecoder(resp.Body).Decode(e)
		return nil, e
	}
	return resp, nil
}

type doer interface {
	Do(*http.Request) (*http.Response, error)
}

type api struct{ hc doer }

// send is the package's request helper: its response is the caller's.
func (a *api) send(req *http.Request) (*http.Response, error) {
	req.Header.Set("User-Agent", "sdk")
	return a.hc.Do(req)
}

// A retry loop that drops every 429 and 5xx response, and the last one.
func (a *api) withRetry(req *http.Request) (*http.Response, error) {
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := a.send(req) // want `resp.Body is not closed before the next iteration calls a.send again`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			last = fmt.Errorf("status %s", resp.Status)
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
	return nil, last
}

// A redirect followed by hand with goto, from a retrying client's Do.
func followGoto(c *retryclient.Client, req *retryclient.Request) (*http.Response, error) {
	hops := 0
again:
	resp, err := c.Do(req) // want `resp.Body is not closed before the next iteration calls c.Do again`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 == 3 && hops < 10 {
		hops++
		req.URL, _ = url.Parse(resp.Header.Get("Location"))
		goto again
	}
	return resp, nil
}

// A redirect followed by hand in a for loop.
func followLoop(c *http.Client, u string) (*http.Response, error) {
	for i := 0; i < 10; i++ {
		resp, err := c.Get(u) // want `resp.Body is not closed before the next iteration calls c.Get again`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode/100 != 3 {
			return resp, nil
		}
		u = resp.Header.Get("Location")
	}
	return nil, errors.New("too many redirects")
}

// An SDK's HTTP client interface: its responses are the caller's too.
func (a *api) status(req *http.Request) (int, error) {
	resp, err := a.hc.Do(req) // want `resp.Body is not closed on the return at line 105`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// ---- look-alikes: silent ----

// Returned on every path that has a response.
func (a *api) returnedEverywhere(req *http.Request) (*http.Response, error) {
	resp, err := a.send(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		return resp, fmt.Errorf("status %s", resp.Status)
	}
	return resp, nil
}

// A retry loop that drains and closes what it drops.
func (a *api) retryClosed(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := a.send(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 && attempt < 3 {
			helpers.DrainAndClose(resp.Body)
			continue
		}
		return resp, nil
	}
}

// Closed by a helper of another package, known by its fact.
func (a *api) closedByHelper(req *http.Request) (*http.Response, error) {
	resp, err := a.send(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		helpers.CloseResponse(resp)
		return nil, errors.New("failed")
	}
	return resp, nil
}

// Read to EOF on the error path: net/http has the connection back.
func readToEOF(u string) (*http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return nil, errors.New(string(b))
	}
	return resp, nil
}

// err is not nil on the errors.Is return: there is no response.
func eofGuard(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("server hung up: %w", err)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func asGuard(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	var ue *url.Error
	if errors.As(err, &ue) && ue.Timeout() {
		return err
	}
	if err != nil && strings.Contains(err.Error(), "refused") {
		return err
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func nilBody(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	if resp.Body == nil {
		return nil
	}
	defer resp.Body.Close()
	return nil
}

func closedByArgClosure(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func(b io.ReadCloser) { b.Close() }(resp.Body)
	return nil
}

// A Do that decodes into v has read and closed the body it returns.
type decoder interface {
	Do(req *http.Request, v any) (*http.Response, error)
}

func decodedDo(d decoder, req *http.Request, v any) (int, error) {
	resp, err := d.Do(req, v)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
