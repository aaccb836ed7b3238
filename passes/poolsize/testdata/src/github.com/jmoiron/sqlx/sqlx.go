// Package sqlx is a stub of github.com/jmoiron/sqlx.
package sqlx

import "database/sql"

type DB struct{ *sql.DB }

func Connect(driver, dsn string) (*DB, error) { return nil, nil }
func NewDb(db *sql.DB, driver string) *DB     { return &DB{db} }
