package demo

import (
	"fmt"
	"net/http"
)

// Status returns the status of url, but leaves the body open when the
// status is not 200: that connection is never reused.
func Status(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", url, resp.Status)
	}
	defer resp.Body.Close()
	return nil
}

// StatusFixed closes the body before anything can return.
func StatusFixed(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", url, resp.Status)
	}
	return nil
}
