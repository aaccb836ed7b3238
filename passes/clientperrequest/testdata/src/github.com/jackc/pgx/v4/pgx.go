// Package pgx is a stub of github.com/jackc/pgx/v4 with the real signatures.
package pgx

import "context"

type Conn struct{}

func (*Conn) Ping(ctx context.Context) error  { return nil }
func (*Conn) Close(ctx context.Context) error { return nil }

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }
