package strict

import (
	"encoding/json"
	"io"
	"net/http"
)

func decoded(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `resp.Body is closed before being read to EOF when the function returns at line 15`
	return json.NewDecoder(resp.Body).Decode(v)
}

func readAll(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func limited(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close() // want `resp.Body is closed before being read to EOF`
	return b, err
}
