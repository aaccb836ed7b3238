package missingimport

import (
	"net/http"

	"example.com/nosuch/pkg"
)

func Get(url string) int {
	resp, _ := http.Get(url)
	return resp.StatusCode + pkg.N
}
