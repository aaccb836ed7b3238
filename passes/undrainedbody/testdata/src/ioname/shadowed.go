package ioname

import "net/http"

// io is a local name here: the fix cannot add the import, so there is none.
func shadowed(url string, io int) int {
	resp, err := http.Get(url)
	if err != nil {
		return io
	}
	resp.Body.Close() // want `resp.Body is closed without being read`
	return io
}
