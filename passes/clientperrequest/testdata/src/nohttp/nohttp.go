// Package nohttp imports neither net/http nor database/sql: only the
// constructor facts of package b bring pools in.
package nohttp

import "b"

func poll(urls []string) {
	for _, u := range urls {
		c := b.NewClient() // want `connection pool from b.NewClient created on every loop iteration`
		c.Get(u)
	}
}

func once(urls []string) {
	c := b.NewClient()
	for _, u := range urls {
		c.Get(u)
	}
}
