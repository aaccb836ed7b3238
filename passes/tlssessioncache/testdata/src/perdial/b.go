package perdial

import (
	"crypto/tls"
	"net"
)

// Reported; its fix waits for the declaration in a.go (a later run).
func pgConn(conn net.Conn, host string) net.Conn {
	return tls.Client(conn, &tls.Config{ServerName: host}) // want `built for each TLS connection`
}
