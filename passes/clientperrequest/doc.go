// Package clientperrequest defines an Analyzer that reports connection
// pools built for each request.
//
// # Analyzer clientperrequest
//
// clientperrequest: connection pool built per request instead of once
//
// Bad:
//
//	func fetch(w http.ResponseWriter, r *http.Request) {
//		client := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}}
//		resp, err := client.Get("https://api.example.com/items")
//		...
//	}
//
// Good:
//
//	var sharedClient = &http.Client{Transport: &http.Transport{MaxIdleConns: 10}}
//
//	func fetch(w http.ResponseWriter, r *http.Request) {
//		resp, err := sharedClient.Get("https://api.example.com/items")
//		...
//	}
//
// Why it costs: an http.Client holds no connections: its Transport does. A
// new *http.Transport (a literal, new(http.Transport), or Clone() of any
// transport) is a new, empty pool, so a request sent through it dials a
// new TCP connection and does a full TLS handshake, often hundreds of
// milliseconds and real CPU, and its idle connections linger until they
// time out. The same goes for an *sql.DB from sql.Open or sql.OpenDB, for
// the clients of the libraries of the catalog below (each call connects,
// does TLS and authenticates again; closing it after use does not make
// that cheaper), and for the constructors named with
// -clientperrequest.constructors.
//
// Reported: such a pool (a transport, a database, a client of the
// catalog below) built and dropped on every run of code that runs many
// times: in an HTTP handler (a function with the
// (http.ResponseWriter, *http.Request) parameters, such as a ServeHTTP
// method or a closure passed to HandleFunc), in a RoundTrip method (run
// for each request it carries), in a gRPC handler (a method with an RPC's
// signature of a type embedding the generated Unimplemented...Server),
// in a loop body when the pool
// does not outlive the iteration, in a function that builds it, sends
// a single request with it and lets it die (each call of that function is
// one request with its own pool), or in a closure kept to run many times:
// returned by the function that makes it, stored in a field, a slice or a
// struct literal (a health check, a hook, a retry step, a callback). A
// function that returns a freshly built pool on every path is a
// constructor (a fact, across packages), and calling it in those places
// is reported too. The pool is followed through clients assembled field
// by field (c.Transport = tr), request methods taken as values
// (do := c.Do; send(c.Do, req)) and wrappers built around it whose
// methods of the same package send the requests.
//
// The built-in catalog of pool constructors, by package path and function
// name: google.golang.org/grpc
// (Dial, DialContext, NewClient); github.com/redis/go-redis/v9,
// github.com/go-redis/redis and its /v8 (NewClient, NewClusterClient,
// NewFailoverClient, NewUniversalClient, NewRing);
// github.com/gomodule/redigo/redis (Dial, DialContext, DialURL);
// github.com/jmoiron/sqlx (Open, MustOpen, Connect, ConnectContext,
// MustConnect);
// github.com/jackc/pgx/v5 and /v4 (Connect) and their pools,
// github.com/jackc/pgx/v5/pgxpool and /v4/pgxpool (New, NewWithConfig;
// Connect, ConnectConfig in v4);
// go.mongodb.org/mongo-driver/mongo (Connect, NewClient) and its /v2
// (Connect); github.com/bradfitz/gomemcache/memcache (New,
// NewFromSelector); github.com/influxdata/influxdb-client-go/v2
// (NewClient, NewClientWithOptions without SetHTTPClient);
// github.com/elastic/go-elasticsearch/v7, /v8, /v9 (NewClient without a
// Transport, NewDefaultClient); github.com/nats-io/nats.go (Connect);
// github.com/rabbitmq/amqp091-go and github.com/streadway/amqp (Dial,
// DialTLS, DialConfig); github.com/aws/aws-sdk-go-v2/config
// (LoadDefaultConfig without WithHTTPClient);
// github.com/aws/aws-sdk-go/aws/session (NewSession without an
// HTTPClient); github.com/go-resty/resty/v2 (New);
// github.com/hashicorp/go-cleanhttp (DefaultClient, DefaultTransport,
// DefaultPooledClient, DefaultPooledTransport);
// github.com/hashicorp/go-retryablehttp (NewClient);
// github.com/gocql/gocql and github.com/apache/cassandra-gocql-driver/v2
// ((*ClusterConfig).CreateSession: a pool per Cassandra host). Where an option can
// hand the constructor a pool built elsewhere, a configuration passed in
// a variable keeps the check silent.
//
// The fix: when the expression that builds the pool refers to no local
// name, the suggested fix moves it into a package-level variable
// (sharedTransport, sharedClient...) built once, and uses that variable
// where the pool was built. There is no fix when the expression refers to
// local values, reads a variable of its package or calls one of its
// functions (at initialization they could differ: flags, configuration),
// or when the code closes or configures the pool after building it: build
// one pool where the program starts and pass it along. In a closure that
// captures its configuration, build the pool once where the closure is
// made, or pass it in.
//
// Not reported: an http.Client with no Transport or a shared one (its pool
// is the shared transport), a RoundTripper wrapping a shared transport,
// package-level pools, pools stored in a field, global, map, slice or
// channel, returned, or captured by a closure (sync.Once, sync.OnceValue),
// a client built once before a loop, main, init and test functions, and
// unexported functions that only they call, outside loops (a command's
// run function builds its one client there), command-line actions
// (functions taking a cobra, urfave/cli, kingpin, fisk or kong context),
// functions of example and test-support packages (an import path element
// such as examples, docexamples, example or testutil), a closure passed to a
// call (sync.Once.Do may run it once), a check given an open pool, one
// pool per loop iteration kept until the function returns (closed by a
// defer in the loop, or handed to a goroutine), a function that builds a
// pool only when an option asks for it, and a transport built for one
// protocol-upgrade request (WebSocket): its connection is taken over.
//
// Options: -clientperrequest.constructors adds pool constructors of your
// own (an internal httpx.NewClient, a fork of a catalog entry) as a
// comma-separated list of fully qualified names, a function as
// example.com/pkg.NewClient or a method as
// (*example.com/pkg.Config).NewClient. They are reported like the
// catalog's.
//
// Known limits: the check follows a pool within the function that builds
// it, into the functions of the same package it is passed to, and into
// exported functions of other packages known (a fact) to use a client,
// transport or database without keeping it. A pool passed to another
// function of another package is assumed to be kept, unless the function
// returns a value that holds it (a gRPC client stub, a wrapper), which is
// then followed, except where a fact says the function keeps it. A pool
// in a variable declared before a loop and rebuilt in every iteration is
// not reported, nor is a
// Transport that dials through a local connection, pipe or buffer (it
// exists for this call only). Handlers of other frameworks than net/http
// are not recognized. Closures made in main or init are not reported,
// nor are closures kept in a local variable, nor a pool handed to an SDK
// configuration (config.WithHTTPClient) and used through it once. Catalog
// entries are matched by name: a fork under another path needs
// -clientperrequest.constructors.
package clientperrequest
