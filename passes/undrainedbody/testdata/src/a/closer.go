package a

import (
	"io"
	"net/http"
)

// Closed through an io.Closer: reported, without a fix (io.Copy cannot
// read an io.Closer; a regression found by applying every check's fixes
// together).
func closerInterface(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	var c io.Closer = resp.Body
	defer c.Close() // want `closed without being read`
}
