package sqlxuser

import (
	"database/sql"

	"github.com/jmoiron/sqlx"
)

func Connect(dsn string) (*sqlx.DB, error) {
	db, err := sqlx.Connect("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(100) // want `SetMaxOpenConns\(100\) and no SetMaxIdleConns`
	return db, nil
}

// wrapped is not opened here: its owner sized it, or not.
func wrapped(raw *sql.DB) *sqlx.DB {
	db := sqlx.NewDb(raw, "postgres")
	db.SetMaxOpenConns(100)
	return db
}
