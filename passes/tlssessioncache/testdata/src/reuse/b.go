package reuse

import (
	"crypto/tls"
	"net"
)

func other(conn net.Conn) net.Conn {
	return tls.Client(conn, &tls.Config{ServerName: "c"}) // want `built for each TLS connection`
}

func hidden(conn net.Conn, sessions int) net.Conn {
	_ = sessions
	return tls.Client(conn, &tls.Config{ServerName: "d"}) // want `built for each TLS connection`
}
