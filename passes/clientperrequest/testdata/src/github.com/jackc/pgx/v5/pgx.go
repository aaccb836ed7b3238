// Package pgx is a stub of github.com/jackc/pgx/v5 with the real signatures.
package pgx

import "context"

type Row interface{ Scan(dest ...any) error }

type Conn struct{}

func (*Conn) QueryRow(ctx context.Context, sql string, args ...any) Row { return nil }
func (*Conn) Close(ctx context.Context) error                           { return nil }

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }
