package a

import (
	"net/http"

	"helpers"
)

// get returns a fresh response: callers must close it.
func get(url string) (*http.Response, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func wrapperLeaks(url string) (int, error) {
	resp, err := get(url) // want `resp.Body is not closed on the return at line 23`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func otherPackageWrapperLeaks(url string) int {
	resp, err := helpers.Get(url) // want `resp.Body is not closed on the return at line 32`
	if err != nil {
		return 0
	}
	if resp.StatusCode != 200 {
		return 1
	}
	resp.Body.Close()
	return 2
}

func wrapperClosed(url string) error {
	resp, err := helpers.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

// cached returns a response it also keeps: not a fresh one.
func cached(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	global = resp
	return resp, nil
}

func notAWrapper(url string) {
	resp, err := cached(url)
	if err != nil {
		return
	}
	_ = resp
}
