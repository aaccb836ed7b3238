package typeerr

import "net/http"

func Get(url string) int {
	resp, _ := http.Get(url)
	return resp.StatusCode + undefinedName
}
