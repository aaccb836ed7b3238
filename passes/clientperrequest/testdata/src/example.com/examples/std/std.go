// Package std holds examples, each run once by a test
// (github.com/ClickHouse/clickhouse-go/v2/examples/std): silent.
package std

import "database/sql"

func Connect() error {
	db, err := sql.Open("clickhouse", "clickhouse://localhost")
	if err != nil {
		return err
	}
	return db.Ping()
}
