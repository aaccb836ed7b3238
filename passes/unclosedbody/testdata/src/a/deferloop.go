package a

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// A defer in a retry loop costs nothing when every path that goes round
// again has closed the body itself (shoutrrr's Discord sender closes it
// in its rate-limit and server-error helpers before retrying).

func closeAndWait(res *http.Response) {
	_, _ = io.Copy(io.Discard, res.Body)
	_ = res.Body.Close()
	time.Sleep(time.Second)
}

func retryClosedByHelper(c *http.Client, url string) error {
	for attempt := 0; attempt < 3; attempt++ {
		res, err := c.Get(url)
		if err != nil {
			return err
		}
		defer func() { _ = res.Body.Close() }() // trap: every path that retries closed the body
		if res.StatusCode == http.StatusTooManyRequests {
			closeAndWait(res)
			continue
		}
		if res.StatusCode != http.StatusOK {
			return fmt.Errorf("status %s", res.Status)
		}
		return nil
	}
	return errors.New("too many retries")
}

// firstReachable returns on the path that keeps the body: the loop goes
// round only after an error, with no response.
func firstReachable(urls []string) ([]byte, error) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // trap: the loop never goes round with this body
		return io.ReadAll(resp.Body)
	}
	return nil, errors.New("none reachable")
}

// Reported: a retry that leaves the body to the defer.
func retryLeftToDefer(c *http.Client, url string) error {
	for attempt := 0; attempt < 3; attempt++ {
		res, err := c.Get(url)
		if err != nil {
			return err
		}
		defer res.Body.Close() // want `res.Body is closed by a defer inside the loop, which runs only when the function returns`
		if res.StatusCode == http.StatusTooManyRequests {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errors.New("too many retries")
}
