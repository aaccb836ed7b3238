package a

// Shapes from the bodyclose issue tracker.

import (
	"io"
	"net/http"
)

// bodyclose#58: closed on some branches only.
func closedOnSomeBranches() {
	resp, _ := http.DefaultClient.Get("https://example.com") // want `resp.Body is not closed when the function ends`
	if resp.StatusCode >= http.StatusInternalServerError {
		defer resp.Body.Close()
	} else if resp.StatusCode >= http.StatusBadRequest {
		defer resp.Body.Close()
	}
}

func closedOnEveryBranch() {
	resp, err := http.DefaultClient.Get("https://example.com")
	if err != nil {
		// handle error
	}
	if resp.StatusCode >= http.StatusInternalServerError {
		defer resp.Body.Close()
	} else {
		defer resp.Body.Close()
	}
}

// bodyclose#27: the body is returned as an io.Closer.
func returnsCloser(url string) (io.Closer, error) {
	r, err := http.DefaultClient.Get(url)
	if err != nil {
		return nil, err
	}
	return r.Body, nil
}

// bodyclose#36: a package-level variable is someone else's to close.
func globalVar() {
	global, _ = http.Get("https://example.com")
}

// A helper that reads the body to EOF: net/http reuses the connection.
func process(res *http.Response) {
	_, err := io.ReadAll(res.Body)
	if err != nil {
		panic(err)
	}
}

func closeByCall() {
	res, err := http.Get("http://example.com/")
	if err != nil {
		panic(err)
	}
	process(res)
}

// A helper that only looks at the status does not take the body.
func status(res *http.Response) int { return res.StatusCode }

func borrowedOnly() int {
	res, err := http.Get("http://example.com/") // want `res.Body is not closed on the return at line 70`
	if err != nil {
		return 0
	}
	return status(res)
}
