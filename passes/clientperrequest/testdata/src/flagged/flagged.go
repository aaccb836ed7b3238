package flagged

import (
	"net/http"

	"grpcish"
)

func handler(w http.ResponseWriter, r *http.Request) {
	conn, err := grpcish.NewClient("dns:///greeter:443") // want `connection pool from grpcish.NewClient created per request in an HTTP handler: each request opens new connections; build one pool and reuse it`
	if err != nil {
		return
	}
	defer conn.Close()
	grpcish.NewGreeterClient(conn).SayHello("x")
}

func get(key string) (string, error) {
	rdb := grpcish.NewRedis() // want `connection pool from grpcish.NewRedis created for a single request and dropped: each call of get opens new connections; reuse one shared pool`
	return rdb.Get(key)
}

func notNamed(w http.ResponseWriter, r *http.Request) {
	conn, _ := grpcish.Dial("greeter:443")
	conn.Invoke("hello")
}

// A wrapper of a flagged constructor is a constructor too.
func newConn() (*grpcish.ClientConn, error) { // want newConn:"returnsFreshPool"
	return grpcish.NewClient("greeter:443")
}

// Kept: silent.
type service struct{ greeter grpcish.GreeterClient }

func newService() (*service, error) {
	conn, err := grpcish.NewClient("greeter:443")
	if err != nil {
		return nil, err
	}
	return &service{greeter: grpcish.NewGreeterClient(conn)}, nil
}

func loop(keys []string) {
	for _, k := range keys {
		conn, _ := newConn() // want `connection pool from newConn created on every loop iteration`
		conn.Invoke(k)
	}
}

func viaMethod(f *grpcish.Factory, keys []string) {
	for _, k := range keys {
		conn := f.Conn() // want `connection pool from f.Conn created on every loop iteration`
		conn.Invoke(k)
	}
}
