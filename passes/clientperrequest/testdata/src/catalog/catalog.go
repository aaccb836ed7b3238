// Package catalog uses every constructor of the built-in catalog per
// request, and the options that make some of them reuse a given pool.
package catalog

import (
	"context"
	"net/http"

	awsv2cfg "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/bradfitz/gomemcache/memcache"
	es7 "github.com/elastic/go-elasticsearch/v7"
	es8 "github.com/elastic/go-elasticsearch/v8"
	redis6 "github.com/go-redis/redis"
	redis8 "github.com/go-redis/redis/v8"
	"github.com/go-resty/resty/v2"
	"github.com/gocql/gocql"
	"github.com/gomodule/redigo/redis"
	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
	influxdb2 "github.com/influxdata/influxdb-client-go/v2"
	pgx4 "github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	goredis "github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	mongo2 "go.mongodb.org/mongo-driver/v2/mongo"
	"google.golang.org/grpc"
)

func grpcHandler(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, _ := grpc.Dial("greeter:443") // want `gRPC ClientConn from grpc.Dial created per request in an HTTP handler: each request pays connect, TLS and authentication again; build one gRPC ClientConn and reuse it`
	defer a.Close()
	a.Invoke(ctx, "/x", nil, nil)
	b, _ := grpc.DialContext(ctx, "greeter:443") // want `gRPC ClientConn from grpc.DialContext created per request`
	defer b.Close()
	b.Invoke(ctx, "/x", nil, nil)
	c, _ := grpc.NewClient("greeter:443", grpc.WithInsecure()) // want `gRPC ClientConn from grpc.NewClient created per request`
	defer c.Close()
	c.Invoke(ctx, "/x", nil, nil)
}

func goRedisHandler(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a := goredis.NewClient(&goredis.Options{Addr: "cache:6379"}) // want `Redis connection pool from goredis.NewClient created per request in an HTTP handler: each request pays connect, TLS and authentication again; reuse one shared Redis connection pool`
	a.Get(ctx, "k")
	b := goredis.NewClusterClient(&goredis.ClusterOptions{}) // want `Redis connection pool from goredis.NewClusterClient created`
	defer b.Close()
	b.Get(ctx, "k")
	c := goredis.NewFailoverClient(&goredis.FailoverOptions{}) // want `Redis connection pool from goredis.NewFailoverClient created`
	defer c.Close()
	c.Get(ctx, "k")
	d := goredis.NewUniversalClient(&goredis.UniversalOptions{}) // want `Redis connection pool from goredis.NewUniversalClient created`
	defer d.Close()
	d.Get(ctx, "k")
	e := goredis.NewRing(&goredis.RingOptions{}) // want `Redis connection pool from goredis.NewRing created`
	defer e.Close()
	e.Get(ctx, "k")
	f := redis8.NewClient(&redis8.Options{}) // want `Redis connection pool from redis8.NewClient created`
	defer f.Close()
	f.Get(ctx, "k")
	g := redis6.NewUniversalClient(&redis6.UniversalOptions{}) // want `Redis connection pool from redis6.NewUniversalClient created`
	defer g.Close()
	g.Get(ctx, "k")
}

func redigoHandler(w http.ResponseWriter, r *http.Request) {
	a, _ := redis.Dial("tcp", "cache:6379") // want `Redis connection from redis.Dial opened per request in an HTTP handler: each request pays connect, TLS and authentication again; build one Redis connection and reuse it`
	defer a.Close()
	a.Do("GET", "k")
	b, _ := redis.DialContext(r.Context(), "tcp", "cache:6379") // want `Redis connection from redis.DialContext opened`
	defer b.Close()
	b.Do("GET", "k")
	c, _ := redis.DialURL("redis://cache:6379") // want `Redis connection from redis.DialURL opened`
	defer c.Close()
	c.Do("GET", "k")
}

func pgHandler(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, _ := pgx.Connect(ctx, "postgres://db") // want `PostgreSQL connection from pgx.Connect opened per request`
	defer a.Close(ctx)
	a.QueryRow(ctx, "SELECT 1")
	b, _ := pgx4.Connect(ctx, "postgres://db") // want `PostgreSQL connection from pgx4.Connect opened per request`
	defer b.Close(ctx)
	b.Ping(ctx)
	c, _ := pgxpool.New(ctx, "postgres://db") // want `PostgreSQL connection pool from pgxpool.New created per request`
	defer c.Close()
	c.Ping(ctx)
	cfg, _ := pgxpool.ParseConfig("postgres://db")
	d, _ := pgxpool.NewWithConfig(ctx, cfg) // want `PostgreSQL connection pool from pgxpool.NewWithConfig created per request`
	defer d.Close()
	d.Ping(ctx)
}

func mongoHandler(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, _ := mongo.Connect(ctx, options.Client().ApplyURI("mongodb://db")) // want `MongoDB client from mongo.Connect created per request`
	defer a.Disconnect(ctx)
	a.Ping(ctx, nil)
	b, _ := mongo.NewClient(options.Client().ApplyURI("mongodb://db")) // want `MongoDB client from mongo.NewClient created per request`
	b.Connect(ctx)
	defer b.Disconnect(ctx)
	b.Ping(ctx, nil)
	c, _ := mongo2.Connect() // want `MongoDB client from mongo2.Connect created per request`
	defer c.Disconnect(ctx)
	c.Ping(ctx, nil)
}

func memcacheHandler(w http.ResponseWriter, r *http.Request) {
	a := memcache.New("cache:11211") // want `memcache client from memcache.New created per request`
	a.Get("k")
	b := memcache.NewFromSelector(nil) // want `memcache client from memcache.NewFromSelector created per request`
	b.Get("k")
}

func influxHandler(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a := influxdb2.NewClient("http://influx:8086", "token") // want `InfluxDB client from influxdb2.NewClient created per request`
	defer a.Close()
	a.Ping(ctx)
	b := influxdb2.NewClientWithOptions("http://influx:8086", "token", influxdb2.DefaultOptions().SetBatchSize(10)) // want `InfluxDB client from influxdb2.NewClientWithOptions created per request`
	defer b.Close()
	b.Ping(ctx)
}

func elasticHandler(w http.ResponseWriter, r *http.Request) {
	a, _ := es8.NewClient(es8.Config{Addresses: []string{"http://es:9200"}}) // want `Elasticsearch client from es8.NewClient created per request`
	a.Info()
	b, _ := es8.NewDefaultClient() // want `Elasticsearch client from es8.NewDefaultClient created per request`
	b.Info()
	c, _ := es7.NewDefaultClient() // want `Elasticsearch client from es7.NewDefaultClient created per request`
	c.Info()
}

func natsHandler(w http.ResponseWriter, r *http.Request) {
	nc, _ := nats.Connect("nats://bus:4222", nats.Name("api")) // want `NATS connection from nats.Connect opened per request in an HTTP handler: each request pays connect, TLS and authentication again; build one NATS connection and reuse it`
	defer nc.Close()
	nc.Publish("events", nil)
}

func amqpHandler(w http.ResponseWriter, r *http.Request) {
	a, _ := amqp.Dial("amqp://mq") // want `AMQP connection from amqp.Dial opened per request`
	defer a.Close()
	a.Channel()
	b, _ := amqp.DialTLS("amqps://mq", nil) // want `AMQP connection from amqp.DialTLS opened per request`
	defer b.Close()
	b.Channel()
	c, _ := amqp.DialConfig("amqp://mq", amqp.Config{Vhost: "/"}) // want `AMQP connection from amqp.DialConfig opened per request`
	defer c.Close()
	c.Channel()
}

func awsHandler(w http.ResponseWriter, r *http.Request) {
	cfg, _ := awsv2cfg.LoadDefaultConfig(r.Context(), awsv2cfg.WithRegion("eu-west-1")) // want `AWS config with its own HTTP client from awsv2cfg.LoadDefaultConfig created per request`
	use(cfg.Region)
	sess, _ := session.NewSession(&aws.Config{Region: aws.String("eu-west-1")}) // want `AWS session with its own HTTP client from session.NewSession created per request`
	use(*sess.Config.Region)
}

func use(string) {}

func httpLibsHandler(w http.ResponseWriter, r *http.Request) {
	a := resty.New() // want `resty client from resty.New created per request`
	a.R().Get("https://api")
	b := cleanhttp.DefaultClient() // want `http.Client with its own Transport from cleanhttp.DefaultClient created per request`
	b.Get("https://api")
	c := cleanhttp.DefaultPooledClient() // want `http.Client with its own Transport from cleanhttp.DefaultPooledClient created per request`
	c.Get("https://api")
	d := cleanhttp.DefaultTransport() // want `http.Transport from cleanhttp.DefaultTransport created per request`
	d.RoundTrip(r)
	e := cleanhttp.DefaultPooledTransport() // want `http.Transport from cleanhttp.DefaultPooledTransport created per request`
	e.RoundTrip(r)
	f := retryablehttp.NewClient() // want `retryablehttp client from retryablehttp.NewClient created per request`
	f.Get("https://api")
}

// Closing the pool after use does not make it cheap: still reported.
func closedAfterUse(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn) // want `PostgreSQL connection from pgx.Connect opened for a single request and dropped: each call of closedAfterUse pays connect, TLS and authentication again; build one PostgreSQL connection and reuse it`
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.QueryRow(ctx, "SELECT 1").Scan()
}

var shared = &http.Client{}

// Options that hand the constructor a pool built elsewhere: no fresh pool.
func withSharedPool(w http.ResponseWriter, r *http.Request, cfg es8.Config, opts *influxdb2.Options) {
	a, _ := es8.NewClient(es8.Config{Transport: shared.Transport})
	a.Info()
	b, _ := es8.NewClient(cfg) // a config built elsewhere: it may carry a transport
	b.Info()
	c := influxdb2.NewClientWithOptions("http://influx:8086", "token", influxdb2.DefaultOptions().SetHTTPClient(shared))
	c.Ping(r.Context())
	d := influxdb2.NewClientWithOptions("http://influx:8086", "token", opts)
	d.Ping(r.Context())
	e, _ := awsv2cfg.LoadDefaultConfig(r.Context(), awsv2cfg.WithHTTPClient(shared))
	use(e.Region)
	f, _ := session.NewSession(&aws.Config{HTTPClient: shared})
	use(*f.Config.Region)
	g, _ := session.NewSession((&aws.Config{}).WithHTTPClient(shared))
	use(*g.Config.Region)
}

// Built once and kept: silent.
var rdb = goredis.NewClient(&goredis.Options{Addr: "cache:6379"})

type store struct{ pool *pgxpool.Pool }

func newStore(ctx context.Context, dsn string) (*store, error) {
	p, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &store{pool: p}, nil
}

// A wrapper of a catalog constructor is a constructor too.
func dialBus(url string) (*nats.Conn, error) { // want dialBus:"returnsFreshPool"
	return nats.Connect(url)
}

func publish(w http.ResponseWriter, r *http.Request) {
	nc, _ := dialBus("nats://bus") // want `NATS connection from dialBus opened per request in an HTTP handler`
	defer nc.Close()
	nc.Publish("x", nil)
}

func sqlxHandler(w http.ResponseWriter, r *http.Request) {
	var n int
	a, _ := sqlx.Open("postgres", "postgres://db") // want `sqlx.DB from sqlx.Open created per request`
	a.Get(&n, "SELECT 1")
	b := sqlx.MustOpen("postgres", "postgres://db") // want `sqlx.DB from sqlx.MustOpen created per request`
	b.Get(&n, "SELECT 1")
	c, _ := sqlx.Connect("postgres", "postgres://db") // want `sqlx.DB from sqlx.Connect created per request`
	c.Get(&n, "SELECT 1")
	d, _ := sqlx.ConnectContext(r.Context(), "postgres", "postgres://db") // want `sqlx.DB from sqlx.ConnectContext created per request`
	d.Get(&n, "SELECT 1")
	e := sqlx.MustConnect("postgres", "postgres://db") // want `sqlx.DB from sqlx.MustConnect created per request`
	e.Get(&n, "SELECT 1")
}

func cassandraHandler(w http.ResponseWriter, r *http.Request) {
	cluster := gocql.NewCluster("cassandra:9042")
	session, err := cluster.CreateSession() // want `Cassandra session from cluster.CreateSession created per request`
	if err != nil {
		return
	}
	defer session.Close()
	session.Query("SELECT 1").Exec()
}

// A session created once, in a constructor, serves every request.
type cassandraStore struct{ session *gocql.Session }

func newCassandraStore(hosts ...string) (*cassandraStore, error) {
	s, err := gocql.NewCluster(hosts...).CreateSession()
	if err != nil {
		return nil, err
	}
	return &cassandraStore{session: s}, nil
}

func (c *cassandraStore) handle(w http.ResponseWriter, r *http.Request) {
	c.session.Query("SELECT 1").Exec()
}
