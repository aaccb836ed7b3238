// Package reuse already has a shared cache: every fix uses it, in any file.
package reuse

import (
	"crypto/tls"
	"net"
)

var sessions = tls.NewLRUClientSessionCache(64)

func cached(addr string) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{ServerName: "a", ClientSessionCache: sessions})
}

func uncached(addr string) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{ServerName: "b"}) // want `built for each TLS connection`
}
