package ioname

import (
	stdio "io"
	"net/http"
)

var _ = stdio.EOF

func renamed(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	resp.Body.Close() // want `resp.Body is closed without being read`
}
