package helpers

import (
	"io"
	"net/http"
)

// DrainClose reads resp's body to EOF and closes it.
func DrainClose(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// JustClose closes b without reading it.
func JustClose(b io.Closer) error {
	return b.Close()
}
