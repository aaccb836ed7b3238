// Package pgxpool is a stub of github.com/jackc/pgx/v5/pgxpool with the real signatures.
package pgxpool

import "context"

type Config struct{ MaxConns int32 }

func ParseConfig(connString string) (*Config, error) { return &Config{}, nil }

type Pool struct{}

func (*Pool) Ping(ctx context.Context) error { return nil }
func (*Pool) Close()                         {}

func New(ctx context.Context, connString string) (*Pool, error)        { return &Pool{}, nil }
func NewWithConfig(ctx context.Context, config *Config) (*Pool, error) { return &Pool{}, nil }
