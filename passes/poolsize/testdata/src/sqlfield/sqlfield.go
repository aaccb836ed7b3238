// Package sqlfield sizes pools held in fields and package variables.
package sqlfield

import "database/sql"

type Store struct {
	db    *sql.DB
	audit *sql.DB
}

// open sizes s.db; configure, another function, raises its idle limit.
func (s *Store) open(dsn string) error {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return err
	}
	s.db = db
	s.db.SetMaxOpenConns(40)
	return nil
}

func (s *Store) configure() {
	s.db.SetMaxIdleConns(40)
}

// openAudit sizes s.audit, whose idle limit nothing raises.
func (s *Store) openAudit(dsn string) error {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return err
	}
	s.audit = db
	s.audit.SetMaxOpenConns(8) // want `SetMaxOpenConns\(8\) and no SetMaxIdleConns`
	return nil
}

var shared *sql.DB

func init() {
	shared, _ = sql.Open("mysql", "dsn")
	shared.SetMaxOpenConns(25)
}

func tune() { shared.SetMaxIdleConns(25) }

var other *sql.DB

func setup() {
	other, _ = sql.Open("mysql", "dsn")
	other.SetMaxOpenConns(25) // want `SetMaxOpenConns\(25\)`
}
