// Package grpcish stands in for a client library whose constructor builds
// a connection pool, such as google.golang.org/grpc.NewClient.
package grpcish

type ClientConn struct{}

func (*ClientConn) Invoke(method string) error { return nil }
func (*ClientConn) Close() error               { return nil }

// NewClient is named by the -constructors flag in the test.
func NewClient(target string) (*ClientConn, error) { return &ClientConn{}, nil }

// Dial is not named by the flag.
func Dial(target string) (*ClientConn, error) { return &ClientConn{}, nil }

type GreeterClient interface {
	SayHello(name string) (string, error)
}

type greeter struct{ cc *ClientConn }

func (g greeter) SayHello(name string) (string, error) { return "", g.cc.Invoke("hello") }

func NewGreeterClient(cc *ClientConn) GreeterClient { return greeter{cc} }

type Redis struct{}

func (*Redis) Get(key string) (string, error) { return "", nil }

// NewRedis is named by the flag and returns a single value.
func NewRedis() *Redis { return &Redis{} }

// Factory has a constructor method, named by the flag in its method form.
type Factory struct{}

func (*Factory) Conn() *ClientConn { return &ClientConn{} }
