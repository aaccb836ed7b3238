package split

import "net/http"

func Get(url string) error {
	resp, err := http.Get(url) // want "response"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
