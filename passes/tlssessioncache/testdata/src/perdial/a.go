// Package perdial has per-dial findings in two files: the first file gets
// the one shared cache, declared once however many fixes insert it.
package perdial

import (
	"crypto/tls"
	"net"
)

type tlsSessionCache struct{} // the name is taken: the fix numbers it

func smtpConn(conn net.Conn, host string) net.Conn {
	return tls.Client(conn, &tls.Config{ServerName: host}) // want `built for each TLS connection`
}

func ldapConn(addr, host string) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}) // want `built for each TLS connection`
}

func redisConn(addr string) (net.Conn, error) {
	cfg := new(tls.Config) // want `built for each TLS connection`
	cfg.ServerName = "redis"
	return tls.Dial("tcp", addr, cfg)
}

func shadowed(addr string) (net.Conn, error) {
	tlsSessionCache2 := 1
	_ = tlsSessionCache2
	return tls.Dial("tcp", addr, &tls.Config{ServerName: "x"}) // want `built for each TLS connection`
}
