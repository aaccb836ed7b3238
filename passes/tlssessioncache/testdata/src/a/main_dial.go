package a

import (
	"crypto/tls"
	"net"
	"testing"
)

// Dials once per run or against a test server.

func init() {
	conn, err := tls.Dial("tcp", "localhost:1", &tls.Config{ServerName: "init"})
	if err == nil {
		_, _ = conn.Write([]byte("x"))
	}
}

func dialForTest(t testing.TB, addr string) net.Conn {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	return conn
}
