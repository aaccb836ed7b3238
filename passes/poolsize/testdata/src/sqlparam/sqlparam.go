// Package sqlparam sizes every pool through a helper taking a parameter:
// the pool a constructor opens may go through it.
package sqlparam

import "database/sql"

func Open(dsn string) (*sql.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(30)
	tune(db)
	return db, nil
}

func tune(db *sql.DB) { db.SetMaxIdleConns(30) }
