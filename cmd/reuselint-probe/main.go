// Command reuselint-probe is "reuselint probe": it measures at run time
// what reuselint's checks are about (connection reuse, TLS handshakes and
// session resumption). Run it as "reuselint probe [flags] [URL]" (see
// "reuselint probe -h"), which starts this binary.
//
// It is a binary of its own so that the one go vet starts for every
// package, cmd/reuselint, does not link net/http's server side and
// crypto/tls. "go install github.com/reuselint/reuselint/cmd/...@latest"
// installs both.
package main

import (
	"os"

	"github.com/reuselint/reuselint/cmd/internal/probe"
)

func main() {
	os.Exit(probe.Main(os.Args[1:], os.Stdout, os.Stderr))
}
