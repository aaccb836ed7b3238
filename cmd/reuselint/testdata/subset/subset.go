// Package subset has a directive that misspells a check: reported even
// when only another check runs (reuselint -keepalive).
package subset

import "net/http"

func Get(u string) (*http.Response, error) {
	//reuselint:ignore unclosedbdy the caller closes it
	return http.Get(u)
}
