// Package sqlx is a stub of github.com/jmoiron/sqlx with the real signatures.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct{ *sql.DB }

func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { return nil }

func Open(driverName, dataSourceName string) (*DB, error) { return &DB{}, nil }
func MustOpen(driverName, dataSourceName string) *DB      { return &DB{} }
func Connect(driverName, dataSourceName string) (*DB, error) {
	return &DB{}, nil
}
func ConnectContext(ctx context.Context, driverName, dataSourceName string) (*DB, error) {
	return &DB{}, nil
}
func MustConnect(driverName, dataSourceName string) *DB { return &DB{} }
