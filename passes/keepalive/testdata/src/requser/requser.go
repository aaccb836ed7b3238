package requser

import (
	"context"
	"net/http"

	"reqlib"
)

func Get(ctx context.Context, c *reqlib.Client) (*http.Request, error) { // want Get:"newRequest"
	req, err := c.NewRequest(ctx, "GET", "/x")
	if err != nil {
		return nil, err
	}
	req.Close = true // want `outgoing request with Close set`
	return req, nil
}

func Built() {
	req := reqlib.Build("http://x")
	req.Header.Set("Connection", "close") // want `"Connection: close" header`
}

func NotBuilt(in *http.Request) {
	req := reqlib.Same(in)
	req.Close = true
}
