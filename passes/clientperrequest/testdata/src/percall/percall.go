// Package percall holds code that runs per request by contract: a
// RoundTrip method, the methods of a gRPC service implementation.
package percall

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
)

// A RoundTripper that builds a transport for each request it carries.
type fresh struct{}

func (fresh) RoundTrip(req *http.Request) (*http.Response, error) {
	tr := &http.Transport{} // want `http.Transport created per request in RoundTrip: each request it carries opens new connections`
	return tr.RoundTrip(req)
}

// A RoundTripper that delegates to its Base: the pool is the caller's.
type auth struct{ Base http.RoundTripper }

func (a auth) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer x")
	return a.Base.RoundTrip(req)
}

// What gRPC generates for a service: embedding it makes a type a service
// implementation.
type UnimplementedGreeterServer struct{}

type HelloRequest struct{ Name string }
type HelloReply struct{ Message string }

type greeter struct {
	UnimplementedGreeterServer
	backend *grpc.ClientConn
}

// Dials the backend on every RPC.
func (g *greeter) SayHello(ctx context.Context, req *HelloRequest) (*HelloReply, error) {
	conn, err := grpc.NewClient("dns:///backend:443") // want `gRPC ClientConn from grpc.NewClient created per RPC in the gRPC method SayHello: each RPC pays connect, TLS and authentication again`
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	err = conn.Invoke(ctx, "/backend.Backend/Get", req, new(HelloReply))
	return &HelloReply{}, err
}

// Uses the connection built once: silent.
func (g *greeter) SayGoodbye(ctx context.Context, req *HelloRequest) (*HelloReply, error) {
	err := g.backend.Invoke(ctx, "/backend.Backend/Bye", req, new(HelloReply))
	return &HelloReply{}, err
}

// Exported but not an RPC (no context, no request): run when the
// program says, not per RPC.
func (g *greeter) Start() error {
	conn, err := grpc.NewClient("dns:///backend:443")
	if err != nil {
		return err
	}
	g.backend = conn
	return nil
}

// Not an RPC either: a check the program runs on its own schedule.
func (g *greeter) Ping() error {
	conn, err := grpc.NewClient("dns:///backend:443")
	if err != nil {
		return err
	}
	return conn.Close()
}

// Not a service method: a constructor, run once.
type plain struct{}

func (plain) Connect() error {
	conn, err := grpc.NewClient("dns:///backend:443")
	if err != nil {
		return err
	}
	return conn.Close()
}

// A factory that names its parts returns a fresh pool like one that
// writes it inline.
func newClient() *http.Client { // want newClient:"returnsFreshPool"
	tr := &http.Transport{}
	c := &http.Client{Transport: tr}
	return c
}

func fetchAll(urls []string) {
	for _, u := range urls {
		c := newClient() // want `connection pool from newClient created on every loop iteration`
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}
