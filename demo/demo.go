// Package demo is a small HTTP client with one instance of every problem
// reuselint finds, one file per check. Run "go tool reuselint ./..." here.
package demo
