package a

import (
	"database/sql"
	"database/sql/driver"
)

const noIdle = 0

func open(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxIdleConns(0) // want `sql.DB with SetMaxIdleConns\(0\) keeps no idle connection: every query opens a new connection`
	db.SetMaxOpenConns(10)
	return db, nil
}

func configure(db *sql.DB) {
	db.SetMaxIdleConns(-1) // want `SetMaxIdleConns\(-1\)`
}

func configureConst(db *sql.DB) {
	db.SetMaxIdleConns(noIdle) // want `SetMaxIdleConns\(0\)`
}

// Traps.

func fromConfig(db *sql.DB, n int) {
	db.SetMaxIdleConns(n)
	db.SetMaxIdleConns(4)
}

// The connector lends connections from a pool of its own (pgx's
// stdlib.OpenDBFromPool).
func fromPool(c driver.Connector) *sql.DB {
	db := sql.OpenDB(c)
	db.SetMaxIdleConns(0)
	return db
}
