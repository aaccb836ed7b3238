package demo

import (
	"database/sql"
	"net/http"
	"time"
)

// NewSearchClient sizes its pool for 32 requests in flight to the search
// service, but keeps only 2 idle connections per host: after each burst,
// 30 connections are closed and the next burst dials and handshakes again.
func NewSearchClient(endpoint string) *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		MaxConnsPerHost:     32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
		ForceAttemptHTTP2:   true,
	}}
}

// NewSearchClientFixed keeps as many idle connections per host as it
// may open.
func NewSearchClientFixed(endpoint string) *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		MaxConnsPerHost:     32,
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
		ForceAttemptHTTP2:   true,
	}}
}

// OpenOrders allows 20 queries at once but keeps 2 connections idle.
func OpenOrders(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	return db, nil
}

// OpenOrdersFixed keeps every connection it may open.
func OpenOrdersFixed(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	return db, nil
}
