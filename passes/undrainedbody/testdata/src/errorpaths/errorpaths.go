// Package errorpaths runs with -errorpaths: bodies closed unread on
// paths that return an error are reported too.
package errorpaths

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
)

var client = &http.Client{}

func statusCheck(req *http.Request, v any) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `resp.Body is closed without being read when the function returns at line 23: net/http closes the connection instead of returning it to the pool`
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func errorBranch(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		resp.Body.Close() // want `resp.Body is closed without being read`
		return nil, errors.New("failed")
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func panics(url string) []byte {
	resp, err := http.Get(url)
	if err != nil {
		panic(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close() // want `resp.Body is closed without being read`
		panic(resp.Status)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

// Success paths are reported as without the flag.
func statusOnly(url string) bool {
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close() // want `resp.Body is closed without being read`
	return resp.StatusCode == http.StatusOK
}

// The message names a return where the body is unread (line 79), not
// the earlier one where it was read in part.
func download(url, dest string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `resp.Body is closed without being read when the function returns at line 79:`
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return fmt.Errorf("status %s: %s", resp.Status, b)
	}
	f, err := os.Create(dest)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}
