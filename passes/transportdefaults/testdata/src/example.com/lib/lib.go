package lib

import "net/http"

func Configure(t *http.Transport) { t.ForceAttemptHTTP2 = true }
