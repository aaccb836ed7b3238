package noio

import (
	"fmt"
	"net/http"
)

func first(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `resp.Body is closed without being read when the function returns at line 17`
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

func second(url string) {
	r, err := http.Get(url)
	if err != nil {
		return
	}
	r.Body.Close() // want `r.Body is closed without being read`
}

func reassigned(a, b string) {
	resp, err := http.Get(a)
	if err != nil {
		return
	}
	defer resp.Body.Close() // want `resp.Body is closed without being read`
	resp, err = http.Get(b)
	if err != nil {
		return
	}
	resp.Body.Close() // want `resp.Body is closed without being read`
}
