package split

import (
	"net/http"
	"testing"
)

func TestGet(t *testing.T) {
	resp, err := http.Get("http://localhost") // want "test response"
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}
