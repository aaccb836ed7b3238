package demo

import (
	"database/sql"
	"io"
	"net/http"
	"time"
)

// noKeepAlive opens a new connection, and does a new TLS handshake, for
// every request.
var noKeepAlive = &http.Client{
	Transport: &http.Transport{
		IdleConnTimeout:   90 * time.Second,
		DisableKeepAlives: true,
	},
	Timeout: 10 * time.Second,
}

// pooled keeps idle connections for the next request.
var pooled = &http.Client{
	Transport: &http.Transport{
		IdleConnTimeout: 90 * time.Second,
	},
	Timeout: 10 * time.Second,
}

// Ping asks the server to close the connection after answering.
func Ping(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Close = true
	resp, err := noKeepAlive.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// PingFixed leaves the connection to the pool.
func PingFixed(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := pooled.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// OpenStore keeps no idle database connection: every query dials,
// handshakes and authenticates again.
func OpenStore(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxIdleConns(0)
	return db, nil
}

// OpenStoreFixed keeps database/sql's default of 2 idle connections.
func OpenStoreFixed(dsn string) (*sql.DB, error) {
	return sql.Open("postgres", dsn)
}
