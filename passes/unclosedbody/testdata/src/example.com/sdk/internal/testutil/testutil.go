// Package testutil is test-support code (by its import path): its
// helpers poll test servers, and are reported only with -tests.
package testutil

import "net/http"

type Server struct{ URL string }

func (s *Server) Up() bool {
	resp, err := http.Get(s.URL)
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}
