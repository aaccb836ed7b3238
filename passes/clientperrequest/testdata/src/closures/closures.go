// Package closures makes function values that run many times (health
// checks, hooks, callbacks) and build a pool on every run, as the checks
// of github.com/hellofresh/health-go/v5 do.
package closures

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"sync"

	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
)

type Config struct{ DSN string }

// A check returned by its constructor: closing the pool after use does
// not make it cheaper.
func NewMySQLCheck(config Config) func(ctx context.Context) error {
	return func(ctx context.Context) (checkErr error) {
		db, err := sql.Open("mysql", config.DSN) // want `sql.DB opened on every call of a closure made in NewMySQLCheck: each call opens new database connections; build one DB where the closure is made, or pass it in`
		if err != nil {
			return fmt.Errorf("connect: %w", err)
		}
		defer func() {
			if err = db.Close(); err != nil && checkErr == nil {
				checkErr = err
			}
		}()
		if err = db.PingContext(ctx); err != nil {
			return err
		}
		rows, err := db.QueryContext(ctx, `SELECT VERSION()`)
		if err != nil {
			return err
		}
		return rows.Close()
	}
}

func NewRedisCheck(config Config) func(ctx context.Context) error {
	opts := &redis.Options{Addr: config.DSN}
	return func(ctx context.Context) error {
		rdb := redis.NewClient(opts) // want `Redis connection pool from redis.NewClient created on every call of a closure made in NewRedisCheck: each call pays connect, TLS and authentication again; build one Redis connection pool where the closure is made, or pass it in`
		defer rdb.Close()
		_, err := rdb.Get(ctx, "ping").Result()
		return err
	}
}

func NewGRPCCheck(target string) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		conn, err := grpc.Dial(target) // want `gRPC ClientConn from grpc.Dial created on every call of a closure made in NewGRPCCheck`
		if err != nil {
			return err
		}
		defer conn.Close()
		return conn.Invoke(ctx, "/grpc.health.v1.Health/Check", nil, nil)
	}
}

func NewNATSCheck(config Config) func(ctx context.Context) error {
	return func(context.Context) error {
		nc, err := nats.Connect(config.DSN) // want `NATS connection from nats.Connect opened on every call of a closure made in NewNATSCheck`
		if err != nil {
			return err
		}
		defer nc.Close()
		return nc.Publish("health", nil)
	}
}

// A callback kept in a struct field, and a hook appended to a slice.
type Check struct {
	Name  string
	Check func(ctx context.Context) error
}

type Hooks struct {
	before []func(ctx context.Context) error
}

func (h *Hooks) AddAMQP(url string) {
	h.before = append(h.before, func(ctx context.Context) error {
		conn, err := amqp.Dial(url) // want `AMQP connection from amqp.Dial opened on every call of a closure made in AddAMQP`
		if err != nil {
			return err
		}
		defer conn.Close()
		_, err = conn.Channel()
		return err
	})
}

func Checks(dsn string) []Check {
	return []Check{{
		Name: "postgres",
		Check: func(ctx context.Context) error {
			db, err := sql.Open("postgres", dsn) // want `sql.DB opened on every call of a closure made in Checks`
			if err != nil {
				return err
			}
			defer db.Close()
			return db.PingContext(ctx)
		},
	}}
}

type Server struct{ onRequest func(r *http.Request) error }

func (s *Server) SetAudit(url string) {
	s.onRequest = func(r *http.Request) error {
		c := &http.Client{Transport: &http.Transport{}} // want `http.Client with its own Transport created on every call of a closure made in SetAudit`
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

// Traps: silent.

// A check that receives an already open pool.
func NewDBCheck(db *sql.DB) func(ctx context.Context) error { // want NewDBCheck:"keepsPool"
	return func(ctx context.Context) error { return db.PingContext(ctx) }
}

// A pool built once where the closure is made.
func NewSharedCheck(config Config) func(ctx context.Context) error {
	rdb := redis.NewClient(&redis.Options{Addr: config.DSN})
	return func(ctx context.Context) error {
		_, err := rdb.Get(ctx, "ping").Result()
		return err
	}
}

// A closure passed to a call may run once.
func initOnce(once *sync.Once, url string) {
	once.Do(func() {
		nc, _ := nats.Connect(url)
		defer nc.Close()
		nc.Publish("hello", nil)
	})
}

// Cached lazily: built on the first call only.
type lazy struct {
	mu     sync.Mutex
	client *redis.Client
}

func (l *lazy) Getter(addr string) func(ctx context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.client == nil {
			l.client = redis.NewClient(&redis.Options{Addr: addr})
		}
		return l.client.Get(ctx, "k").Result()
	}
}

func CapturedCache(addr string) func(ctx context.Context) error {
	var rdb *redis.Client
	return func(ctx context.Context) error {
		if rdb == nil {
			rdb = redis.NewClient(&redis.Options{Addr: addr})
		}
		return rdb.Get(ctx, "k").Err()
	}
}

// sync.OnceValue: built once.
var getClient = sync.OnceValue(func() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "cache:6379"})
})

// A closure that returns the pool: its caller decides.
func Dialer(target string) func() (*grpc.ClientConn, error) {
	return func() (*grpc.ClientConn, error) { return grpc.Dial(target) }
}

// A closure that builds the pool and never uses it.
func Unused(target string) func() {
	return func() {
		conn, _ := grpc.Dial(target)
		conn.Close()
	}
}

func main() {
	_ = Checks
}

// One connection per simulated client, each kept until the benchmark
// ends and used by its own goroutine (natscli's bench serve): silent.
func benchClients(n int, url string, done chan error) {
	for i := 0; i < n; i++ {
		nc, err := nats.Connect(url)
		if err != nil {
			return
		}
		defer nc.Close()
		go serve(nc, done)
	}
	for i := 0; i < n; i++ {
		<-done
	}
}

func serve(nc *nats.Conn, done chan error) { done <- nc.Publish("x", nil) }

// Closed at the end of each iteration: reported.
func perIteration(urls []string) {
	for _, u := range urls {
		func() {
			nc, _ := nats.Connect(u) // want `NATS connection from nats.Connect opened on every loop iteration`
			defer nc.Close()
			nc.Publish("x", nil)
		}()
	}
}
