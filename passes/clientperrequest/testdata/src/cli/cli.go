// Package cli holds command-line actions: each runs once per invocation
// of the program, so the connection it opens is not per request. Taken
// from github.com/nats-io/natscli@v0.5.0.
package cli

import (
	"github.com/choria-io/fisk"
	"github.com/nats-io/nats.go"
	"github.com/spf13/cobra"
)

type pubCmd struct{ subject string }

func newNatsConn(url string, opts ...nats.Option) (*nats.Conn, error) { // want newNatsConn:"returnsFreshPool"
	return nats.Connect(url, opts...)
}

func (c *pubCmd) publish(_ *fisk.ParseContext) error {
	nc, err := newNatsConn("")
	if err != nil {
		return err
	}
	defer nc.Close()
	return nc.Publish(c.subject, nil)
}

// Called only from an action: runs once too.
func (c *pubCmd) request() error {
	nc, err := nats.Connect("")
	if err != nil {
		return err
	}
	defer nc.Close()
	return nc.Publish(c.subject, nil)
}

func (c *pubCmd) requestAction(_ *fisk.ParseContext) error { return c.request() }

func configure(cmd *fisk.CmdClause) {
	c := &pubCmd{}
	cmd.Action(c.publish)
	cmd.Action(c.requestAction)
	cmd.Action(func(_ *fisk.ParseContext) error {
		nc, err := nats.Connect("")
		if err != nil {
			return err
		}
		defer nc.Close()
		return nc.Publish("x", nil)
	})
}

// A closure returned as a command's action runs once too.
func withConn(fn func(*nats.Conn) error) fisk.Action {
	return func(_ *fisk.ParseContext) error {
		nc, err := nats.Connect("")
		if err != nil {
			return err
		}
		defer nc.Close()
		return nc.Publish("x", nil)
	}
}

var rootCmd = &cobra.Command{
	RunE: func(cmd *cobra.Command, args []string) error {
		nc, err := nats.Connect("")
		if err != nil {
			return err
		}
		defer nc.Close()
		return nc.Publish("x", nil)
	},
}

// Not an action: a function that opens a connection for each message it
// publishes is reported.
func Publish(subject string) error {
	nc, err := nats.Connect("") // want `NATS connection from nats.Connect opened for a single request and dropped`
	if err != nil {
		return err
	}
	defer nc.Close()
	return nc.Publish(subject, nil)
}
