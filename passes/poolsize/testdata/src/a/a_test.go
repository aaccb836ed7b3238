package a

import (
	"database/sql"
	"net/http"
)

func newTestClient(baseURL string) *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 100, MaxConnsPerHost: 10}}
}

func openTestDB(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	db.SetMaxOpenConns(10)
	return db
}
