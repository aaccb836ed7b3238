package pools

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/reuselint/reuselint/internal/nethttp"
)

// catalogEntry describes a function of a well-known client library that
// builds a new connection pool (or opens a single connection) on every
// call. The catalog is matched by package path and function name, so it
// works without facts from the library itself.
type catalogEntry struct {
	desc string // what the result is, for the message: "gRPC ClientConn"
	conn bool   // a single connection: "opened", not "created"
	http bool   // its connections are HTTP connections
	// options are names (struct fields, option functions or methods)
	// that, written in the arguments, hand the constructor a pool built
	// elsewhere; the result is then no fresh pool. For such entries an
	// argument the check cannot see into (a variable of a struct or
	// slice type, a spread slice) makes it stay silent.
	options []string
}

func entries(e catalogEntry, names ...string) map[string]catalogEntry {
	m := make(map[string]catalogEntry, len(names))
	for _, n := range names {
		m[n] = e
	}
	return m
}

var (
	goRedis  = entries(catalogEntry{desc: "Redis connection pool"}, "NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient", "NewRing")
	mongo    = entries(catalogEntry{desc: "MongoDB client"}, "Connect", "NewClient")
	elastic  = entries(catalogEntry{desc: "Elasticsearch client", http: true, options: []string{"Transport"}}, "NewClient", "NewDefaultClient")
	pgxConn  = entries(catalogEntry{desc: "PostgreSQL connection", conn: true}, "Connect")
	pgxPool  = entries(catalogEntry{desc: "PostgreSQL connection pool"}, "New", "NewWithConfig", "Connect", "ConnectConfig")
	grpcConn = entries(catalogEntry{desc: "gRPC ClientConn"}, "Dial", "DialContext", "NewClient")
	// Methods are keyed Type.Method.
	gocqlSession = entries(catalogEntry{desc: "Cassandra session"}, "ClusterConfig.CreateSession")
)

// catalog maps a package path to its pool-building functions. Checked by
// hand against the modules; see bench/realworld/clientperrequest.md.
var catalog = map[string]map[string]catalogEntry{
	"google.golang.org/grpc":                  grpcConn,
	"github.com/redis/go-redis/v9":            goRedis,
	"github.com/go-redis/redis/v8":            goRedis,
	"github.com/go-redis/redis":               goRedis,
	"github.com/gomodule/redigo/redis":        entries(catalogEntry{desc: "Redis connection", conn: true}, "Dial", "DialContext", "DialURL"),
	"github.com/jackc/pgx/v5":                 pgxConn,
	"github.com/jackc/pgx/v4":                 pgxConn,
	"github.com/jackc/pgx/v5/pgxpool":         pgxPool,
	"github.com/jackc/pgx/v4/pgxpool":         pgxPool,
	"go.mongodb.org/mongo-driver/mongo":       mongo,
	"go.mongodb.org/mongo-driver/v2/mongo":    mongo,
	"github.com/jmoiron/sqlx":                 entries(catalogEntry{desc: "sqlx.DB"}, nethttp.SQLOpeners["github.com/jmoiron/sqlx"]...),
	"github.com/bradfitz/gomemcache/memcache": entries(catalogEntry{desc: "memcache client"}, "New", "NewFromSelector"),
	"github.com/influxdata/influxdb-client-go/v2": entries(
		catalogEntry{desc: "InfluxDB client", http: true, options: []string{"SetHTTPClient"}},
		"NewClient", "NewClientWithOptions"),
	"github.com/elastic/go-elasticsearch/v7": elastic,
	"github.com/elastic/go-elasticsearch/v8": elastic,
	"github.com/elastic/go-elasticsearch/v9": elastic,
	"github.com/nats-io/nats.go":             entries(catalogEntry{desc: "NATS connection", conn: true}, "Connect"),
	"github.com/rabbitmq/amqp091-go":         entries(catalogEntry{desc: "AMQP connection", conn: true}, "Dial", "DialTLS", "DialConfig"),
	"github.com/streadway/amqp":              entries(catalogEntry{desc: "AMQP connection", conn: true}, "Dial", "DialTLS", "DialConfig"),
	"github.com/aws/aws-sdk-go-v2/config": entries(
		catalogEntry{desc: "AWS config with its own HTTP client", http: true, options: []string{"WithHTTPClient"}},
		"LoadDefaultConfig"),
	"github.com/aws/aws-sdk-go/aws/session": entries(
		catalogEntry{desc: "AWS session with its own HTTP client", http: true, options: []string{"HTTPClient", "WithHTTPClient"}},
		"NewSession"),
	"github.com/go-resty/resty/v2": entries(catalogEntry{desc: "resty client", http: true}, "New"),
	"github.com/hashicorp/go-cleanhttp": {
		"DefaultClient":          {desc: "http.Client with its own Transport", http: true},
		"DefaultPooledClient":    {desc: "http.Client with its own Transport", http: true},
		"DefaultTransport":       {desc: "http.Transport", http: true},
		"DefaultPooledTransport": {desc: "http.Transport", http: true},
	},
	"github.com/hashicorp/go-retryablehttp": entries(catalogEntry{desc: "retryablehttp client", http: true}, "NewClient"),
	// A gocql Session holds a connection pool per Cassandra host.
	"github.com/gocql/gocql":                      gocqlSession,
	"github.com/apache/cassandra-gocql-driver/v2": gocqlSession,
}

// importsCatalog reports whether pkg directly imports a package of the
// catalog.
func importsCatalog(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if catalog[imp.Path()] != nil {
			return true
		}
	}
	return false
}

// lookupCatalog returns the catalog entry of fn, a package-level function
// or a method of a named type (keyed Type.Method).
func lookupCatalog(fn *types.Func) (catalogEntry, bool) {
	name, ok := nethttp.MemberName(fn)
	if !ok {
		return catalogEntry{}, false
	}
	e, ok := catalog[fn.Pkg().Path()][name]
	return e, ok
}

// freshFromCatalog reports whether the call of a catalog function with
// options builds a fresh pool: no argument names one of the options, and
// every argument is visible: a literal, a call of a function, a value of
// a basic type or a context, not a configuration built elsewhere.
func (c *checker) freshFromCatalog(call *ast.CallExpr, e catalogEntry) bool {
	if len(e.options) == 0 {
		return true
	}
	if call.Ellipsis.IsValid() {
		return false
	}
	for _, arg := range call.Args {
		if c.opaqueArg(arg) {
			return false
		}
		named := false
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && slices.Contains(e.options, id.Name) {
				named = true
			}
			return !named
		})
		if named {
			return false
		}
	}
	return true
}

// opaqueArg reports whether the argument e is, or is derived by method
// calls from, a variable or field that is not of a basic type or a
// context: a configuration the check cannot see into.
func (c *checker) opaqueArg(e ast.Expr) bool {
	info := c.pass.TypesInfo
	for {
		if t := info.TypeOf(e); t != nil {
			if _, basic := t.Underlying().(*types.Basic); basic || nethttp.IsNamed(t, "context", "Context") {
				return false
			}
		}
		switch x := nethttp.Unaddr(e).(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || info.Selections[sel] == nil {
				return false // a function call: built here
			}
			e = sel.X // a method chain: look at its receiver
		case *ast.Ident, *ast.SelectorExpr:
			_, ok := info.Uses[identOf(x)].(*types.Var)
			return ok
		default:
			return false
		}
	}
}

func identOf(e ast.Expr) *ast.Ident {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.Sel
	}
	return e.(*ast.Ident)
}

// inCatalog reports whether the call e of fn builds a fresh pool by the
// catalog.
func (c *checker) inCatalog(e *ast.CallExpr, fn *types.Func) bool {
	ent, ok := lookupCatalog(fn)
	return ok && c.freshFromCatalog(e, ent)
}
